// Bounded JSON through the bundle: every verb that reads credentials or a value to store (status,
// seal, import, put) refuses one nesting deeper than 64 levels in one line naming where it came
// from, before anything is written or sent. The core of it: __tests__/json-depth.test.ts.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, scratchHome } from '../support/cli.js';
import { fakeToken } from '../support/fake-tokens.js';
import { closedPort } from '../support/http.js';

const DEPTH = 6000;
const TOO_DEEP = `the value nests JSON ${DEPTH} levels deep, and the limit is 64`;
const FIX = 'store the document the login wrote.';

/** Claude Code credentials nesting DEPTH levels. */
function deep(): string {
  const o = JSON.stringify({
    accessToken: fakeToken('anthropic-access'),
    refreshToken: fakeToken('anthropic-refresh'),
    expiresAt: Date.now() + 3_600_000,
  });
  return `{"claudeAiOauth":${o.slice(0, -1)},"extra":${'['.repeat(DEPTH - 2)}${']'.repeat(DEPTH - 2)}}}`;
}

function file(text: string): string {
  const path = join(scratchHome(), 'value.json');
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

/** Exit 1, that one line on stderr, nothing on stdout. */
function expectRefused(r: { code: number | null; stdout: string; stderr: string }, line: string): void {
  expect(r.stderr.trim().split('\n')).toEqual([line]);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
}

describe('a value nesting 6000 levels', () => {
  it('status --from FILE', async () => {
    const path = file(deep());
    expectRefused(
      await runCli(['status', '--from', path]),
      `oauth-broker status: error[OB_CREDENTIALS]: --from ${path}: ${TOO_DEEP}; ${FIX}`,
    );
  });

  it('seal, from stdin', async () => {
    const key = randomBytes(32).toString('base64');
    const r = await runCli(['seal', '--public-key', key, '--key-id', '1'], { stdin: deep() });
    expectRefused(r, `oauth-broker seal: error[OB_CREDENTIALS]: --from -: ${TOO_DEEP}; ${FIX}`);
  });

  it('import claude-code --path FILE', async () => {
    const path = file(deep());
    const r = await runCli(['import', 'claude-code', '--path', path, '--out', '-']);
    expectRefused(r, `oauth-broker import: error[OB_CREDENTIALS]: ${path}: ${TOO_DEEP}; ${FIX}`);
  });

  it('put --sealed FILE, before any call to GitHub', async () => {
    const path = file(`{"key_id":"1","encrypted_value":${'['.repeat(DEPTH - 1)}${']'.repeat(DEPTH - 1)}}`);
    const env = { GH_TOKEN: fakeToken('pat'), GITHUB_API_URL: `http://127.0.0.1:${await closedPort()}` };
    const r = await runCli(['put', '--repo', 'octo/app', '--secret', 'S', '--sealed', path], { env });
    expectRefused(r, `oauth-broker put: error[OB_CREDENTIALS]: --sealed ${path}: ${TOO_DEEP}; seal the value again.`);
  });
});
