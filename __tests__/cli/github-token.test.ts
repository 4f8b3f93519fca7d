// Which GitHub token and API the CLI's secret commands use (GH_TOKEN, GITHUB_TOKEN, gh auth token; --api-url,
// GITHUB_API_URL), through the bundle against the GitHub stand-in.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeToken } from '../support/fake-tokens.js';
import { claudeCodeLogin } from '../support/logins.js';
import { closedPort } from '../support/http.js';
import { failure, lines, REPO, SECRET, useCliGitHub } from '../support/cli-github.js';

const { gh, pat, cli } = useCliGitHub();

describe('the token and the API', () => {
  /** A `gh` that records its arguments and prints the token (or fails). */
  function stubGh(print: string, code = 0): { path: string; args: () => string } {
    const dir = mkdtempSync(join(tmpdir(), 'oauth-broker-gh-'));
    const argsFile = join(dir, 'args');
    writeFileSync(
      join(dir, 'gh'),
      `#!/bin/sh\nprintf '%s ' "$@" > '${argsFile}'\nprintf '%s\\n' '${print}'\nexit ${code}\n`,
    );
    chmodSync(join(dir, 'gh'), 0o755);
    return { path: dir, args: () => readFileSync(argsFile, 'utf8').trim() };
  }

  it('takes GH_TOKEN over GITHUB_TOKEN, then GITHUB_TOKEN', async () => {
    const unknown = fakeToken('pat');
    const first = await cli(['public-key', '--repo', REPO], { env: { GH_TOKEN: pat, GITHUB_TOKEN: unknown } });
    expect(first.code).toBe(0);
    const second = await cli(['public-key', '--repo', REPO], { env: { GH_TOKEN: '', GITHUB_TOKEN: unknown } });
    expect(second.code).toBe(1);
    expect(lines(second.stderr)[0]).toMatch(
      /^oauth-broker public-key: error\[OB_GITHUB_ACCESS\]: GITHUB_TOKEN: .*401 Bad credentials/,
    );
    expect(gh.requests.map((q) => q.headers.authorization)).toEqual([`token ${pat}`, `token ${unknown}`]);
  });

  it('asks gh auth token last, with --hostname for another host than github.com', async () => {
    const stub = stubGh(pat);
    const env = { GH_TOKEN: '', PATH: stub.path };
    const r = await cli(['seed', '--repo', REPO, '--secret', 'FROM_GH'], { stdin: claudeCodeLogin(), env });
    expect(r.code).toBe(0);
    expect(stub.args()).toBe('auth token --hostname 127.0.0.1');
    const offline = { ...env, GITHUB_API_URL: '', HTTPS_PROXY: `http://127.0.0.1:${await closedPort()}` };
    const dotcom = await cli(['public-key', '--repo', REPO], { env: offline });
    expect(stub.args()).toBe('auth token');
    expect(failure(dotcom.stderr)).toMatch(
      /^oauth-broker public-key: error\[OB_GITHUB\]: --api-url: could not read .*check --api-url and the network\.$/,
    );
  });

  it('says the three ways in one line when there is no token', async () => {
    const nothing = { GH_TOKEN: '', PATH: mkdtempSync(join(tmpdir(), 'oauth-broker-empty-')) };
    const line =
      'oauth-broker seed: error[OB_GITHUB_ACCESS]: no GitHub token: set GH_TOKEN or GITHUB_TOKEN to a ' +
      'fine-grained PAT, ' +
      'or log in with gh auth login.';
    const none = await cli(['seed', '--repo', REPO, '--secret', SECRET], { stdin: claudeCodeLogin(), env: nothing });
    expect(none.code).toBe(1);
    expect(lines(none.stderr)[0]).toBe(line);
    expect(none.stderr).toMatch(/gh \(the GitHub CLI\) is not on PATH/);
    const failing = stubGh('not logged in', 1);
    const loggedOut = await cli(['seed', '--repo', REPO, '--secret', SECRET], {
      stdin: claudeCodeLogin(),
      env: { GH_TOKEN: '', PATH: failing.path },
    });
    expect(lines(loggedOut.stderr)[0]).toBe(line);
    expect(loggedOut.stderr).toMatch(/gh auth token --hostname 127\.0\.0\.1 gave no token \(exit 1\)/);
    expect(gh.requests).toEqual([]);
  });

  it('takes --api-url over GITHUB_API_URL, and names the one it used', async () => {
    const elsewhere = `http://127.0.0.1:${await closedPort()}`;
    const given = await cli(['public-key', '--repo', REPO, '--api-url', gh.url], {
      env: { GITHUB_API_URL: elsewhere },
    });
    expect(given.code).toBe(0);
    const env = await cli(['public-key', '--repo', REPO], { env: { GITHUB_API_URL: elsewhere } });
    expect(env.code).toBe(1);
    expect(failure(env.stderr)).toMatch(
      /^oauth-broker public-key: error\[OB_GITHUB\]: GITHUB_API_URL: could not read the public key/,
    );
  });
});
