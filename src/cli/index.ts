#!/usr/bin/env node
// The CLI's entry point: the process's own dependencies, nothing else.
import { processDeps } from './deps.js';
import { runCli } from './main.js';

// No top-level await: the bundle is CommonJS (scripts/bundle.mjs says why).
void runCli(process.argv.slice(2), processDeps()).then((code) => {
  // A keep-alive socket or a pending stdin read must not hold the process; stdout is flushed first.
  process.stdout.write('', () => process.exit(code));
});
