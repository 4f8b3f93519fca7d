// A credentials file is never written in an empty HOME or the root folder (a service account's,
// a container's): credentials-file auto or ~/… is then one clear line naming credentials-file,
// before anything is spent. Through dist/; the input's edges are in __tests__/inputs.test.ts.
import { fakeToken } from './support/fake-tokens.js';
import { runAction, unescapeCommandValue } from './support/runner.js';
import { jobs } from './support/jobs.js';
import { useStandIns } from './support/stand-ins.js';

const PAT = fakeToken('pat');
const si = useStandIns(PAT, { cache: false });
const j = jobs(si, PAT);

const FIX = "; set HOME to the runner user's home, or give an absolute path.";

it.each([
  ['auto', '/', ', "/"'],
  ['auto', '', ', and HOME is empty'],
  ['~/.claude/ci.json', '/', ', "/"'],
  ['~/.claude/ci.json', '', ', and HOME is empty'],
])('credentials-file %s with HOME %j: refused before any call, nothing written', async (file, home, where) => {
  const { credentials } = j.seed();
  // Every GitHub call fails: a broker that did not refuse at once would stop there, before the
  // provider and before writing in the real home or in / (tests may run as root).
  for (let i = 0; i < 10; i++) si.gh.faults.push({ status: 404, body: '{"message":"Not Found"}' });
  const r = await runAction('main', {
    inputs: j.inputs(credentials, { mode: 'refresh', 'credentials-file': file }),
    env: { HOME: home },
  });
  expect(r.code).toBe(1);
  const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  expect(errors.map((l) => unescapeCommandValue(l.slice(9)))).toEqual([
    `credentials-file: "${file}" would be written in the home folder${where}${FIX}`,
  ]);
  expect(r.stderr).toBe('');
  expect(si.gh.requests).toEqual([]);
  expect(si.oauth.requests).toEqual([]);
  expect(r.outputs).toEqual({});
});
