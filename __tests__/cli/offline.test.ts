// The offline verbs start as fast as Node does because they parse no HTTP client and no cache
// library: proven by the chunks the bundled CLI really loads, not by timing (npm run bench does that).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scratchHome, cliEntry } from '../support/cli.js';
import { fakeToken } from '../support/fake-tokens.js';
import { stepNode } from '../support/runner.js';

const hook = fileURLToPath(new URL('../support/loaded.mjs', import.meta.url));
// What the HTTP stack (undici, @actions/http-client), Octokit and the cache library's twirp client bring.
const NETWORK_CODE = /undici|octokit|twirp|http-client/i;

/** The files of dist/cli a command line loads, and whether it exited 0. */
function loadedBy(args: string[]): { code: number | null; files: string[] } {
  const home = scratchHome();
  const log = join(home, 'loaded.log');
  writeFileSync(log, '');
  const r = spawnSync(stepNode, ['--import', hook, cliEntry, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      LOADED_LOG: log,
      GH_TOKEN: 'not-a-token',
      OAUTH_BROKER_RETRY_BASE_MS: '1',
    },
    encoding: 'utf8',
  });
  const files = readFileSync(log, 'utf8')
    .split('\n')
    .filter((u) => u.includes('/dist/cli/'));
  return { code: r.status, files: files.map((u) => fileURLToPath(u)) };
}

function credentialsFile(): string {
  const file = join(scratchHome(), 'credentials.json');
  const doc = { accessToken: fakeToken('anthropic-access'), refreshToken: fakeToken('anthropic-refresh') };
  writeFileSync(file, JSON.stringify({ claudeAiOauth: { ...doc, expiresAt: Date.now() + 3_600_000, scopes: [] } }));
  return file;
}

describe('the offline verbs load no network code', () => {
  it('status', () => {
    const { code, files } = loadedBy(['status', '--json', '--from', credentialsFile()]);
    expect(code).toBe(0);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) expect([f, NETWORK_CODE.test(readFileSync(f, 'utf8'))]).toEqual([f, false]);
  });

  it('seal', () => {
    const key = join(scratchHome(), 'key.json');
    writeFileSync(key, JSON.stringify({ key_id: '568250167242549743', key: randomBytes(32).toString('base64') }));
    const { code, files } = loadedBy(['seal', '--key-file', key, '--from', credentialsFile()]);
    expect(code).toBe(0);
    for (const f of files) expect([f, NETWORK_CODE.test(readFileSync(f, 'utf8'))]).toEqual([f, false]);
  });

  it('the check can fail: public-key, which talks to GitHub, loads the HTTP client', () => {
    const { files } = loadedBy(['public-key', '--repo', 'octo/app', '--api-url', 'http://127.0.0.1:9']);
    expect(files.some((f) => NETWORK_CODE.test(readFileSync(f, 'utf8')))).toBe(true);
  });

  it('an unknown verb loads the entry alone', () => {
    const { code, files } = loadedBy(['frobnicate']);
    expect(code).toBe(2);
    expect(files).toEqual([cliEntry]);
  });
});
