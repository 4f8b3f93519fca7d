import * as actions from '@actions/core';
import { exitWhenFlushed, runnerDeps } from './deps.js';
import { logSafe } from '../core/neutral.js';
import { runPost } from './post-run.js';

// The entry point wires the floor above the action: the proxy's stop, loaded only when one was started.
const proxyMode = () => import('../proxy/start.js').then((m) => m.proxyMode);
await runPost({ ...runnerDeps(logSafe(actions)), proxyMode });
exitWhenFlushed();
