// What the step masks (src/action/mask.ts): the whole value and each line of substance, whatever its
// line ends, each once; the runner then hides any of them wherever it appears.
import { Masker } from '../src/action/mask.js';
import { recordingCore } from './support/core.js';
import { fakeToken } from './support/fake-tokens.js';

describe('Masker', () => {
  const a = fakeToken('anthropic-access');
  const b = fakeToken('anthropic-refresh');

  it.each([
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
    ['a lone \\r', '\r'],
  ])('masks the value and each line of it, for line ends %s', (_, end) => {
    const core = recordingCore();
    const masker = new Masker(core);
    const value = `{${end}  "a": 1,${end}  ${a}${end}${b}${end}}`;
    masker.mask(value, a, undefined, '');
    expect([...masker.values]).toEqual([value, a, b]);
    expect(core.lines.filter((l) => l.startsWith('::add-mask::'))).toHaveLength(3);
  });
});
