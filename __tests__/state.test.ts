// The main step's hand-over to the post step: trusted only when made with the same inputs.
import { createHmac } from 'node:crypto';
import type { Core } from '../src/action/deps.js';
import { recordingCore } from './support/core.js';
import { BACKUP_SUFFIX, openState, sealState, tag, type PostState } from '../src/action/state.js';
import { fakeToken } from './support/fake-tokens.js';

const core = (credentials: string, githubToken = ''): Core =>
  recordingCore({ INPUT_CREDENTIALS: credentials, 'INPUT_GITHUB-TOKEN': githubToken });

const state: PostState = {
  files: [{ path: '/home/runner/.codex/auth.json', digest: 'a'.repeat(64), refresh: 'b'.repeat(32) }],
  clientRefresh: true,
};

const NAME = `OAUTH_BROKER_${'A'.repeat(20)}_0`;
const cli = {
  name: NAME,
  value: JSON.stringify({ v: 2, n: 'nonce', s: 'cli', l: 22200, t: 'CREDS' }),
  claims: [
    { name: `OAUTH_BROKER_${'B'.repeat(20)}_0`, at: 1_700_000_000_000, seed: true as const },
    { name: `OAUTH_BROKER_${'C'.repeat(20)}_0`, at: 1_700_000_300_000, checks: true as const },
  ],
  mine: { name: NAME, at: 1_700_000_600_000, checks: true as const },
};

describe('post state', () => {
  const mine = core(fakeToken('anthropic-refresh'), fakeToken('pat'));

  it('opens what the same inputs sealed', () => {
    expect(openState(mine, sealState(mine, state))).toEqual(state);
    const backup = `${state.files[0].path}${BACKUP_SUFFIX}0123456789ab`;
    const moved = { ...state, files: [{ ...state.files[0], backup }] };
    expect(openState(mine, sealState(mine, moved))).toEqual(moved);
  });

  it("carries a CLI's claim, and the claims main's value named", () => {
    const withCli: PostState = { ...state, cli };
    expect(openState(mine, sealState(mine, withCli))).toEqual(withCli);
  });

  it('is foreign under other credentials, another github-token, or none', () => {
    const sealed = sealState(mine, state);
    const otherLogin = core(fakeToken('anthropic-refresh'), mine.getInput('github-token'));
    expect(openState(otherLogin, sealed)).toEqual({ untrusted: 'foreign' });
    expect(openState(core(mine.getInput('credentials'), fakeToken('pat')), sealed)).toEqual({ untrusted: 'foreign' });
    // Anyone can make the key of empty credentials: such a state is never trusted.
    const empty = core('');
    expect(openState(empty, sealState(empty, state))).toEqual({ untrusted: 'foreign' });
  });

  it('is foreign once changed', () => {
    const sealed = sealState(mine, state);
    expect(openState(mine, sealed.replace('auth.json', 'other.json'))).toEqual({ untrusted: 'foreign' });
  });

  it.each([
    ['not the sealed form', () => JSON.stringify(state)],
    ['a short MAC', () => `v1.abc.${JSON.stringify(state)}`],
    ['no JSON', () => resealed('{not json')],
    ['a wrong shape', () => resealed(JSON.stringify({ files: 'x', clientRefresh: true }))],
    ['a foreign backup', () => resealed(JSON.stringify({ ...state, files: [{ ...state.files[0], backup: '/x' }] }))],
    [
      'claims that are not claims',
      () => resealed(JSON.stringify({ ...state, cli: { ...cli, claims: [{ name: 'X', at: 1 }] } })),
    ],
    ["a CLI's claim with no time", () => resealed(JSON.stringify({ ...state, cli: { ...cli, mine: { name: NAME } } }))],
    [
      'a flag of another kind',
      () => resealed(JSON.stringify({ ...state, cli: { ...cli, mine: { ...cli.mine, checks: 1 } } })),
    ],
  ])('is malformed with %s', (_, raw) => {
    expect(openState(mine, raw())).toEqual({ untrusted: 'malformed' });
  });

  /** Seals arbitrary text the way sealState does, to reach the checks behind the MAC. */
  function resealed(json: string): string {
    const hmac = createHmac('sha256', mine.getInput('credentials'));
    const key = hmac.update(`oauth-broker state\0${mine.getInput('github-token')}`).digest();
    return `v1.${createHmac('sha256', key).update(json).digest('hex')}.${json}`;
  }

  it('tags a token without revealing it, differently per token and per inputs', () => {
    const rt = fakeToken('anthropic-refresh');
    expect(tag(mine, rt)).toMatch(/^[0-9a-f]{32}$/);
    expect(tag(mine, rt)).toBe(tag(mine, rt));
    expect(tag(mine, rt)).not.toBe(tag(mine, fakeToken('anthropic-refresh')));
    expect(tag(core(fakeToken('anthropic-refresh')), rt)).not.toBe(tag(mine, rt));
  });
});
