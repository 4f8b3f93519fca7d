import * as actions from '@actions/core';
import { exitWhenFlushed, runnerDeps } from './deps.js';
import { logSafe } from '../core/neutral.js';
import { runMain } from './run.js';
import { signalShield } from './shield.js';

const core = logSafe(actions);
await runMain({ ...runnerDeps(core), shield: signalShield((m) => core.info(m)) });
exitWhenFlushed();
