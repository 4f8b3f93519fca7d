// src/action: the GitHub Action's steps: this entry point and post.ts wire the runner's dependencies;
// run.ts decides, obtain.ts refreshes, export.ts hands out, post-run.ts finishes and cleans up.
// May import: core, github, store. The entry points also give the steps proxy mode (src/proxy/start.ts),
// which sits a floor above.
import * as actions from '@actions/core';
import { exitWhenFlushed, runnerDeps } from './deps.js';
import { logSafe } from '../core/neutral.js';
import { runMain } from './run.js';
import { signalShield } from './shield.js';

const core = logSafe(actions);
// The entry point wires the floor above the action: the proxy's start, loaded only with proxy: true.
const proxyMode = () => import('../proxy/start.js').then((m) => m.proxyMode);
await runMain({ ...runnerDeps(core), shield: signalShield((m) => core.info(m)), proxyMode });
exitWhenFlushed();
