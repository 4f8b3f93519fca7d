// The state naming the pending file (src/action/pending.ts) is sealed like the post state: an
// earlier step can set STATE_oauth-broker-pending through GITHUB_ENV, and a value this step's
// main step did not save with these inputs is ignored with a debug line, never a failure, a
// warning or an alert. A real pending write-back still finishes (__tests__/cancel.test.ts).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../src/action/deps.js';
import { PENDING_STATE, PendingFile, pendingPath } from '../src/action/pending.js';
import { STATE_KEY, sealState, sealed } from '../src/action/state.js';
import { recordingCore } from './support/core.js';
import { fakeToken } from './support/fake-tokens.js';
import { runAction, type RunResult } from './support/runner.js';
import { jobs } from './support/jobs.js';
import { HOUR, REPO, SECRET, useStandIns } from './support/stand-ins.js';

const PAT = fakeToken('pat');
/** The job's own GITHUB_TOKEN, for alert: issue. */
const JOB = fakeToken('app-token');
const si = useStandIns(PAT, { cache: false });
beforeEach(() => si.gh.addToken(JOB, { kind: 'job', issues: 'write' }));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'oauth-broker-pending-state-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const core = (credentials: string, githubToken: string): Core =>
  recordingCore({ INPUT_CREDENTIALS: credentials, 'INPUT_GITHUB-TOKEN': githubToken });

describe('the pending state, sealed', () => {
  const credentials = fakeToken('anthropic-refresh');
  const mine = core(credentials, PAT);
  const file = (): PendingFile => new PendingFile('/tmp/runner', credentials, PAT);

  it('opens, with the same inputs, to the path main named', () => {
    const f = file();
    const value = f.stateValue(mine);
    expect(value).toMatch(/^v1\.[0-9a-f]{64}\.\/tmp\/runner\/oauth-broker-pending-[0-9a-f]{16}$/);
    expect(pendingPath(mine, value)).toBe(f.path);
  });

  it('is foreign under other credentials or another github-token, and once changed', () => {
    const value = file().stateValue(mine);
    expect(pendingPath(core(fakeToken('anthropic-refresh'), PAT), value)).toEqual({ untrusted: 'foreign' });
    expect(pendingPath(core(credentials, fakeToken('pat')), value)).toEqual({ untrusted: 'foreign' });
    expect(pendingPath(mine, value.replace('/tmp/runner', '/tmp/other'))).toEqual({ untrusted: 'foreign' });
    // Anyone can make the key of empty credentials.
    const empty = core('', '');
    expect(pendingPath(empty, file().stateValue(empty))).toEqual({ untrusted: 'foreign' });
  });

  it('is never the other state, nor the other state this one: one key per state name', () => {
    const path = file().path;
    expect(pendingPath(mine, sealed(mine, STATE_KEY, path))).toEqual({ untrusted: 'foreign' });
    const post = sealState(mine, { files: [], clientRefresh: false });
    expect(pendingPath(mine, post)).toEqual({ untrusted: 'foreign' });
  });

  it.each([
    ['a bare path (the unsealed form)', '/tmp/runner/oauth-broker-pending-0123456789abcdef'],
    ['a short MAC', 'v1.abc./tmp/x'],
    ['another version', `v2.${'0'.repeat(64)}./tmp/x`],
  ])('is malformed as %s', (_, raw) => {
    expect(pendingPath(mine, raw)).toEqual({ untrusted: 'malformed' });
  });

  it('is malformed when it names no path, even with a MAC that verifies', () => {
    expect(pendingPath(mine, sealed(mine, PENDING_STATE, ''))).toEqual({ untrusted: 'malformed' });
  });
});

describe('a post step given a pending state its main step did not save (dist)', () => {
  function seed(): { credentials: string } {
    const { refreshToken, accessToken } = si.oauth.issue(['user:inference']);
    const credentials = JSON.stringify({
      claudeAiOauth: { accessToken, refreshToken, expiresAt: Date.now() + 8 * HOUR, scopes: ['user:inference'] },
    });
    si.gh.setRepoSecret(REPO, SECRET, credentials);
    return { credentials };
  }

  function inputs(credentials: string): Record<string, string> {
    return {
      ...jobs(si, PAT).inputs(credentials),
      alert: 'issue',
      'alert-token': JOB,
    };
  }

  /** Exit 0, no annotation, no call to GitHub (no issue), the file untouched, and why in a debug line. */
  function expectIgnored(r: RunResult, path: string, content: string, why: 'malformed' | 'foreign'): void {
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/^::(error|warning)::/m);
    expect(r.stderr).toBe('');
    expect(si.gh.requests).toEqual([]);
    expect(si.gh.issues(REPO)).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe(content);
    expect(r.stdout).toContain(
      `::debug::Ignoring ${PENDING_STATE}: not saved by this step's main step with these inputs (${why}).`,
    );
  }

  // A real file: the post step of today's code opens it, fails the step and opens an issue.
  const content = randomBytes(64).toString('base64');
  const forgeries: Array<[string, (path: string) => string, 'malformed' | 'foreign']> = [
    ['the bare path of a real file', (path) => path, 'malformed'],
    ['a MAC it could not make', (path) => `v1.${randomBytes(32).toString('hex')}.${path}`, 'foreign'],
  ];

  it.each(forgeries)('%s: exit 0, no error, warning or alert', async (_, forge, why) => {
    const s = seed();
    const path = join(dir, 'oauth-broker-pending-0123456789abcdef');
    writeFileSync(path, content);
    const r = await runAction('post', { inputs: inputs(s.credentials), state: { [PENDING_STATE]: forge(path) } });
    expectIgnored(r, path, content, why);
    expect(si.gh.repoSecret(REPO, SECRET)!.value).toBe(s.credentials);
  });

  it('a pending state another main step sealed, under other credentials: ignored alike', async () => {
    const s = seed();
    const path = join(dir, 'oauth-broker-pending-0123456789abcdef');
    writeFileSync(path, content);
    const theirs = core(fakeToken('anthropic-refresh'), PAT);
    const r = await runAction('post', {
      inputs: inputs(s.credentials),
      state: { [PENDING_STATE]: sealed(theirs, PENDING_STATE, path) },
    });
    expectIgnored(r, path, content, 'foreign');
  });
});
