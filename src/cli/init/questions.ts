// init's questions, on stderr, each answered by a flag: with --yes (or when standard input holds the
// login, --from -) it never asks, and a question with no default fails naming the flag to pass.
import { neutral } from '../../core/neutral.js';
import type { CliDeps } from '../deps.js';
import { UsageError } from '../verb.js';

export interface Choice<T> {
  value: T;
  label: string;
}

export interface Questions {
  /** Whether init may ask at all. */
  readonly asking: boolean;
  /** A line of text; `flag` answers it when init may not ask. */
  text(question: string, flag: string): Promise<string>;
  /** One of the choices, by its number; Enter takes the first. Without asking: `fallback`, else fail. */
  choose<T>(question: string, choices: readonly Choice<T>[], flag: string, fallback?: T): Promise<T>;
  /** Yes or no, no by default; without asking: no. */
  confirm(question: string): Promise<boolean>;
}

const MAX_TRIES = 3;

/** The questions of one run: `why` says why init may not ask (--yes, --from -), or is empty when it may. */
export function questions(deps: CliDeps, why: string): Questions {
  const cannot = (flag: string): never => {
    throw new UsageError(`${flag} is needed: init does not ask ${why}.`);
  };
  return {
    asking: !why,
    async text(question, flag) {
      if (why) return cannot(flag);
      for (let i = 0; i < MAX_TRIES; i++) {
        const answer = (await deps.ask(`${question}: `)).trim();
        if (answer) return answer;
      }
      throw new UsageError(`no answer to "${question}"; pass ${flag}.`);
    },
    async choose(question, choices, flag, fallback) {
      if (why) return fallback !== undefined ? fallback : cannot(flag);
      deps.stderr(`${question}`);
      for (const [i, c] of choices.entries()) deps.stderr(`  ${i + 1}) ${c.label}${i === 0 ? ' (default)' : ''}`);
      for (let i = 0; i < MAX_TRIES; i++) {
        const answer = (await deps.ask(`Choose 1-${choices.length} [1]: `)).trim();
        if (!answer) return choices[0].value;
        const n = Number(answer);
        if (Number.isInteger(n) && n >= 1 && n <= choices.length) return choices[n - 1].value;
        deps.stderr(`"${neutral(answer, 20)}" is not a number from 1 to ${choices.length}.`);
      }
      throw new UsageError(`no valid answer to "${question}"; pass ${flag}.`);
    },
    async confirm(question) {
      if (why) return false;
      return /^y(es)?$/i.test((await deps.ask(`${question} [y/N] `)).trim());
    },
  };
}
