#!/usr/bin/env node
// src/cli: the oauth-broker command (dist/cli): this entry point gives the process's own dependencies,
// main.ts finds the verb, each verb is its own module (login, import, status, seed, seal, put, refresh,
// init, doctor). It shares the action's floor and never imports the action. May import: core, github, store.
import { neutral } from '../core/neutral.js';
import { processDeps } from './deps.js';
import { runCli } from './main.js';

// Until the verb has finished, an exit is a failure: a process whose work nothing will finish
// must not exit 0. No top-level await: the bundle is CommonJS (scripts/bundle.mjs says why).
process.exitCode = 1;
runCli(process.argv.slice(2), processDeps()).then(
  // A keep-alive socket or a pending stdin read must not hold the process; stdout is flushed first.
  (code) => process.stdout.write('', () => process.exit(code)),
  // Only a broken bundle gets here (a verb's chunk missing): every verb's own errors are reported in runCli.
  (err: unknown) => {
    const code = (err as { code?: unknown }).code;
    process.stderr.write(
      `oauth-broker: could not start (${typeof code === 'string' ? neutral(code, 40) : 'error'}); ` +
        'install dist/cli again, whole.\n',
    );
    process.exit(1);
  },
);
