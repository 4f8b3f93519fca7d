// The fault matrix (docs/design.md, "Guarantees"; docs/development.md, "Testing"): every external call × every
// fault class. Each cell ends in success, or in one clear failure after which a later run
// (holding what the secret then holds, started after any lease) succeeds with no new login. One
// cell no client can save — the provider rotated and its answer never arrived — is asserted as
// exactly that. In-process (support/step.ts): waits the provider or GitHub ask for pass on the
// step's own clock, and a later run is a clock past the lease, so no cell waits on the wall clock.
// In .ci/run's dist pass, the cells that need no clock or fetch of their own run through dist/.
import { fakeToken } from './support/fake-tokens.js';
import { faultMatrix } from './support/fault-matrix.js';
import { useStandIns } from './support/stand-ins.js';

const PAT = fakeToken('pat');
const si = useStandIns(PAT);
const { cells, runCell, tableRows, docRows, name, usesStore } = faultMatrix(si, PAT);
// The cells with the store run in faults-store.test.ts.
const mine = cells.filter((c) => !usesStore(c));

// Prints the table for docs/development.md: PRINT_FAULT_TABLE=1 npm test -- -t 'is the table'.
if (process.env.PRINT_FAULT_TABLE) console.log(tableRows().join('\n'));

describe('fault matrix: the provider and GitHub', () => {
  it.each(mine.map((c) => [name(c), c] as const))('%s', (_, cell) => runCell(cell));

  // The table in docs/development.md lists exactly the cells of both files: one added, dropped or
  // changed must show there.
  it('is the table in docs/development.md', () => {
    const names = cells.map((c) => `${c.call} × ${c.fault}`);
    expect(new Set(names).size).toBe(names.length);
    // Cells compared trimmed: the formatter pads the columns.
    const cellsOf = (row: string): string =>
      row
        .split('|')
        .map((c) => c.trim())
        .join('|');
    expect(docRows().map(cellsOf)).toEqual(tableRows().map(cellsOf));
  });
});
