import { runMain } from './run.js';
import { createRunner } from './runner.js';
import { sleep } from './http.js';

await runMain({ core: createRunner(), env: process.env, fetch: globalThis.fetch, now: Date.now, sleep, startedAt: Math.floor(performance.timeOrigin) });
