// Inputs as the runner passes them: defaults per provider, and one clear line per mistake.
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../src/core/errors.js';
import { readConfig } from '../src/action/inputs.js';
import type { Env } from '../src/core/env.js';
import { recordingCore } from './support/core.js';

function config(inputs: Record<string, string>, env: Env = {}) {
  const all: Env = { HOME: '/home/runner', GITHUB_REPOSITORY: 'octo/app', GITHUB_WORKSPACE: '/work/ws', ...env };
  for (const [k, v] of Object.entries(inputs)) all[`INPUT_${k.toUpperCase()}`] = v;
  return readConfig(recordingCore(all), all);
}

describe('defaults', () => {
  it('anthropic: its endpoint and client, CLAUDE_CODE_OAUTH_TOKEN, no file, broker-only refresh', () => {
    const c = config({});
    expect(c).toMatchObject({
      mode: 'auto',
      minTtlMs: 30 * 60_000,
      lockTimeoutMs: 120_000,
      share: true,
      tokenUrl: 'https://platform.claude.com/v1/oauth/token',
      clientId: '9d1c250a-e61b-44d9-88ed-5944d1962f5e',
      envName: 'CLAUDE_CODE_OAUTH_TOKEN',
      clientRefresh: false,
      githubApiUrl: 'https://api.github.com',
    });
    expect(c.credentialsFile).toBeUndefined();
    expect(c.secret).toBeUndefined();
  });

  it('openai: auth.json under CODEX_HOME, no variable, the CLI may refresh', () => {
    expect(config({ provider: 'openai' })).toMatchObject({
      envName: undefined,
      clientRefresh: true,
      credentialsFile: '/home/runner/.codex/auth.json',
    });
    expect(config({ provider: 'openai' }, { CODEX_HOME: '/opt/codex' }).credentialsFile).toBe('/opt/codex/auth.json');
  });

  it('credentials-file: auto, a relative path (to the workspace), ~, none', () => {
    expect(config({ 'credentials-file': 'auto' }).credentialsFile).toBe('/home/runner/.claude/.credentials.json');
    expect(config({ 'credentials-file': 'creds.json' }).credentialsFile).toBe('/work/ws/creds.json');
    expect(config({ 'credentials-file': '~/x.json' }).credentialsFile).toBe('/home/runner/x.json');
    expect(config({ provider: 'openai', 'credentials-file': 'none' }).credentialsFile).toBeUndefined();
  });

  it("secret targets: repository (default the workflow's), environment, organization", () => {
    expect(config({ 'secret-name': 'CREDS' }).secret).toEqual({
      kind: 'repo',
      owner: 'octo',
      repo: 'app',
      name: 'CREDS',
    });
    expect(config({ 'secret-name': 'CREDS', 'secret-repository': 'a/b', 'secret-environment': 'prod' }).secret).toEqual(
      { kind: 'env', owner: 'a', repo: 'b', environment: 'prod', name: 'CREDS' },
    );
    expect(config({ 'secret-name': 'CREDS', 'secret-org': 'octo' }).secret).toEqual({
      kind: 'org',
      org: 'octo',
      name: 'CREDS',
    });
  });

  it('GHES: github-api-url from the runner, env-name none, scope override', () => {
    const c = config(
      { 'env-name': 'none', scope: 'user:inference  user:profile' },
      { GITHUB_API_URL: 'https://ghe.example.com/api/v3/' },
    );
    expect(c.githubApiUrl).toBe('https://ghe.example.com/api/v3');
    expect(c.envName).toBeUndefined();
    expect(c.scopes).toEqual(['user:inference', 'user:profile']);
  });
});

describe('env-name', () => {
  it.each([
    ['PATH', /programs find commands/],
    ['NODE_OPTIONS', /Node\.js obeys it/],
    ['node_path', /Node\.js obeys it/],
    ['LD_PRELOAD', /dynamic loader/],
    ['DYLD_INSERT_LIBRARIES', /dynamic loader/],
    ['BASH_ENV', /shell of every run step/],
    ['ENV', /shell of every run step/],
    ['PS4', /shell of every run step/],
    ['HOME', /programs find/],
    ['TMPDIR', /programs find/],
    ['GITHUB_X', /the runner and actions read it/],
    ['RUNNER_TEMP', /the runner and actions read it/],
    ['ACTIONS_RUNTIME_TOKEN', /the runner and actions read it/],
    ['INPUT_CREDENTIALS', /the runner and actions read it/],
    ['STATE_X', /the runner and actions read it/],
    ['JAVA_TOOL_OPTIONS', /an interpreter loads it/],
    ['PYTHONPATH', /an interpreter loads it/],
    ['PERL5OPT', /an interpreter loads it/],
    ['RUBYOPT', /an interpreter loads it/],
    ['GIT_SSH_COMMAND', /git or ssh obeys it/],
    ['HTTPS_PROXY', /network clients obey it/],
  ])('refuses %s, with the reason', (name, reason) => {
    const refused = new RegExp(`^env-name: refusing ${name}, it changes how later steps run \\(`);
    expect(() => config({ 'env-name': name })).toThrow(refused);
    expect(() => config({ 'env-name': name })).toThrow(reason);
  });

  it.each(['CLAUDE_CODE_OAUTH_TOKEN', 'MY_TOKEN', 'PATHFINDER_TOKEN', 'CODEX_TOKEN'])('takes %s', (name) => {
    expect(config({ 'env-name': name }).envName).toBe(name);
  });
});

describe('~ and auto are refused in an empty HOME or the root folder, before anything is spent', () => {
  const fix = "; set HOME to the runner user's home, or give an absolute path.";
  it.each([
    ['auto', '', ', and HOME is empty'],
    ['auto', '/', ', "/"'],
    ['~/x.json', '/', ', "/"'],
    ['~/x.json', '', ', and HOME is empty'],
    ['auto', '//', ', "//"'],
    ['auto', 'relative/home', ', "relative/home"'],
  ])('credentials-file %s with HOME %j', (file, home, where) => {
    const refused = new UserError(
      'OB_INPUT_INVALID',
      `credentials-file: "${file}" would be written in the home folder${where}${fix}`,
    );
    expect(() => config({ 'credentials-file': file }, { HOME: home })).toThrow(refused);
    expect(() => config({ provider: 'openai', 'credentials-file': file }, { HOME: home })).toThrow(refused);
  });

  it('openai: the default file is refused too, unless CODEX_HOME says where it goes', () => {
    expect(() => config({ provider: 'openai' }, { HOME: '/' })).toThrow(/^credentials-file: "auto" would be written/);
    const codex = config({ provider: 'openai' }, { HOME: '/', CODEX_HOME: '/opt/codex' });
    expect(codex.credentialsFile).toBe('/opt/codex/auth.json');
    expect(() => config({ provider: 'openai' }, { CODEX_HOME: 'codex' })).toThrow(
      new UserError(
        'OB_INPUT_INVALID',
        'credentials-file: "auto" is under CODEX_HOME, a relative path; make it absolute, or give a path.',
      ),
    );
  });

  it('a path that is not in the home folder, or none, needs no home', () => {
    expect(config({ 'credentials-file': '/opt/ci/creds.json' }, { HOME: '/' }).credentialsFile).toBe(
      '/opt/ci/creds.json',
    );
    expect(config({ 'credentials-file': 'creds.json' }, { HOME: '' }).credentialsFile).toBe('/work/ws/creds.json');
    expect(config({}, { HOME: '/' }).credentialsFile).toBeUndefined();
  });

  it("without HOME, the account's home, as the defaults do", () => {
    const all: Env = { GITHUB_REPOSITORY: 'octo/app', 'INPUT_CREDENTIALS-FILE': '~/x.json' };
    const home = homedir() || userInfo().homedir;
    expect(readConfig(recordingCore(all), all).credentialsFile).toBe(join(home, 'x.json'));
  });
});

describe('mistakes', () => {
  it.each([
    [{ provider: 'oauth2' }, /^token-url: provider oauth2 needs token-url and client-id/],
    [{ provider: 'oauth2', 'token-url': 'https://idp.example/token' }, /^client-id: provider oauth2 needs/],
    [
      { provider: 'oauth2', 'token-url': 'https://idp.example/token', 'client-id': 'x', 'credentials-file': 'auto' },
      /^credentials-file: provider oauth2 has no standard credentials file/,
    ],
    [{ 'secret-name': '1CREDS' }, /^secret-name: "1CREDS" is not a valid secret name/],
    // The broker's own: the earlier format's claims (which it deletes) and its write check (which it overwrites).
    [{ 'secret-name': 'OAUTH_BROKER_0123456789ABCDEF0123_0' }, /^secret-name: .* like one of the broker's own/],
    [{ 'secret-name': 'oauth_broker_write_check' }, /^secret-name: .* like one of the broker's own secrets/],
    [
      { 'secret-name': 'CREDS', 'secret-repository': 'just-a-name' },
      /^secret-repository: "just-a-name" is not owner\/name/,
    ],
    [{ 'secret-environment': 'prod' }, /^secret-name: it is empty but secret-environment is set/],
    [{ 'env-name': 'GITHUB_TOKEN' }, /^env-name: refusing GITHUB_TOKEN, it changes how later steps run \(the runner/],
    [{ 'env-name': 'MY-TOKEN' }, /^env-name: "MY-TOKEN" is not a valid variable name/],
    [{ 'secret-environment': 'prod\n::stop-commands::x', 'secret-name': 'C' }, /^secret-environment: "prod :%3Astop/],
    [{ 'credentials-file': '/tmp/a\n::error::b' }, /^credentials-file: "\/tmp\/a :%3Aerror:%3Ab" holds a control/],
    [{ share: 'yes' }, /^share: "yes" is not true or false/],
    [{ 'client-refresh': 'maybe' }, /^client-refresh: "maybe" is not true or false/],
    [{ 'lock-timeout': 'forever' }, /^lock-timeout: "forever" is not a duration/],
    [{ 'lock-timeout': '366d' }, /^lock-timeout: "366d" is longer than a year; use at most 365d\.$/],
    [{ 'min-ttl': '8761h' }, /^min-ttl: "8761h" is longer than a year; use at most 365d\.$/],
    [{ 'min-ttl': '31536001' }, /^min-ttl: "31536001" is longer than a year; use at most 365d\.$/],
    [{ 'github-api-url': 'http://ghe.example.com/api/v3' }, /^github-api-url: .* must be an https URL/],
    [{ 'github-api-url': 'not a url' }, /^github-api-url: "not a url" is not a URL/],
    // Sent as a header, and a secret: refused by what it holds, never quoted.
    [
      { 'github-token': 'first\nsecond' },
      /^github-token: it holds a space or .* so it is no token; set it to the token alone\.$/,
    ],
    [
      { alert: 'issue', 'secret-name': 'C', 'alert-token': 'two words' },
      /^alert-token: it holds a space or a character that is not printable ASCII, so it is no token; set it/,
    ],
  ])('%j', (inputs, message) => {
    expect(() => config(inputs)).toThrow(UserError);
    expect(() => config(inputs)).toThrow(message);
  });

  it.each([
    ['token-url', 'https://ci:hunter2-secret@idp.example/token', '"https://***@idp.example/token"'],
    ['token-url', 'http://ci:hunter2-secret@127.0.0.1:8080/token', '"http://***@127.0.0.1:8080/token"'],
    ['github-api-url', 'https://hunter2-secret@ghe.example/api/v3', '"https://***@ghe.example/api/v3"'],
  ])('%s with a user name or password is refused, never quoting them: %s', (input, value, shown) => {
    const err = (() => {
      try {
        config({ provider: 'oauth2', 'client-id': 'x', 'token-url': 'https://idp.example/token', [input]: value });
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected a refusal');
    })();
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(`${input}: ${shown} holds a user name or password; remove it.`);
    expect(err.message).not.toContain('hunter2');
  });

  it('a value that is not a URL is quoted without what comes before an @', () => {
    expect(() => config({ 'token-url': 'https://ci:hunter2-secret@' })).toThrow('token-url: "***@" is not a URL.');
  });
});
