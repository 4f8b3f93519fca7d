import * as actions from '@actions/core';
import { sleep } from './http.js';
import { logSafe } from './neutral.js';
import { closeProxies, proxyAwareFetch } from './proxy.js';
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
await closeProxies();
// A request abandoned at its timeout (the cache library sets none) must not keep the step alive.
setTimeout(() => process.exit(), 2_000).unref();
