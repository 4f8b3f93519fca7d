import { runPost } from './post-run.js';
import { createRunner } from './runner.js';
import { sleep } from './http.js';

await runPost({ core: createRunner(), env: process.env, fetch: globalThis.fetch, now: Date.now, sleep, startedAt: Math.floor(performance.timeOrigin) });
