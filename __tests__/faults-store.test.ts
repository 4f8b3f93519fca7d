// The fault matrix's cells that run with the shared store: the cache's calls and the write-back
// (its rescue). The matrix, and the other cells, are in faults.test.ts; a separate file so jest
// runs the two halves side by side.
import { fakeToken } from './support/fake-tokens.js';
import { faultMatrix } from './support/fault-matrix.js';
import { useStandIns } from './support/stand-ins.js';

const PAT = fakeToken('pat');
const si = useStandIns(PAT);
const { cells, runCell, name, usesStore } = faultMatrix(si, PAT);
const mine = cells.filter(usesStore);

describe('fault matrix: the shared store and the write-back', () => {
  it.each(mine.map((c) => [name(c), c] as const))('%s', (_, cell) => runCell(cell));
});
