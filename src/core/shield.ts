// SIGINT and SIGTERM deferred while a refresh token may be spent and its successor is not yet
// stored: the request in flight is answered and stored first. The action's main step (the
// runner's cancel, src/action/shield.ts) and `oauth-broker refresh` (Ctrl-C, src/cli/refresh.ts)
// raise it; each decides what the cancel means once it is released.

export interface Shield {
  /** A cancel arrived: finish what was started, start nothing new. */
  cancelled(): boolean;
  /** Ends the shield: a signal from now on takes its default course. */
  release(): void;
}

export interface RaisedShield extends Shield {
  /** The first signal received while raised, if any. */
  signal(): NodeJS.Signals | undefined;
  /** Settles at the first signal: a wait that sends nothing (a retry's) need not be sat out. */
  readonly interrupted: Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Defers SIGINT and SIGTERM until release(); `heard` is told of each, with how many came so far. */
export function raiseShield(heard: (signal: NodeJS.Signals, count: number) => void): RaisedShield {
  let received: NodeJS.Signals | undefined;
  let count = 0;
  let interrupt = (): void => undefined;
  const interrupted = new Promise<void>((resolve) => {
    interrupt = resolve;
  });
  const defer = (signal: NodeJS.Signals): void => {
    received ??= signal;
    interrupt();
    heard(signal, ++count);
  };
  for (const s of SIGNALS) process.on(s, defer);
  return {
    cancelled: () => received !== undefined,
    signal: () => received,
    interrupted,
    release() {
      for (const s of SIGNALS) process.off(s, defer);
    },
  };
}
