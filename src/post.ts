import * as actions from '@actions/core';
import { sleep } from './http.js';
import { logSafe } from './neutral.js';
import { proxyAwareFetch } from './proxy.js';
import { runPost } from './post-run.js';

await runPost({
  core: logSafe(actions),
  env: process.env,
  fetch: proxyAwareFetch(process.env, globalThis.fetch),
  now: Date.now,
  sleep,
  startedAt: Math.floor(performance.timeOrigin),
});
// The step's work is done: open sockets, a proxy's tunnels or a cache request abandoned at its
// timeout (the library sets none) must not keep it alive. stdout is flushed first, for where it
// is asynchronous (pipes on Windows).
process.stdout.write('', () => process.exit());
