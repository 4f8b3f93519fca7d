import * as actions from '@actions/core';
import { exitWhenFlushed, runnerDeps } from './deps.js';
import { logSafe } from '../core/neutral.js';
import { runPost } from './post-run.js';

await runPost(runnerDeps(logSafe(actions)));
exitWhenFlushed();
