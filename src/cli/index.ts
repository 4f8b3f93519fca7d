#!/usr/bin/env node
// The CLI's entry point: the process's own dependencies, nothing else.
import { processDeps } from './deps.js';
import { runCli } from './main.js';

const code = await runCli(process.argv.slice(2), processDeps());
// A keep-alive socket or a pending stdin read must not hold the process; stdout is flushed first.
process.stdout.write('', () => process.exit(code));
