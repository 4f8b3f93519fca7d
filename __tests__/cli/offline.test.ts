// The offline verbs start as fast as Node does because they parse no HTTP client and no cache
// library: proven by the chunks the bundled CLI really loads, not by timing (npm run bench does that).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scratchHome, cliEntry } from '../support/cli.js';
import { fakeToken } from '../support/fake-tokens.js';
import { stepNode } from '../support/runner.js';

const hook = fileURLToPath(new URL('../support/loaded.cjs', import.meta.url));
// What the HTTP stack (undici, @actions/http-client), Octokit and the cache library's twirp client bring.
const NETWORK_CODE = /undici|octokit|twirp|http-client/i;

/** The files of dist/cli and the Node built-ins a command line loads, and whether it exited 0. */
function loadedBy(args: string[]): { code: number | null; files: string[]; builtins: string[] } {
  const home = scratchHome();
  const log = join(home, 'loaded.log');
  writeFileSync(log, '');
  const r = spawnSync(stepNode, ['--require', hook, cliEntry, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      LOADED_LOG: log,
      GH_TOKEN: 'not-a-token',
      OAUTH_BROKER_RETRY_BASE_MS: '1',
    },
    encoding: 'utf8',
  });
  const loaded = readFileSync(log, 'utf8').split('\n');
  return {
    code: r.status,
    files: loaded.filter((f) => f.includes('/dist/cli/')),
    builtins: loaded.filter((f) => f.startsWith('node:')),
  };
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

  // node:crypto and node:child_process each cost a start a tenth to a fifth of `node -e 0`.
  it('status loads neither node:crypto, nor node:child_process, nor node:readline', () => {
    const { code, builtins } = loadedBy(['status', '--json', '--from', credentialsFile()]);
    expect(code).toBe(0);
    expect(builtins).toContain('node:internal/util/parse_args/parse_args');
    expect(builtins.filter((b) => /^node:(internal\/)?(crypto|child_process|readline)(\/|$)/.test(b))).toEqual([]);
  });

  it('the check can fail: login, which makes a PKCE challenge, loads node:crypto', () => {
    const { builtins } = loadedBy(['login', '--provider', 'anthropic', '--out', '-']);
    expect(builtins).toContain('node:crypto');
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

describe('a broken copy of dist/cli', () => {
  it('a verb whose chunk is missing: exit 1 and one line, not a stack or exit 0', () => {
    const copy = join(scratchHome(), 'cli');
    cpSync(dirname(cliEntry), copy, { recursive: true });
    // Every chunk that holds status.ts.
    for (const f of readdirSync(copy).filter((f) => /^\d+\.index\.js$/.test(f))) {
      if (readFileSync(join(copy, f), 'utf8').includes('valid_for_min_ttl')) rmSync(join(copy, f));
    }
    const r = spawnSync(stepNode, [join(copy, 'index.js'), 'status', '--from', credentialsFile()], {
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code: 1,
      stdout: '',
      stderr: 'oauth-broker: could not start (MODULE_NOT_FOUND); install dist/cli again, whole.\n',
    });
  });
});
