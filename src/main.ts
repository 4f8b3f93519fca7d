import * as actions from '@actions/core';
import { sleep } from './http.js';
import { logSafe } from './neutral.js';
import { proxyAwareFetch } from './proxy.js';
import { runMain } from './run.js';
import { signalShield } from './shield.js';

const core = logSafe(actions);
await runMain({
  core,
  env: process.env,
  fetch: proxyAwareFetch(process.env, globalThis.fetch),
  now: Date.now,
  sleep,
  startedAt: Math.floor(performance.timeOrigin),
  shield: signalShield((m) => core.info(m)),
});
// The step's work is done: open sockets, a proxy's tunnels or a cache request abandoned at its
// timeout (the library sets none) must not keep it alive. stdout is flushed first, for where it
// is asynchronous (pipes on Windows).
process.stdout.write('', () => process.exit());
