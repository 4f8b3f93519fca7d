import * as actions from '@actions/core';
import { sleep } from './http.js';
import { logSafe } from './neutral.js';
import { closeProxies, proxyAwareFetch } from './proxy.js';
import { runPost } from './post-run.js';

await runPost({
  core: logSafe(actions),
  env: process.env,
  fetch: proxyAwareFetch(process.env, globalThis.fetch),
  now: Date.now,
  sleep,
  startedAt: Math.floor(performance.timeOrigin),
});
await closeProxies();
// A request abandoned at its timeout (the cache library sets none) must not keep the step alive.
setTimeout(() => process.exit(), 2_000).unref();
