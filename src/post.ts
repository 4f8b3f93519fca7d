import * as actions from '@actions/core';
import { sleep } from './http.js';
import { logSafe } from './neutral.js';
import { runPost } from './post-run.js';

await runPost({
  core: logSafe(actions),
  env: process.env,
  fetch: globalThis.fetch,
  now: Date.now,
  sleep,
  startedAt: Math.floor(performance.timeOrigin),
});
// A request abandoned at its timeout (the cache library sets none) must not keep the step alive.
setTimeout(() => process.exit(), 2_000).unref();
