// The runner cancels a step with SIGINT and kills it about 7.5 s later. From the moment a
// refresh token may be presented until its successor is stored, the step finishes that
// first (src/core/shield.ts); if it is killed all the same, the post step finishes from the
// pending file.
import { raiseShield, type Shield } from '../core/shield.js';

export function signalShield(info: (message: string) => void): () => Shield {
  return () => {
    const shield = raiseShield((signal, count) => {
      if (count === 1) info(`Received ${signal}: storing the rotated credentials before stopping.`);
    });
    return {
      cancelled: () => shield.cancelled(),
      release() {
        shield.release();
        // The step ends on its own at once, reporting how it went; the runner records the cancel.
        if (shield.cancelled()) process.exitCode = 1;
      },
    };
  };
}
