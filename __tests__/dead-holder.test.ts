// A dead holder costs about a minute (docs/design.md, "Claims"): the bundled step, with default inputs,
// is SIGKILLed while its refresh is in flight; a job started right after it takes over once GitHub's
// clock says the claim's lease ran out, and refreshes with the original login. Real time: the lease is
// the default one, so this file takes a little over a minute.
import type { ChildProcess } from 'node:child_process';
import { fakeToken } from './support/fake-tokens.js';
import { expectSuccess, jobs, until } from './support/jobs.js';
import { runAction } from './support/runner.js';
import { useStandIns } from './support/stand-ins.js';

const PAT = fakeToken('pat');
const si = useStandIns(PAT);
const { seed, inputs, expectLoginKept } = jobs(si, PAT);

it('a job started right after a holder was killed mid-refresh succeeds within about 75 s of the kill', async () => {
  const s = seed();
  // The provider has the request and never answers it: the holder is killed with the token unspent.
  si.oauth.faults.push({ action: 'hang' });
  const env = si.cache.env('refs/heads/main');
  let child: ChildProcess | undefined;
  const holder = runAction('main', { inputs: inputs(s.credentials), env, onSpawn: (c) => (child = c) });
  await until(() => si.oauth.requests.length === 1);
  child!.kill('SIGKILL');
  expect((await holder).signal).toBe('SIGKILL');
  const killedAt = si.gh.now();

  const next = await runAction('main', { inputs: inputs(s.credentials), env, timeoutMs: 120_000 });
  const took = si.gh.now() - killedAt;
  expectSuccess(next);
  expect(next.outputs.source).toBe('refreshed');
  expect(next.stdout).toContain('never finished; taking over');
  // Not before the lease (60 s) ran out on GitHub's clock, and not much after.
  expect(took).toBeGreaterThanOrEqual(60_000);
  expect(took).toBeLessThanOrEqual(75_000);
  expect(si.oauth.requests).toHaveLength(2);
  expectLoginKept();
}, 150_000);
