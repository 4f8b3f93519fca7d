// The runner cancels a step with SIGINT and kills it about 7.5 s later. From the moment a
// refresh token may be presented until its successor is stored, the step finishes that
// first; if it is killed all the same, the post step finishes from the pending file.

export interface Shield {
  /** A cancel arrived: finish what was started, start nothing new. */
  cancelled(): boolean;
  /** Ends the shield; a cancel received meanwhile makes the step fail once it has reported. */
  release(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export function signalShield(info: (message: string) => void): () => Shield {
  return () => {
    let received: NodeJS.Signals | undefined;
    const defer = (signal: NodeJS.Signals): void => {
      if (!received) info(`Received ${signal}: storing the rotated credentials before stopping.`);
      received = signal;
    };
    for (const s of SIGNALS) process.on(s, defer);
    return {
      cancelled: () => received !== undefined,
      release() {
        for (const s of SIGNALS) process.off(s, defer);
        // The step ends on its own at once, reporting how it went; the runner records the cancel.
        if (received) process.exitCode = 1;
      },
    };
  };
}
