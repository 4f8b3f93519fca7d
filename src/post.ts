import { runPost } from './post-run.js';
import { createRunner } from './runner.js';
import { sleep } from './http.js';

await runPost({
  core: createRunner(),
  env: process.env,
  fetch: globalThis.fetch,
  now: Date.now,
  sleep,
  startedAt: Math.floor(performance.timeOrigin),
});
// A request abandoned at its timeout (the cache library sets none) must not keep the step alive.
setTimeout(() => process.exit(), 2_000).unref();
