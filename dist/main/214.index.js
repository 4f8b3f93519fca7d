export const id = 214;
export const ids = [214];
export const modules = {

/***/ 8198:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _3: () => (/* binding */ claimOn),
  vY: () => (/* binding */ coordinate),
  FB: () => (/* binding */ isOldCopy),
  n3: () => (/* binding */ seedOf),
  H_: () => (/* binding */ seedToCheck)
});

// UNUSED EXPORTS: material

// EXTERNAL MODULE: ./src/core/env.ts
var env = __webpack_require__(8792);
// EXTERNAL MODULE: ./src/core/marker.ts
var marker = __webpack_require__(4517);
// EXTERNAL MODULE: ./src/github/jobs.ts
var jobs = __webpack_require__(203);
// EXTERNAL MODULE: ./src/github/secret-read.ts
var secret_read = __webpack_require__(1764);
// EXTERNAL MODULE: ./src/github/target.ts
var github_target = __webpack_require__(3738);
// EXTERNAL MODULE: ./src/github/variables.ts
var variables = __webpack_require__(4086);
// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __webpack_require__(6698);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/store/cache-backend.ts
// The shared store's storage: the Actions cache through @actions/cache (service v2).
// Entries are immutable and the first reservation of a key wins, which is the lock.



// The cache version hashes the path list, so every job must name the same path: a
// relative one (to GITHUB_WORKSPACE) is the same string on every runner and OS.
const DIR = '.oauth-broker-store';
const FILE = `${DIR}/entry`;
/**
 * Why the shared store cannot run here, or undefined when it can. It needs cache service
 * v2 (github.com, GHE.com), the only one whose "already reserved" answer is known and
 * tested; GHES serves v1, where the broker runs without coordination.
 */
function cacheAvailable(env) {
    const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toLowerCase();
    const ghes = host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost');
    if (ghes)
        return 'GitHub Enterprise Server offers cache service v1 only, and the shared store needs v2';
    if (!env.ACTIONS_CACHE_SERVICE_V2 || !env.ACTIONS_RESULTS_URL || !env.ACTIONS_RUNTIME_TOKEN) {
        return ('this runner has no Actions cache service v2 ' +
            '(ACTIONS_CACHE_SERVICE_V2, ACTIONS_RESULTS_URL or ACTIONS_RUNTIME_TOKEN unset)');
    }
    return undefined;
}
// The cache call a write comes from: kept through the library's own callbacks and
// timers, so what it prints after the call was abandoned at its timeout is caught too.
const callOf = new external_node_async_hooks_.AsyncLocalStorage();
let guarded = false;
/** Routes stdout and stderr writes made inside a cache call to that call's log: never to the step's. */
function guardStreams() {
    if (guarded)
        return;
    guarded = true;
    for (const stream of [process.stdout, process.stderr]) {
        const write = stream.write.bind(stream);
        stream.write = ((chunk, ...rest) => {
            const call = callOf.getStore();
            if (!call)
                return write(chunk, ...rest);
            call.log += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
            const cb = rest.find((r) => typeof r === 'function');
            cb?.();
            return true;
        });
    }
}
/**
 * Runs a call of @actions/cache with its log captured: the library reports both
 * "another job reserved this key" and "the service failed" as a -1, and only its
 * log tells them apart. Its log also holds signed URLs, so it is never printed, not
 * even when the library writes after the call was given up.
 */
async function captured(fn) {
    guardStreams();
    const call = { log: '' };
    return { value: await callOf.run(call, fn), log: call.log };
}
/** Bounds a cache call: the library sets no timeout on its service requests. */
function within(ms, p) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { name: 'TimeoutError' })), ms);
    });
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
function actionsCacheBackend(env, debug, timeoutMs) {
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const dir = (0,external_node_path_.join)(workspace, DIR);
    const file = (0,external_node_path_.join)(workspace, FILE);
    // Loaded at the first call: the cache is the last resort of a rescue, off every ordinary path.
    let loaded;
    const library = () => (loaded ??= __webpack_require__.e(/* import() */ 691).then(__webpack_require__.bind(__webpack_require__, 1691)));
    // @actions/cache reads the runner's variables from process.env.
    const clean = () => (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    return {
        async create(key, data) {
            const { saveCache } = await library();
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
            (0,external_node_fs_.writeFileSync)(file, data, { mode: 0o600 });
            try {
                const { value, log } = await captured(() => within(timeoutMs, saveCache([FILE], key, undefined, true)));
                if (value !== -1)
                    return 'saved';
                // The twirp client's message for the service's 409 "already exists".
                const taken = /Failed to reserve cache: .*\(409\)/.test(log);
                debug(`shared store: ${key} ${taken ? 'already reserved by another job' : 'could not be saved'}`);
                return taken ? 'taken' : 'failed';
            }
            catch (err) {
                debug(`shared store: saving ${key} failed: ${err.name}`);
                return 'failed';
            }
            finally {
                clean();
            }
        },
        async read(keys) {
            const { restoreCache } = await library();
            clean();
            try {
                const { value: hit } = await captured(() => within(timeoutMs, restoreCache([FILE], keys[0], keys.slice(1), { timeoutInMs: timeoutMs }, true)));
                // A restore key matches by prefix; only exact keys count.
                if (!hit || !keys.includes(hit))
                    return undefined;
                return { key: hit, data: (0,external_node_fs_.readFileSync)(file) };
            }
            catch (err) {
                debug(`shared store: reading ${keys[0]} failed: ${err.name}`);
                return undefined;
            }
            finally {
                clean();
            }
        },
    };
}

// EXTERNAL MODULE: ./src/store/claims.ts + 2 modules
var store_claims = __webpack_require__(3926);
// EXTERNAL MODULE: ./src/store/protocol.ts
var protocol = __webpack_require__(1105);
// EXTERNAL MODULE: ./src/store/seal.ts
var seal = __webpack_require__(3652);
// EXTERNAL MODULE: ./src/store/shared.ts
var shared = __webpack_require__(344);
;// CONCATENATED MODULE: ./src/action/coordinate.ts
// Wires the claims between jobs (src/store/claims.ts) for one step: the variables beside the
// target, GitHub's clock, the sealing of results, and the Actions cache as the last resort for a
// rescue (docs/design.md, "Coordination").











/**
 * The key material of a copy's results: the copy and the github-token, so that whoever holds an old
 * copy and can read the repository's variables or the cache, but not the token, opens nothing.
 */
function material(copy, binding) {
    return `${copy.refreshToken}\n${copy.accessToken ?? ''}\n${binding}`;
}
/** `readUpdatedAt`: the secret's updated_at as this step last read it before claiming (src/store/claim-io.ts). */
function coordinate(deps, cfg, api, readUpdatedAt) {
    const target = cfg.secret;
    const binding = cfg.githubToken;
    const t = (0,env/* timings */.E)(deps.env);
    const store = openStore(deps, cfg);
    const key = (copy) => material(copy, binding);
    const claims = new store_claims/* Claims */.U({
        variables: new variables/* Variables */.u(api, target),
        githubNow: () => api.githubNow(),
        monotonic: deps.monotonic,
        sleep: deps.sleep,
        secret: target.name,
        target: (0,github_target/* describeTarget */.ff)(target),
        leaseMs: t.leaseMs,
        lockTimeoutMs: cfg.lockTimeoutMs,
        pollMs: t.pollMs,
        targetUpdatedAt: async () => Date.parse(await (0,secret_read/* currentUpdatedAt */.MR)(api, target)),
        ...(readUpdatedAt ? { readUpdatedAt } : {}),
        seal: async (copy, name, result) => (0,seal/* sealResult */.Pd)(key(copy), name, result),
        open: async (copy, name, sealed) => resultOf((0,seal/* openResult */.c5)(key(copy), name, sealed)),
        ...(store
            ? { ref: pullRequestRef(deps.env.GITHUB_REF), cached: async (copy) => fromCache(store, key(copy)) }
            : {}),
        job: (0,jobs/* thisJob */.m6)(deps.env),
        jobEnded: (job) => (0,jobs/* jobEnded */.WK)(api, job),
        info: (m) => deps.core.info(m),
        warning: (m) => deps.core.warning(m),
        debug: (m) => deps.core.debug(m),
    });
    return {
        claims,
        store,
        async keepRescue(ticket, result) {
            if (await claims.rescue(ticket, result))
                return true;
            if (!store || !result.rescue)
                return false;
            const { credentials, secretUpdatedAt } = result.rescue;
            return store.done(key(ticket.copy), { ...result.successor, credentials, secretUpdatedAt });
        },
    };
}
/**
 * The ref whose Actions cache a rescue would go to, when jobs on other refs cannot read it: a pull
 * request's. (A branch's cache other branches cannot read either, but the default branch, whose cache
 * every ref reads, cannot be told from the runner's environment: a dead holder on a branch is taken over.)
 */
function pullRequestRef(ref) {
    return ref && /^refs\/pull\//.test(ref) ? ref : undefined;
}
/**
 * A copy this job must not present, nor hand a CLI: one the secret has long moved past (its marker),
 * or one an earlier version claimed (its claim, a secret of the same name as this version's first).
 */
async function isOldCopy(api, t, updatedAt, copy) {
    if ((0,marker/* isOldCopy */.FB)(copy.doc, updatedAt))
        return true;
    if ((0,marker/* writtenAt */.nt)(copy.doc) === undefined || (0,marker/* claimsOf */.ds)(copy.doc))
        return false;
    return (0,secret_read/* secretExists */.H$)(api, t, (0,protocol/* claimName */.cB)((0,protocol/* copyId */.DT)(copy.refreshToken, copy.accessToken), 0));
}
/**
 * The claim a value names for the copy it replaced, timed by when that copy was written. The first claim
 * of a chain (on a copy that names none: a login stored by hand, or one an earlier version wrote) is its
 * seed, made `at`: it stays for as long as the chain, and records the copies buried since. A copy whose
 * holders check the seed's claim may be buried.
 */
function claimOn(copy, name, at) {
    if (!(0,marker/* claimsOf */.ds)(copy.doc))
        return { name, at, seed: true };
    return { name, at: (0,marker/* writtenAt */.nt)(copy.doc) ?? at, ...((0,marker/* checksSeed */.nf)(copy.doc) ? { checks: true } : {}) };
}
/** The seed's claim a copy's value names, if any. */
function seedOf(copy) {
    return (0,marker/* claimsOf */.ds)(copy.doc)?.find((k) => k.seed)?.name;
}
/** The seed's claim a job holding this copy reads before presenting it, if its marker asks. */
function seedToCheck(copy) {
    return (0,marker/* checksSeed */.nf)(copy.doc) ? seedOf(copy) : undefined;
}
/** A sealed result as the claims carry it; undefined for anything else. */
function resultOf(v) {
    const r = v;
    if (!r || typeof r !== 'object' || r.successor?.kind !== 'next' || typeof r.successor.accessToken !== 'string') {
        return undefined;
    }
    const rescue = r.rescue;
    if (rescue && (typeof rescue.credentials !== 'string' || typeof rescue.secretUpdatedAt !== 'string'))
        return undefined;
    if (r.recovered !== undefined && (typeof r.recovered !== 'string' || Number.isNaN(Date.parse(r.recovered))))
        return undefined;
    return r;
}
/** A rescue kept in the cache, as a result. */
async function fromCache(store, key) {
    const s = await store.successor(key);
    if (!s?.credentials)
        return undefined;
    const { credentials, secretUpdatedAt, ...successor } = s;
    return { successor: successor, rescue: { credentials, secretUpdatedAt: secretUpdatedAt ?? '' } };
}
function openStore(deps, cfg) {
    const { core } = deps;
    if (!cfg.share) {
        core.info('share: false; jobs that hold the same credentials get no shared result.');
        return undefined;
    }
    const missing = deps.backend ? undefined : cacheAvailable(deps.env);
    if (missing) {
        core.debug(`No Actions cache for a last-resort rescue: ${missing}.`);
        return undefined;
    }
    const t = (0,env/* timings */.E)(deps.env);
    return new shared/* SharedStore */.H(deps.backend ?? actionsCacheBackend(deps.env, (m) => core.debug(m), t.cacheTimeoutMs));
}


/***/ }),

/***/ 133:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gf: () => (/* binding */ PendingFile),
/* harmony export */   gK: () => (/* binding */ PENDING_STATE)
/* harmony export */ });
/* unused harmony export pendingPath */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_credfile_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7321);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
/* harmony import */ var _core_keys_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1483);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3175);
// Rotated credentials between the provider's answer and the write-back, kept sealed in
// RUNNER_TEMP so that a main step killed in between (the runner's cancel) leaves them for the
// post step, which runs on cancelled jobs too (docs/design.md, "Cancellation").
// Sealed with a key only the step's own inputs give: later steps of the job see the file, not
// what is in it.







/** The state naming the pending file: its path, sealed like the other state (state.ts). */
const PENDING_STATE = 'oauth-broker-pending';
/** The pending file's path, if this step's main step saved it for these inputs; else why it is ignored. */
function pendingPath(core, raw) {
    const opened = unsealed(core, PENDING_STATE, raw);
    if ('untrusted' in opened)
        return opened;
    return opened.text ? opened.text : { untrusted: 'malformed' };
}
class PendingFile {
    path;
    key;
    /** `refreshToken` is the one in the credentials input: the post step derives the same key. */
    constructor(dirOrPath, refreshToken, githubToken, existing = false) {
        this.path = existing ? dirOrPath : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dirOrPath, `oauth-broker-pending-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex')}`);
        this.key = (0,_core_keys_js__WEBPACK_IMPORTED_MODULE_5__/* .pendingKey */ .pR)(refreshToken, githubToken);
    }
    /** The value of PENDING_STATE that names this file to this step's post step. */
    stateValue(core) {
        return (0,_state_js__WEBPACK_IMPORTED_MODULE_6__/* .sealed */ .JW)(core, PENDING_STATE, this.path);
    }
    save(record) {
        const data = (0,_core_keys_js__WEBPACK_IMPORTED_MODULE_5__/* .sealPending */ .D2)(this.key, JSON.stringify(record));
        // For this job's post step, which a crash of the runner never reaches: no sync.
        (0,_core_credfile_js__WEBPACK_IMPORTED_MODULE_3__/* .writePrivateFile */ .Pl)(this.path, data.toString('base64'), { durable: false });
    }
    /** The record, undefined when there is none; throws when it cannot be opened with these inputs. */
    read() {
        let data;
        try {
            data = Buffer.from((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(this.path, 'utf8'), 'base64');
        }
        catch (err) {
            if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .systemCode */ .xU)(err) === 'ENOENT')
                return undefined;
            throw err;
        }
        return JSON.parse((0,_core_keys_js__WEBPACK_IMPORTED_MODULE_5__/* .openPending */ .Yn)(this.key, data));
    }
    /** unlinkSync, not rmSync: rmSync loads Node's rimraf on first use, milliseconds of the refresh path. */
    clear() {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(this.path);
        }
        catch (err) {
            if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .systemCode */ .xU)(err) !== 'ENOENT')
                throw err;
        }
    }
}


/***/ }),

/***/ 9906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ sweep)
/* harmony export */ });
/* harmony import */ var _github_secret_read_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1764);
/* harmony import */ var _github_secret_write_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8997);
/* harmony import */ var _github_target_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3738);
/* harmony import */ var _github_variables_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4086);
/* harmony import */ var _store_protocol_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1105);





/**
 * Removes those leftovers: the earlier format's at once (this version reads them only to stop a
 * copy they name, src/action/obtain.ts), claims of this one once older than a current copy can be (2.5
 * min: a job holding a copy written since may still need its claim to see it spent). Never another
 * secret or variable, never a claim `keep` names or a job still holds (src/store/protocol.ts
 * isLeftoverClaim, which `oauth-broker doctor` judges by too). A failure only leaves them for the next sweep.
 */
async function sweep(api, t, keep, debug) {
    const now = api.githubNow() ?? api.now();
    try {
        for (const s of await (0,_github_secret_read_js__WEBPACK_IMPORTED_MODULE_0__/* .listSecrets */ .AQ)(api, t, _store_protocol_js__WEBPACK_IMPORTED_MODULE_4__/* .PREFIX */ .H3)) {
            if (_github_target_js__WEBPACK_IMPORTED_MODULE_2__/* .CLAIM_NAME */ .hB.test(s.name))
                await (0,_github_secret_write_js__WEBPACK_IMPORTED_MODULE_1__/* .deleteSecret */ .e3)(api, t, s.name);
        }
        const variables = new _github_variables_js__WEBPACK_IMPORTED_MODULE_3__/* .Variables */ .u(api, t);
        const mine = t.name.toUpperCase();
        for (const v of await variables.list(_store_protocol_js__WEBPACK_IMPORTED_MODULE_4__/* .PREFIX */ .H3)) {
            if ((0,_store_protocol_js__WEBPACK_IMPORTED_MODULE_4__/* .isLeftoverClaim */ .GB)(v, mine, keep, now))
                await variables.remove(v.name);
        }
    }
    catch (err) {
        debug(`Left the broker's earlier entries beside ${t.name} for a later run: ${err.message}`);
    }
}


/***/ }),

/***/ 9576:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WE: () => (/* binding */ explain),
/* harmony export */   _M: () => (/* binding */ where)
/* harmony export */ });
/* unused harmony exports permissionName, permission */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_neutral_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8272);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8943);
/* harmony import */ var _answers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3948);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3738);
// GitHub's refusals, explained: the error line names the setting that is wrong (as the caller's
// wording calls it), what happened and the fix; where and GitHub's whole message follow it.





function where(t) {
    if (t.kind === 'repo')
        return `repository ${t.owner}/${t.repo}`;
    if (t.kind === 'env')
        return `environment ${t.environment} of ${t.owner}/${t.repo}`;
    return `organization ${t.org}`;
}
/** The fine-grained permission a write there needs: an environment's are under Environments. */
function permissionName(t, r) {
    if (t.kind === 'env')
        return 'Environments';
    return r === 'secrets' ? 'Secrets' : 'Variables';
}
/** The permission, in as few words as the error line can take. */
function permissionShort(t, r = 'secrets') {
    return `${t.kind === 'org' ? 'organization ' : ''}"${permissionName(t, r)}: Read and write"`;
}
function permission(t, r = 'secrets') {
    return `${t.kind === 'org' ? 'organization' : 'repository'} permission "${permissionName(t, r)}: Read and write"`;
}
// The error line quotes at most this much of GitHub's message; the lines after it, the whole.
const QUOTED_CHARS = 60;
/**
 * Turns a GitHub failure into an error line naming the setting (as `w` calls it), what happened
 * and the fix, with where the secret is and GitHub's whole message in the lines after it.
 */
function explain(err, t, doing, w = _target_js__WEBPACK_IMPORTED_MODULE_3__/* .ACTION_WORDING */ .Ge, r = 'secrets') {
    if (!(err instanceof _api_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubHttpError */ .I))
        return err;
    if (err.status >= 200 && err.status < 400)
        return (0,_answers_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(doing, `${err.githubMessage} (HTTP ${err.status})`, w.apiUrl);
    // GitHub answers every refusal with its JSON `message`: an answer without one is another server's.
    if (err.foreign && err.status >= 400 && err.status < 500)
        return (0,_answers_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(doing, `the answer (HTTP ${err.status}) is not GitHub's`, w.apiUrl);
    const message = (0,_core_neutral_js__WEBPACK_IMPORTED_MODULE_4__/* .neutral */ .SY)(err.githubMessage, QUOTED_CHARS);
    const answered = err.status ? `GitHub answered ${err.status}` : 'GitHub could not be reached';
    const said = `${answered}${err.status ? ' ' : ': '}${message}`;
    const fail = (input, fix, more = [], code = 'OB_GITHUB_ACCESS') => {
        const full = `${input}: could not ${doing}: ${said}; ${fix}.`;
        const quoted = full.length <= _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_ERROR_LINE */ .lb;
        const label = err.status ? "GitHub's message" : 'Why';
        const whole = quoted && message === err.githubMessage ? [] : [`${label}: ${err.githubMessage}`];
        const secret = 'name' in t ? [`The secret: ${(0,_target_js__WEBPACK_IMPORTED_MODULE_3__/* .describeTarget */ .ff)(t)}.`] : [];
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(code, quoted ? full : `${input}: could not ${doing}: ${answered}; ${fix}.`, {
            cause: err,
            details: [...secret, ...whole, ...more],
        });
    };
    switch (err.status) {
        case 0:
            return fail(w.apiUrl, `check ${w.apiUrl} and ${w.network}`, [], 'OB_GITHUB');
        case 401:
            return fail(w.token, 'the token is invalid or expired; create a new one', [
                `It needs the ${permission(t, r)} on ${where(t)}.`,
            ]);
        case 403:
            if (/by integration/i.test(err.githubMessage)) {
                return fail(w.token, "use a fine-grained PAT, not the job's GITHUB_TOKEN", [
                    _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GITHUB_TOKEN_CANNOT */ .iB,
                    `The permission needed: the ${permission(t, r)} on ${where(t)}.`,
                ]);
            }
            return fail(w.token, `give it the permission ${permissionShort(t, r)}`, [
                `It needs the ${permission(t, r)} on ${where(t)}.`,
            ]);
        case 404:
            return fail(w.place[t.kind], `check the name, and that ${w.token} has access to it`);
        default:
            return fail(w.apiUrl, 'run again later', [`If this persists, check that ${w.apiUrl} is GitHub's API.`], 'OB_GITHUB');
    }
}


/***/ }),

/***/ 5072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ readPublicKey)
/* harmony export */ });
/* harmony import */ var _answers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3948);
/* harmony import */ var _explain_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9576);
/* harmony import */ var _secret_endpoints_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9404);



/** The public key the secrets of that place are sealed with. */
async function readPublicKey(api, p) {
    const doing = `read the public key of ${(0,_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .where */ ._M)(p)}`;
    const answer = await (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_2__/* .sendExplained */ .j)(api, p, doing, () => (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_2__/* .secretEndpoints */ .B)(api, p).publicKey());
    return (0,_answers_js__WEBPACK_IMPORTED_MODULE_0__/* .publicKeyOf */ .kc)(answer.data, doing, api.wording.apiUrl);
}


/***/ }),

/***/ 9404:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ secretEndpoints),
/* harmony export */   j: () => (/* binding */ sendExplained)
/* harmony export */ });
/* harmony import */ var _explain_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9576);

function secretEndpoints(api, t) {
    const send = api.request;
    const none = () => {
        throw new Error('only organisation secrets have selected repositories');
    };
    if (t.kind === 'repo') {
        const at = { owner: t.owner, repo: t.repo };
        return {
            // https://docs.github.com/rest/actions/secrets#get-a-repository-public-key
            publicKey: () => send('GET /repos/{owner}/{repo}/actions/secrets/public-key', at),
            // https://docs.github.com/rest/actions/secrets#get-a-repository-secret
            get: (name) => send('GET /repos/{owner}/{repo}/actions/secrets/{secret_name}', { ...at, secret_name: name }),
            // https://docs.github.com/rest/actions/secrets#create-or-update-a-repository-secret
            put: (name, sealed, _, again) => send('PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}', {
                ...at,
                secret_name: name,
                ...sealed,
                request: { again },
            }),
            // https://docs.github.com/rest/actions/secrets#delete-a-repository-secret
            remove: (name) => send('DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}', { ...at, secret_name: name }),
            // https://docs.github.com/rest/actions/secrets#list-repository-secrets
            list: (page) => send('GET /repos/{owner}/{repo}/actions/secrets', { ...at, per_page: 100, page }),
            selectedRepositories: none,
        };
    }
    if (t.kind === 'env') {
        const at = { owner: t.owner, repo: t.repo, environment_name: t.environment };
        return {
            // https://docs.github.com/rest/actions/secrets#get-an-environment-public-key
            publicKey: () => send('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key', at),
            // https://docs.github.com/rest/actions/secrets#get-an-environment-secret
            get: (name) => send('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', {
                ...at,
                secret_name: name,
            }),
            // https://docs.github.com/rest/actions/secrets#create-or-update-an-environment-secret
            put: (name, sealed, _, again) => send('PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', {
                ...at,
                secret_name: name,
                ...sealed,
                request: { again },
            }),
            // https://docs.github.com/rest/actions/secrets#delete-an-environment-secret
            remove: (name) => send('DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', {
                ...at,
                secret_name: name,
            }),
            // https://docs.github.com/rest/actions/secrets#list-environment-secrets
            list: (page) => send('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets', { ...at, per_page: 100, page }),
            selectedRepositories: none,
        };
    }
    const org = t.org;
    return {
        // https://docs.github.com/rest/actions/secrets#get-an-organization-public-key
        publicKey: () => send('GET /orgs/{org}/actions/secrets/public-key', { org }),
        // https://docs.github.com/rest/actions/secrets#get-an-organization-secret
        get: (name) => send('GET /orgs/{org}/actions/secrets/{secret_name}', { org, secret_name: name }),
        // https://docs.github.com/rest/actions/secrets#create-or-update-an-organization-secret
        put: (name, sealed, access, again) => send('PUT /orgs/{org}/actions/secrets/{secret_name}', {
            org,
            secret_name: name,
            ...sealed,
            request: { again },
            visibility: access.visibility ?? 'private',
            ...(access.visibility === 'selected' ? { selected_repository_ids: access.selectedRepositoryIds ?? [] } : {}),
        }),
        // https://docs.github.com/rest/actions/secrets#delete-an-organization-secret
        remove: (name) => send('DELETE /orgs/{org}/actions/secrets/{secret_name}', { org, secret_name: name }),
        // https://docs.github.com/rest/actions/secrets#list-organization-secrets
        list: (page) => send('GET /orgs/{org}/actions/secrets', { org, per_page: 100, page }),
        // https://docs.github.com/rest/actions/secrets#list-selected-repositories-for-an-organization-secret
        selectedRepositories: (name, page) => send('GET /orgs/{org}/actions/secrets/{secret_name}/repositories', {
            org,
            secret_name: name,
            per_page: 100,
            page,
        }),
    };
}
/** Sends a request, GitHub's refusal explained as `doing` failing. */
async function sendExplained(api, t, doing, send) {
    try {
        return await send();
    }
    catch (err) {
        throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(err, t, doing, api.wording);
    }
}


/***/ }),

/***/ 1764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AQ: () => (/* binding */ listSecrets),
/* harmony export */   H$: () => (/* binding */ secretExists),
/* harmony export */   MR: () => (/* binding */ currentUpdatedAt),
/* harmony export */   Mz: () => (/* binding */ preflight)
/* harmony export */ });
/* unused harmony export existingAccess */
/* harmony import */ var _core_checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8943);
/* harmony import */ var _answers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3948);
/* harmony import */ var _explain_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9576);
/* harmony import */ var _public_key_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5072);
/* harmony import */ var _secret_endpoints_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9404);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3738);
// What can be read of a secret before a refresh and after a write: its metadata (when it was
// last updated, who may use it), whether it exists, and the names beside it.







// 100 pages of 100: more repositories than an organisation selects, and a bound on a
// server that never says it is done.
const MAX_PAGES = 100;
/** A secret beside the target (the target itself by default). */
async function readMetadata(api, t, name = t.name) {
    const { data } = await (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_5__/* .secretEndpoints */ .B)(api, t).get(name);
    return (0,_answers_js__WEBPACK_IMPORTED_MODULE_2__/* .metadataOf */ .Nk)(data, `read ${(0,_target_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTarget */ .ff)({ ...t, name })}`, api.wording.apiUrl);
}
/** The secret's `updated_at` now: after a write of ours, so a later rescue compares against it. */
async function currentUpdatedAt(api, t) {
    try {
        return (await readMetadata(api, t)).updated_at;
    }
    catch (err) {
        throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(err, t, `read ${(0,_target_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTarget */ .ff)(t)}`, api.wording);
    }
}
/**
 * Everything that can be checked without changing anything, before a refresh token is spent. A key
 * the value's marker recorded saves a request; a write refused for it fetches the current one.
 */
async function preflight(api, t, known) {
    const key = known ?? (await (0,_public_key_js__WEBPACK_IMPORTED_MODULE_4__/* .readPublicKey */ .R)(api, t));
    let meta;
    try {
        meta = await readMetadata(api, t);
    }
    catch (err) {
        if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubHttpError */ .I && err.status === 404) {
            throw (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(api.wording.name, `${(0,_target_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTarget */ .ff)(t)} does not exist`, 'create it with the credentials first (README: First login)', {
                cause: err,
                details: 'Pass that same secret as credentials; otherwise the stored credentials the workflow reads ' +
                    'would silently go stale.',
            });
        }
        throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(err, t, `read ${(0,_target_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTarget */ .ff)(t)}`, api.wording);
    }
    const pre = { key, updatedAt: meta.updated_at };
    return t.kind === 'org' ? { ...pre, ...(await accessOf(api, t, meta)) } : pre;
}
/** Who may use an organisation secret, from its metadata and, when selected, its list of repositories. */
async function accessOf(api, t, meta) {
    const visibility = meta.visibility ?? 'private';
    if (visibility !== 'selected')
        return { visibility };
    return { visibility, selectedRepositoryIds: await selectedRepositories(api, t) };
}
/** Who may use an organisation secret now, kept when a new value is stored; undefined when it does not exist. */
async function existingAccess(api, t) {
    let meta;
    try {
        meta = await readMetadata(api, t);
    }
    catch (err) {
        if (err instanceof GitHubHttpError && err.status === 404)
            return undefined;
        throw explain(err, t, `read ${describeTarget(t)}`, api.wording);
    }
    return accessOf(api, t, meta);
}
async function selectedRepositories(api, t) {
    const doing = `list the repositories that may use ${(0,_target_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTarget */ .ff)(t)}`;
    const ids = new Set();
    for (let page = 1; page <= MAX_PAGES; page++) {
        const answer = await (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_5__/* .sendExplained */ .j)(api, t, doing, () => (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_5__/* .secretEndpoints */ .B)(api, t).selectedRepositories(t.name, page));
        const { ids: more, total } = (0,_answers_js__WEBPACK_IMPORTED_MODULE_2__/* .repositoryPageOf */ .jA)(answer.data, doing, api.wording.apiUrl);
        for (const id of more)
            ids.add(id);
        // Done at the total when GitHub states it (a page may be shorter than asked), else at a short page.
        if (more.length === 0 || (total !== undefined ? ids.size >= total : more.length < 100))
            return [...ids];
    }
    // Writing a partial list would take the secret away from the repositories left out.
    throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(doing, `the list did not end after ${MAX_PAGES} pages`, api.wording.apiUrl);
}
/** Names starting with `prefix` and when they were created, every page read. */
async function listSecrets(api, t, prefix) {
    const doing = `list the secrets of ${(0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .where */ ._M)(t)}`;
    const found = [];
    for (let page = 1, seen = 0; page <= MAX_PAGES; page++) {
        const answer = await (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_5__/* .sendExplained */ .j)(api, t, doing, () => (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_5__/* .secretEndpoints */ .B)(api, t).list(page));
        const data = answer.data;
        if (!Array.isArray(data?.secrets))
            throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(doing, 'the answer has no list of secrets', api.wording.apiUrl);
        for (const s of data.secrets) {
            if (typeof s?.name !== 'string' || typeof s.created_at !== 'string' || !s.name.startsWith(prefix))
                continue;
            const createdAt = Date.parse(s.created_at);
            if (!Number.isFinite(createdAt)) {
                throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(doing, `secret ${s.name} has no valid created_at`, api.wording.apiUrl);
            }
            found.push({ name: s.name, createdAt });
        }
        seen += data.secrets.length;
        const total = Number.isSafeInteger(data.total_count) ? data.total_count : undefined;
        if (data.secrets.length < 100 || (total !== undefined && seen >= total))
            return found;
    }
    throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(doing, `the list did not end after ${MAX_PAGES} pages`, api.wording.apiUrl);
}
/** Whether a secret of that name exists beside the target. */
async function secretExists(api, t, name) {
    try {
        await readMetadata(api, t, name);
        return true;
    }
    catch (err) {
        if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubHttpError */ .I && err.status === 404)
            return false;
        throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(err, t, `read ${(0,_target_js__WEBPACK_IMPORTED_MODULE_6__/* .describeTarget */ .ff)({ ...t, name })}`, api.wording);
    }
}


/***/ }),

/***/ 8997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gf: () => (/* binding */ checkWrite),
/* harmony export */   e3: () => (/* binding */ deleteSecret),
/* harmony export */   kz: () => (/* binding */ writeSecret)
/* harmony export */ });
/* unused harmony exports putSealedValue, seedSecret */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_marker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4517);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8943);
/* harmony import */ var _explain_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9576);
/* harmony import */ var _public_key_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5072);
/* harmony import */ var _seal_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7286);
/* harmony import */ var _secret_endpoints_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9404);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3738);
// Writing a secret: the rotated credentials back, a first value (the CLI's seed), the check
// that the token may write at all, and deleting what the broker made.








/** PUTs a sealed value as it is: 201 created, 204 updated; GitHub's refusal unexplained (a GitHubHttpError). */
async function putSealedValue(api, t, sealed, access) {
    return (await secretEndpoints(api, t).put(t.name, sealed, access)).status;
}
/** Seals the value and PUTs it; 201 created, 204 updated. The key may have rotated: fetched again once. */
async function putSealed(api, t, pre, name, value, access, doing = `write ${(0,_target_js__WEBPACK_IMPORTED_MODULE_7__/* .describeTarget */ .ff)({ ...t, name })}`, 
/** The value as sealed with that key (a value that records its key). */
valueFor = () => value) {
    const sealAndPut = async (key) => {
        const seal = async () => ({
            encrypted_value: await (0,_seal_js__WEBPACK_IMPORTED_MODULE_5__/* .sealForGitHub */ .oH)(valueFor(key), key.key),
            key_id: key.key_id,
        });
        return (await (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_6__/* .secretEndpoints */ .B)(api, t).put(name, await seal(), access, seal)).status;
    };
    try {
        return await sealAndPut(pre.key);
    }
    catch (err) {
        if (!(err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 422))
            throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(err, t, doing, api.wording);
        const fresh = await (0,_public_key_js__WEBPACK_IMPORTED_MODULE_4__/* .readPublicKey */ .R)(api, t);
        if (fresh.key_id === pre.key.key_id)
            throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(err, t, doing, api.wording);
        pre.key = fresh;
        try {
            return await sealAndPut(fresh);
        }
        catch (again) {
            throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(again, t, doing, api.wording);
        }
    }
}
/**
 * Seals the value with the secret's public key and stores it, marked with when it was written on
 * GitHub's clock (so any job can tell an old copy from the metadata), the claims of the newest copies
 * and the key. Each attempt is stamped as it is sent: the copy that lands was written at most one
 * attempt before (src/core/marker.ts, OLD_COPY_AFTER_MS). The one place a value the broker writes is
 * shaped. Returns the value as stored: the copy a holder of it has (the credential proxy refreshes it later).
 */
async function writeSecret(api, t, pre, value, more = {}) {
    let stored = value;
    const stamped = (key) => (stored = (0,_core_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .stamp */ .iE)(value, api.githubNow() ?? api.now(), { ...more, key }));
    await putSealed(api, t, pre, t.name, value, pre, undefined, stamped);
    return stored;
}
/**
 * Proves the token may write secrets there, before anything is spent: GitHub has no way to ask a
 * fine-grained token what it may do, and a write is the only test. The value is random and means
 * nothing; the secret is the one the broker leaves beside the targets of a place.
 */
async function checkWrite(api, t, pre) {
    const doing = `write secrets of ${(0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .where */ ._M)(t)} (a check before the refresh)`;
    await putSealed(api, t, pre, _target_js__WEBPACK_IMPORTED_MODULE_7__/* .WRITE_CHECK */ .lb, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex'), { visibility: 'selected' }, doing);
}
/** Deletes a secret the broker made; absent already is fine. */
async function deleteSecret(api, t, name) {
    try {
        await (0,_secret_endpoints_js__WEBPACK_IMPORTED_MODULE_6__/* .secretEndpoints */ .B)(api, t).remove(name);
    }
    catch (err) {
        if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 404)
            return;
        throw (0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .WE)(err, t, `delete ${(0,_target_js__WEBPACK_IMPORTED_MODULE_7__/* .describeTarget */ .ff)({ ...t, name })}`, api.wording);
    }
}
/**
 * Stores a first value exactly as given: no marker, since a value the broker never wrote is
 * trusted (src/core/marker.ts). 201 created, 204 updated.
 */
function seedSecret(api, t, key, value, access) {
    return putSealed(api, t, { key }, t.name, value, access);
}


/***/ }),

/***/ 942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ refuseJobToken)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/**
 * Refuses a token equal to the environment's GITHUB_TOKEN: a workflow sets that variable to
 * the job's own token (github.token), which GitHub would refuse with a 403 at the first call.
 */
function refuseJobToken(env, token, w) {
    if (env.GITHUB_TOKEN && env.GITHUB_TOKEN === token) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('OB_GITHUB_ACCESS', `${w.token}: this is the job's own GITHUB_TOKEN, which cannot write secrets; pass ${_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PAT_FIX */ .Ey} on the secret.`, { details: _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GITHUB_TOKEN_CANNOT */ .iB });
    }
}


/***/ }),

/***/ 4086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ Variables)
/* harmony export */ });
/* unused harmony export checkVariablesWrite */
/* harmony import */ var _core_checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8943);
/* harmony import */ var _answers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3948);
/* harmony import */ var _explain_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9576);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3738);
// GitHub Actions variables where a secret lives: the repository, one of its environments or the
// organisation. The claims between jobs are variables (docs/design.md, "Coordination") because a create
// is create-only (409 when the name exists) and a value can be read back, which a secret's cannot.






// GitHub's largest page of variables.
const PER_PAGE = 30;
// 1,000 variables (an organisation's limit) and a bound on a server that never says it is done.
const MAX_PAGES = 40;
function endpoints(api, p) {
    const send = api.request;
    // `once`: never retried once GitHub may have acted; the caller reads the variable back instead.
    const once = { request: { once: true } };
    if (p.kind === 'repo') {
        const at = { owner: p.owner, repo: p.repo };
        return {
            // https://docs.github.com/rest/actions/variables#create-a-repository-variable
            create: (name, value) => send('POST /repos/{owner}/{repo}/actions/variables', { ...at, name, value, ...once }),
            // https://docs.github.com/rest/actions/variables#get-a-repository-variable
            get: (name) => send('GET /repos/{owner}/{repo}/actions/variables/{name}', { ...at, name }),
            // https://docs.github.com/rest/actions/variables#update-a-repository-variable
            update: (name, value, again) => send('PATCH /repos/{owner}/{repo}/actions/variables/{name}', { ...at, name, value, request: { again } }),
            // https://docs.github.com/rest/actions/variables#delete-a-repository-variable
            remove: (name, o) => send('DELETE /repos/{owner}/{repo}/actions/variables/{name}', { ...at, name, ...(o ? once : {}) }),
            // https://docs.github.com/rest/actions/variables#list-repository-variables
            list: (page) => send('GET /repos/{owner}/{repo}/actions/variables', { ...at, per_page: PER_PAGE, page }),
        };
    }
    if (p.kind === 'env') {
        const at = { owner: p.owner, repo: p.repo, environment_name: p.environment };
        return {
            // https://docs.github.com/rest/actions/variables#create-an-environment-variable
            create: (name, value) => send('POST /repos/{owner}/{repo}/environments/{environment_name}/variables', { ...at, name, value, ...once }),
            // https://docs.github.com/rest/actions/variables#get-an-environment-variable
            get: (name) => send('GET /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}', { ...at, name }),
            // https://docs.github.com/rest/actions/variables#update-an-environment-variable
            update: (name, value, again) => send('PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}', {
                ...at,
                name,
                value,
                request: { again },
            }),
            // https://docs.github.com/rest/actions/variables#delete-an-environment-variable
            remove: (name, o) => send('DELETE /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}', {
                ...at,
                name,
                ...(o ? once : {}),
            }),
            // https://docs.github.com/rest/actions/variables#list-environment-variables
            list: (page) => send('GET /repos/{owner}/{repo}/environments/{environment_name}/variables', {
                ...at,
                per_page: PER_PAGE,
                page,
            }),
        };
    }
    const org = p.org;
    return {
        // Visible to no repository: a claim is the broker's, not a workflow's.
        // https://docs.github.com/rest/actions/variables#create-an-organization-variable
        create: (name, value) => send('POST /orgs/{org}/actions/variables', {
            org,
            name,
            value,
            visibility: 'selected',
            selected_repository_ids: [],
            ...once,
        }),
        // https://docs.github.com/rest/actions/variables#get-an-organization-variable
        get: (name) => send('GET /orgs/{org}/actions/variables/{name}', { org, name }),
        // https://docs.github.com/rest/actions/variables#update-an-organization-variable
        update: (name, value, again) => send('PATCH /orgs/{org}/actions/variables/{name}', { org, name, value, request: { again } }),
        // https://docs.github.com/rest/actions/variables#delete-an-organization-variable
        remove: (name, o) => send('DELETE /orgs/{org}/actions/variables/{name}', { org, name, ...(o ? once : {}) }),
        // https://docs.github.com/rest/actions/variables#list-organization-variables
        list: (page) => send('GET /orgs/{org}/actions/variables', { org, per_page: PER_PAGE, page }),
    };
}
/** A variable as GitHub answers it, checked; `doing` names the request for the error line. */
function variableOf(data, doing, apiUrl) {
    const created = (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) && typeof data.created_at === 'string' ? Date.parse(data.created_at) : NaN;
    const updated = (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) && typeof data.updated_at === 'string' ? Date.parse(data.updated_at) : NaN;
    if (!(0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) || typeof data.name !== 'string' || typeof data.value !== 'string') {
        throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(doing, 'the answer is not a variable', apiUrl);
    }
    if (!Number.isFinite(created) || !Number.isFinite(updated))
        throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(doing, 'the answer has no dates', apiUrl);
    return { name: data.name, value: data.value, createdAt: created, updatedAt: updated };
}
/** Whether GitHub may have acted on a request that got no success answer. */
const mayHaveActed = (err) => err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.ambiguous;
class Variables {
    api;
    place;
    constructor(api, place) {
        this.api = api;
        this.place = place;
    }
    explain(err, doing) {
        return (0,_explain_js__WEBPACK_IMPORTED_MODULE_4__/* .explain */ .WE)(err, this.place, doing, this.api.wording, 'variables');
    }
    /**
     * Creates the variable if no variable has that name. Called once the place is known to exist,
     * so a 404 means a GitHub without Actions variables.
     */
    async create(name, value) {
        try {
            await endpoints(this.api, this.place).create(name, value);
            return 'created';
        }
        catch (err) {
            if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 409)
                return 'exists';
            if (mayHaveActed(err))
                return 'unknown';
            if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 404) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_GITHUB', `${this.api.wording.apiUrl}: GitHub answered 404 to creating an Actions variable; the broker needs ` +
                    'GitHub.com or GitHub Enterprise Server 3.9 or later.', { cause: err, details: 'Jobs holding the same credentials coordinate through Actions variables.' });
            }
            throw this.explain(err, `create the variable ${name}`);
        }
    }
    async read(name) {
        const doing = `read the variable ${name}`;
        try {
            return variableOf((await endpoints(this.api, this.place).get(name)).data, doing, this.api.wording.apiUrl);
        }
        catch (err) {
            if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 404)
                return undefined;
            throw this.explain(err, doing);
        }
    }
    /**
     * Sets the value, whoever made the variable: GitHub has no compare-and-set. `again`, when given, makes
     * the value anew for each retry (from what the variable holds by then).
     */
    async update(name, value, again) {
        const fresh = again && (async () => ({ value: await again() }));
        try {
            await endpoints(this.api, this.place).update(name, value, fresh);
        }
        catch (err) {
            throw this.explain(err, `update the variable ${name}`);
        }
    }
    /**
     * Deletes it: 'removed', 'absent', or 'unknown' when `once` and the answer was lost (a repeat
     * could delete a variable another job has made since under the same name).
     */
    async remove(name, once = false) {
        try {
            await endpoints(this.api, this.place).remove(name, once);
            return 'removed';
        }
        catch (err) {
            if (err instanceof _api_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubHttpError */ .I && err.status === 404)
                return 'absent';
            if (once && mayHaveActed(err))
                return 'unknown';
            throw this.explain(err, `delete the variable ${name}`);
        }
    }
    /** The variables whose names start with `prefix` (upper case), every page read. */
    async list(prefix) {
        const doing = 'list the variables beside the secret';
        const found = [];
        for (let page = 1, seen = 0; page <= MAX_PAGES; page++) {
            let data;
            try {
                data = (await endpoints(this.api, this.place).list(page)).data;
            }
            catch (err) {
                throw this.explain(err, doing);
            }
            const items = (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) && Array.isArray(data.variables) ? data.variables : undefined;
            if (!items)
                throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(doing, 'the answer has no list of variables', this.api.wording.apiUrl);
            for (const item of items) {
                const v = variableOf(item, doing, this.api.wording.apiUrl);
                if (v.name.toUpperCase().startsWith(prefix))
                    found.push(v);
            }
            seen += items.length;
            const total = (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(data) && Number.isSafeInteger(data.total_count) ? data.total_count : undefined;
            if (items.length < PER_PAGE || (total !== undefined && seen >= total))
                return found;
        }
        throw (0,_answers_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(doing, `the list did not end after ${MAX_PAGES} pages`, this.api.wording.apiUrl);
    }
}
/**
 * Proves the token may write Actions variables there, as the claims between jobs do: creates the
 * broker's check variable (not a claim's name: no job ever reads it), then removes it at once.
 */
async function checkVariablesWrite(api, p, note) {
    const variables = new Variables(api, p);
    await variables.create(WRITE_CHECK, note);
    await variables.remove(WRITE_CHECK);
}


/***/ }),

/***/ 3926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ Claims)
});

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/neutral.ts
var neutral = __webpack_require__(8272);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/store/protocol.ts
var protocol = __webpack_require__(1105);
;// CONCATENATED MODULE: ./src/store/claim-io.ts
// One claim variable, as the jobs holding a copy talk to it (docs/design.md, "The claim"): created,
// or found to be another job's even when GitHub's answer was lost (the nonce read back); read and
// judged on GitHub's clock, a CLI's also by whether its job has ended; waited on; written; released.
// The refresh (src/store/claims.ts) and the recovery of a rescue (src/store/recovery.ts) build on it.




// Reads come often while a holder's answer is likely (a refresh takes a second or two) and every
// 5 s at most while a dead holder's lease runs out: about twenty reads in a minute.
const MAX_POLL_MS = 5_000;
const POLL_GROWTH = 1.25;
// A create or a delete whose answer is lost is read back; this many rounds, then GitHub is said to be failing.
const ROUNDS = 4;
// While a CLI's claim is waited for, GitHub is asked whether its job has ended at most this often.
const JOB_CHECK_MS = 30_000;
const at = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
class ClaimIo {
    d;
    /** The nonces of CLIs' claims whose job GitHub said has ended, and when it was last asked. */
    ended = new Set();
    jobAskedAt;
    constructor(d) {
        this.d = d;
    }
    name(copy, gen, recovery = false) {
        return (0,protocol/* claimName */.cB)((0,protocol/* copyId */.DT)(copy.refreshToken, copy.accessToken), gen, recovery);
    }
    /** GitHub's time now; before any answer (never: a claim is read first) the claim's own stamps decide. */
    now() {
        return this.d.githubNow() ?? 0;
    }
    /**
     * Creates the claim, or finds whose it is. A create whose answer was lost (a 502 before or after
     * GitHub acted, a reset, a timeout) is read back: the nonce says whether it is this job's.
     */
    async create(copy, name, value) {
        const sentAt = this.d.monotonic();
        for (let round = 1;; round++) {
            const created = await this.d.variables.create(name, (0,protocol/* encodeClaim */.l)(value));
            if (created === 'created')
                return { copy, name, value, sentAt, claimedAt: this.d.monotonic() };
            const seen = await this.read(name);
            if (seen?.value.n === value.n)
                return { copy, name, value, sentAt, claimedAt: this.d.monotonic() };
            if (seen)
                return seen;
            // Absent: released since, or the lost create never happened. Either way the name is free.
            if (round >= ROUNDS) {
                throw new errors/* UserError */.yo('OB_GITHUB', `github-api-url: GitHub did not confirm the claim on these credentials after ${round} tries; run again.`, { details: `Nothing was presented to the provider. The secret is ${this.d.target}.` });
            }
            this.d.debug(`The claim ${name} was not there after its create; trying again.`);
            await this.d.sleep(this.d.pollMs * round);
        }
    }
    /** What a new claim holds: a nonce of its own, its state, its lease. */
    claimValue(s, leaseMs) {
        const w = this.d.readUpdatedAt?.();
        const value = {
            v: 2,
            n: (0,external_node_crypto_.randomBytes)(16).toString('hex'),
            s,
            l: (0,protocol/* leaseSeconds */.E_)(leaseMs),
            t: this.d.secret.toUpperCase(),
            ...(w ? { w } : {}),
        };
        // A CLI's rescue may go to that cache too: a job on another ref must not take its claim over.
        if (this.d.ref && s !== 'settled' && s !== 'spent')
            value.ref = this.d.ref;
        if (this.d.job && s === 'cli')
            value.j = this.d.job;
        return value;
    }
    /** What the claim means now: GitHub's time, and for a CLI's claim whether GitHub said its job has ended. */
    judged(seen) {
        return (0,protocol/* judge */.S4)(seen, this.now(), this.ended.has(seen.value.n));
    }
    /** As judged, after asking GitHub (at most every JOB_CHECK_MS) whether a held CLI's job has ended. */
    async judgedNow(seen) {
        const j = this.judged(seen);
        const job = seen.value.j;
        if (j.kind !== 'held' || !j.cli || !job || !this.d.jobEnded)
            return j;
        if (this.jobAskedAt !== undefined && this.d.monotonic() - this.jobAskedAt < JOB_CHECK_MS)
            return j;
        this.jobAskedAt = this.d.monotonic();
        try {
            if (await this.d.jobEnded(job))
                this.ended.add(seen.value.n);
        }
        catch (err) {
            this.d.debug(`Could not tell whether the job of the CLI's claim has ended: ${err.message}`);
        }
        return this.judged(seen);
    }
    /** A claim as GitHub has it, undefined when absent. A variable of a claim's name that is not one stops the job. */
    /** The result the claim `name` carries, if the holder of `copy` can open it. */
    async resultOf(copy, name, seen) {
        return seen?.value.r ? this.d.open(copy, name, seen.value.r) : undefined;
    }
    async read(name) {
        const v = await this.d.variables.read(name);
        if (!v)
            return undefined;
        const value = (0,protocol/* decodeClaim */.d)(v.value);
        if (!value) {
            throw new errors/* UserError */.yo('OB_CLAIM', `credentials: the variable ${name} beside ${this.d.target} is not a claim the broker wrote; delete it.`, { details: 'Variables named OAUTH_BROKER_… are the broker’s claims (docs/design.md, "Coordination").' });
        }
        return { value, createdAt: v.createdAt, updatedAt: v.updatedAt };
    }
    /**
     * Reads the claim until it is no longer held, or lock-timeout (this job's monotonic clock) ends;
     * undefined when it was released. Reads come soon at first, then less often.
     */
    async waitFor(name, seen, start) {
        let delay = this.d.pollMs;
        let current = seen;
        for (;;) {
            const j = await this.judgedNow(current);
            if (j.kind !== 'held')
                return current;
            const left = this.d.lockTimeoutMs - (this.d.monotonic() - start);
            if (left <= 0)
                throw this.timedOut(current, j.until, j.cli);
            await this.d.sleep(Math.max(1, Math.min(delay, j.until - this.now(), left)));
            delay = Math.min(delay * POLL_GROWTH, MAX_POLL_MS);
            const next = await this.read(name);
            if (!next)
                return undefined;
            current = next;
        }
    }
    timedOut(seen, until, cli) {
        const limit = (0,duration/* formatDuration */.a3)(this.d.lockTimeoutMs);
        if (cli) {
            return new errors/* UserError */.yo('OB_CLAIM', `lock-timeout: a provider CLI in another job holds this refresh token (claimed at ${at(seen.createdAt)}); ` +
                'run this job again after that job ends.', { details: `The claim lasts until that job's post step, or the job's end, or ${at(until)} at the latest.` });
        }
        return new errors/* UserError */.yo('OB_CLAIM', `lock-timeout: another job claimed the refresh of these credentials at ${at(seen.createdAt)} and did not ` +
            `finish within ${limit}; run this job again.`, { details: `If that job died, a run after ${at(until)} takes over.` });
    }
    async write(t, s, result) {
        const value = { ...t.value, s };
        if (s === 'settled')
            value.a ??= new Date(this.now()).toISOString();
        if (result)
            value.r = await this.d.seal(t.copy, t.name, result);
        else
            delete value.r;
        // A seed's claim keeps the burials recorded in it, read again before each attempt.
        const withBuried = async () => {
            const { d } = (await this.read(t.name))?.value ?? {};
            return (0,protocol/* encodeClaim */.l)(d ? { ...value, d } : value);
        };
        await this.d.variables.update(t.name, t.seed ? await withBuried() : (0,protocol/* encodeClaim */.l)(value), t.seed ? withBuried : undefined);
        t.value = value;
    }
    /**
     * Deletes this job's claim. A delete whose answer was lost is not repeated blindly, which could
     * delete a claim another job has made since: it is read back first.
     */
    async release(t) {
        for (let round = 0; round < ROUNDS; round++) {
            if ((await this.d.variables.remove(t.name, true)) !== 'unknown')
                return;
            const seen = await this.read(t.name);
            if (seen?.value.n !== t.value.n)
                return;
        }
    }
}

;// CONCATENATED MODULE: ./src/store/recovery.ts
// The recovery of a rescue (docs/design.md, "Results and rescues"): a holder whose write-back failed
// left its rotated credentials sealed in its claim (or the Actions cache). One job writes them to the
// secret, under a leased lock of its own, a claim named by the copy with an R: a job that dies doing
// so blocks the others for a lease at most, and the next recoverer removes its lock.


/**
 * Writes the rescue `found` carries, unless another job does. Others use the rescued access token
 * when it is fresh (`fresh`), or wait for the write, and learn when it was written from the claim.
 */
async function recover(io, copy, found, r) {
    const { name: claim, result } = found;
    const start = io.d.monotonic();
    for (let gen = 0; gen < protocol/* MAX_GENERATIONS */.Fm;) {
        const name = io.name(copy, gen, true);
        const lock = await io.create(copy, name, io.claimValue('busy', io.d.leaseMs));
        if ('name' in lock) {
            // A recoverer may have finished since the claim was read and freed the lock just now, within the
            // same second of updated_at: the claim says whether its rescue still waits.
            const seen = found.rescueInClaim ? await resultIn(io, copy, claim) : undefined;
            if (!found.rescueInClaim || seen?.rescue)
                return recoverUnder(io, lock, gen, claim, result, r);
            await io.release(lock).catch(() => undefined);
            return done(seen);
        }
        if (r.fresh)
            return { wrote: false };
        // A lock is never settled: what the wait returns expired with its holder, so the next generation may go.
        if (await io.waitFor(name, lock, start))
            gen++;
        // Done when the claim no longer carries the rescue; else the lock is free to take.
        const seen = await resultIn(io, copy, claim);
        if (!seen?.rescue)
            return done(seen);
    }
    throw new errors/* UserError */.yo('OB_WRITE_BACK', `credentials: ${protocol/* MAX_GENERATIONS */.Fm} jobs in a row failed to store the rescued credentials; run this job again.`, { details: `The rescued credentials stay sealed beside ${io.d.target} until one succeeds.` });
}
/** The result the claim carries now: with the rescue while no recoverer has stored it. */
async function resultIn(io, copy, claim) {
    return io.resultOf(copy, claim, await io.read(claim));
}
/** Another recoverer finished: when it wrote, if it did. */
function done(seen) {
    return { wrote: false, ...(seen?.recovered ? { at: seen.recovered } : {}) };
}
/** Under the lock: the write, then the claim's rescue taken out, then every lock of this copy removed. */
async function recoverUnder(io, lock, gen, claim, result, r) {
    let at;
    try {
        at = await r.write();
    }
    catch (err) {
        await io.release(lock).catch(() => undefined);
        throw err;
    }
    // In the secret now, or superseded there: no job writes it again. Those waiting learn when it was written:
    // by this job, or by a recoverer before it (whose record this rewrite keeps; this job then wrote nothing).
    const seen = await io.read(claim).catch(() => undefined);
    const before = await io.resultOf(lock.copy, claim, seen);
    const recovered = before?.recovered ?? at;
    if (seen) {
        // It may be a seed's: what burials recorded in it since this read stays.
        const held = { copy: lock.copy, name: claim, value: seen.value, seed: true };
        await io
            .write(held, seen.value.s, { successor: result.successor, ...(recovered ? { recovered } : {}) })
            .catch(() => undefined);
    }
    // This lock, and those of recoverers that died before it: nothing of the recovery stays.
    const dead = Array.from({ length: gen }, (_, g) => io.name(lock.copy, g, true));
    await io.release(lock).catch(() => undefined);
    for (const name of dead)
        await io.d.variables.remove(name).catch(() => undefined);
    const when = at ?? recovered;
    return { wrote: at !== undefined, ...(when ? { at: when } : {}) };
}

;// CONCATENATED MODULE: ./src/store/claims.ts
// src/store: what jobs holding the same login share: the claims protocol (its decisions in
// protocol.ts, its talking to one claim in claim-io.ts, the recovery of a rescue in recovery.ts), the
// sealed results and rescues, and the Actions cache as a rescue's last resort. May import: core, github.
//
// The claims between jobs that hold the same credentials (docs/design.md, "Coordination"): an Actions
// variable beside the secret decides the one job that presents a copy's refresh token. Every job
// that can write the secret sees it, on any ref, in any repository, on GHES. Ownership is read
// back, never assumed; deadlines are judged on GitHub's clock; the result travels sealed in the
// claim. This module is the refresh's side: reserve, settle, fail, and a CLI's claim.






class Claims {
    d;
    io;
    constructor(d) {
        this.d = d;
        this.io = new ClaimIo(d);
    }
    /**
     * Reserves the one presentation of the copy's refresh token, or returns the result of the job that
     * made it. Throws, saying why and what to do, when this job can have neither.
     */
    async reserve(copy) {
        let waited = false;
        const start = this.d.monotonic();
        for (let gen = 0; gen < protocol/* MAX_GENERATIONS */.Fm;) {
            const name = this.io.name(copy, gen);
            const got = await this.io.create(copy, name, this.io.claimValue('busy', this.d.leaseMs));
            if ('name' in got) {
                // A takeover looks again, as late as it can: a holder slow to settle may have settled since.
                if (gen > 0 && (await this.settledSince(this.io.name(copy, gen - 1)))) {
                    await this.io.release(got);
                    gen--;
                    continue;
                }
                return { kind: 'owner', ticket: got };
            }
            let seen = got;
            for (;;) {
                const j = await this.io.judgedNow(seen);
                if (j.kind === 'held') {
                    if (!waited) {
                        waited = true;
                        const holder = j.cli ? "another job's CLI, until that job ends" : 'another job';
                        this.d.info(`These credentials are being refreshed by ${holder}; waiting up to lock-timeout ` +
                            `${(0,duration/* formatDuration */.a3)(this.d.lockTimeoutMs)}.`);
                    }
                    seen = await this.io.waitFor(name, seen, start);
                    if (!seen)
                        break;
                    continue;
                }
                if (j.kind === 'settled')
                    return this.resultOf(copy, name, seen);
                if (j.kind === 'spent') {
                    throw new errors/* UserError */.yo('OB_LOGIN_LOST', `credentials: the provider refused this refresh token when another job presented it; ${errors/* RELOGIN */.FK}.`, { details: `The secret is ${this.d.target}.` });
                }
                // Expired: its holder may have kept its rotation where the claim could not say.
                const cached = await this.d.cached?.(copy);
                // Its time is the claim's: the provider answered no sooner, and the rescue was written no sooner.
                if (cached)
                    return { kind: 'result', result: cached, name, settledAt: seen.createdAt };
                // The holder's write-back is the second sign it got that far, if its settle was lost.
                const next = (0,protocol/* afterExpiry */.ep)(seen, await this.d.targetUpdatedAt(), this.d.ref);
                if (next === 'old')
                    throw this.oldCopy();
                if (next === 'other-ref')
                    throw this.otherRef(seen.value.ref, true);
                this.d.info(seen.value.s === 'cli'
                    ? `The job whose CLI held these credentials since ${at(seen.createdAt)} has ended; taking over.`
                    : `The job that claimed these credentials at ${at(seen.createdAt)} never finished; taking over.`);
                gen++;
                break;
            }
        }
        throw new errors/* UserError */.yo('OB_REFRESH_UNCERTAIN', `credentials: ${protocol/* MAX_GENERATIONS */.Fm} jobs in a row claimed this refresh token and none finished; ${errors/* RELOGIN */.FK}.`, { details: `The refresh token is probably spent. The secret is ${this.d.target}.` });
    }
    /** Whether the claim this job took over was settled, or its holder's write-back landed, after all. */
    async settledSince(name) {
        const seen = await this.io.read(name);
        if (!seen || this.io.judged(seen).kind !== 'expired')
            return true;
        return (0,protocol/* writtenSince */.wu)(seen, await this.d.targetUpdatedAt());
    }
    /** The copy held was spent by another job: nothing to present, nothing to take. */
    oldCopy() {
        return new errors/* UserError */.yo('OB_CLAIM', `credentials: another job already spent this refresh token, so this job holds an old copy; ${errors/* RERUN_OLD_COPY */.Nk}.`, { details: `The secret is ${this.d.target}. If that other job failed, its error says what to do.` });
    }
    /** A job on another ref spent the token and its rotation is not in the secret: only that ref can recover it. */
    otherRef(given, unfinished = false) {
        // Read from a variable anyone who can write the repository's variables could have set.
        const ref = (0,neutral/* neutral */.SY)(given, 100);
        const what = unfinished ? 'never finished, and may have rotated it' : 'did not store what replaced it';
        return new errors/* UserError */.yo('OB_CLAIM', `credentials: the job on ${ref} that claimed this refresh token ${what}; re-run that job.`, {
            details: [
                `Its rotated credentials may be kept in the Actions cache of ${ref}, which jobs on other refs cannot read, ` +
                    'so this job does not present the token.',
                unfinished
                    ? 'Run again, that job recovers them, or refreshes if the provider never answered it.'
                    : 'Run again, that job recovers them.',
                `The secret is ${this.d.target}.`,
            ],
        });
    }
    /**
     * A settled claim's result, if this job can open it; an old copy otherwise. When the secret does not
     * show the holder's write-back (its updated_at is still the one the holder read), the rotated
     * credentials may be in the holder's Actions cache: looked for there; if that cache is another
     * ref's, the result says so, for an error that tells how to recover rather than call the copy old.
     */
    async resultOf(copy, name, seen) {
        const found = await this.io.resultOf(copy, name, seen);
        // When the provider answered: a rescue or its recovery rewrites the claim later, which moves updated_at.
        const settled = { name, settledAt: seen.value.a ? Date.parse(seen.value.a) : seen.updatedAt };
        if (found?.rescue)
            return { kind: 'result', result: found, ...settled, rescueInClaim: true };
        const { w } = seen.value;
        const unstored = w !== undefined && this.d.cached && (await this.d.targetUpdatedAt()) === Date.parse(w);
        if (unstored) {
            const cached = await this.d.cached?.(copy);
            if (cached)
                return { kind: 'result', result: cached, ...settled };
        }
        const elsewhere = unstored ? (0,protocol/* otherRefOf */.VV)(seen, this.d.ref) : undefined;
        if (found)
            return { kind: 'result', result: found, ...settled, ...(elsewhere ? { unstoredOn: elsewhere } : {}) };
        throw elsewhere ? this.otherRef(elsewhere) : this.oldCopy();
    }
    /**
     * The provider answered: the claim is settled before anything else, with the result for the jobs
     * holding the same copy (when given), so nobody takes over even if this job is killed before its
     * write-back. Never throws. When the settle cannot be written, the write-back is the only sign,
     * and it counts from the second after the claim's: so this returns no sooner than that.
     */
    async settle(t, result) {
        try {
            await this.io.write(t, 'settled', result);
        }
        catch {
            this.d.warning(`Could not settle the claim beside ${this.d.target}; the write-back will show it settled.`);
            const wait = (0,protocol/* untilNextStamp */.Jw)(t.claimedAt, this.d.monotonic());
            if (wait > 0)
                await this.d.sleep(wait);
        }
    }
    /** Rotated but not written: the credentials sealed in the claim for the next run; true when kept. */
    async rescue(t, result) {
        try {
            await this.io.write(t, 'settled', result);
            return true;
        }
        catch {
            return false;
        }
    }
    /**
     * The refresh failed. Surely unsent: the claim goes, and the token stays usable for anyone. Refused
     * by the provider: spent, nobody presents it again. Unknown: the claim stays until its deadline.
     */
    async failed(t, spent) {
        try {
            if (spent === 'no' && (0,protocol/* mayRelease */.rQ)(t.sentAt, t.value.l, this.d.monotonic()))
                await this.io.release(t);
            else if (spent === 'yes')
                await this.io.write(t, 'spent');
        }
        catch {
            this.d.info(`Could not update the claim beside ${this.d.target}; the next run waits for its deadline.`);
        }
    }
    /** Deletes this job's claim, reading back a delete whose answer was lost (src/store/claim-io.ts). */
    release(t) {
        return this.io.release(t);
    }
    /**
     * Removes the claims of the copies that dropped out of the newest (src/store/protocol.ts keptClaims),
     * every generation of each, the buried ones once the seed's claim records them. Done before the
     * write-back, so a claim GitHub would not delete (or bury) is returned, for the value to name until a
     * later run removes it. Never throws.
     */
    async prune(drop) {
        const recorded = await this.bury(drop.filter((k) => k.into));
        const left = [];
        for (const { into, ...k } of drop) {
            if (into && !recorded.has(into)) {
                left.push(k);
                continue;
            }
            try {
                for (const name of (0,protocol/* generationsOf */.xi)(k.name))
                    await this.d.variables.remove(name);
            }
            catch {
                this.d.debug(`Could not delete the claim ${k.name}; a later run removes it.`);
                left.push(k);
            }
        }
        return left;
    }
    /** Records the buried copies in their seed's claim, before their claims go; the seeds that recorded them. */
    async bury(buried) {
        const recorded = new Set();
        for (const into of new Set(buried.map((k) => k.into))) {
            // Read again before each attempt: what another job recorded meanwhile stays.
            const recording = async () => {
                const seed = await this.io.read(into);
                if (!seed)
                    throw new Error(`the claim ${into} is gone`);
                return (0,protocol/* encodeClaim */.l)({
                    ...seed.value,
                    d: (0,protocol/* withBuried */.gV)(seed.value.d, buried.filter((k) => k.into === into)),
                });
            };
            try {
                await this.d.variables.update(into, await recording(), recording);
                recorded.add(into);
            }
            catch {
                this.d.debug(`Could not record buried copies in the claim ${into}; their claims stay.`);
            }
        }
        return recorded;
    }
    /**
     * Whether the copy this job just claimed was buried (src/store/protocol.ts keptClaims): its old claim
     * was removed while the copy could still pass for current, so only the seed's claim (`seed`, the one the
     * copy's value names) says it is spent. A copy that is its chain's seed, or names none, was never buried.
     */
    async buried(t, seed) {
        if (!seed || (0,protocol/* parseClaimName */.dX)(seed)?.id === (0,protocol/* parseClaimName */.dX)(t.name)?.id)
            return false;
        return (0,protocol/* isBuried */.IF)((await this.io.read(seed))?.value, t.name);
    }
    /**
     * Claims the copy for a CLI that may present its refresh token during the job (`client-refresh`):
     * the ticket if this job is first; 'held' when another job holds it, 'buried' when it was spent long
     * since (`seed`: the seed's claim the copy names); then the CLI gets no refresh token. It never waits
     * or takes over: the job has a valid access token anyway.
     */
    async claimForCli(copy, seed) {
        const name = this.io.name(copy, 0);
        const value = this.io.claimValue('cli', protocol/* CLI_LEASE_MS */.Hh);
        let got;
        try {
            got = await this.io.create(copy, name, value);
        }
        catch (err) {
            // A create GitHub may have made but never confirmed would hold the copy for a CLI's whole lease, for a
            // CLI that gets no refresh token: released once more if it is this job's. The error stands either way.
            await this.io
                .read(name)
                .then((seen) => (seen?.value.n === value.n ? this.release({ name, value }) : undefined))
                .catch(() => this.d.debug(`Could not check for an unconfirmed claim ${name}; its lease ends it.`));
            throw err;
        }
        if (!('name' in got))
            return 'held';
        const buried = await this.buried(got, seed).catch(async (err) => {
            await this.release(got).catch(() => undefined);
            throw err;
        });
        if (!buried)
            return got;
        await this.release(got).catch(() => undefined);
        return 'buried';
    }
    /** Writes the rescue a settled claim carries to the secret, under a lock of its own (src/store/recovery.ts). */
    recover(copy, found, r) {
        return recover(this.io, copy, found, r);
    }
    /** Whether the holder of `t` still has time for an attempt before its deadline (src/store/protocol.ts). */
    hasTime(t) {
        return (0,protocol/* hasTime */._p)(t.sentAt, t.value.l, this.d.monotonic());
    }
    /** The ticket a step saved for another (the post step): its claim's name and value. */
    static ticket(copy, name, value) {
        return { copy, name, value };
    }
}


/***/ }),

/***/ 3652:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I$: () => (/* binding */ sealEntry),
/* harmony export */   Pd: () => (/* binding */ sealResult),
/* harmony export */   c5: () => (/* binding */ openResult),
/* harmony export */   ub: () => (/* reexport safe */ _core_keys_js__WEBPACK_IMPORTED_MODULE_0__.ub),
/* harmony export */   vW: () => (/* binding */ openEntry)
/* harmony export */ });
/* harmony import */ var _core_keys_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1483);
/* harmony import */ var _github_seal_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7286);
// Names and seals what jobs hand each other (a claim's result, a rescue in the cache) with keys
// derived from the credentials they succeed and the github-token: a reader of the variables or
// the cache without both learns neither a token nor what it is (docs/design.md, "Results and
// rescues"). The names, keys and ciphers are src/core/keys.ts's: a claim's result is sealed with
// node:crypto, so a job that only takes one never loads libsodium; a cache entry with libsodium.


function parsed(text) {
    if (!text)
        return undefined;
    try {
        return JSON.parse(text.toString('utf8'));
    }
    catch {
        return undefined;
    }
}
/** A keyed hash of the refresh token: names its entries, reveals nothing of it. */

/** nonce ‖ ciphertext; the cache key is bound as associated data, so entries cannot be swapped. */
async function sealEntry(refreshToken, cacheKey, payload) {
    return _core_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .sealEntry */ .I$(await (0,_github_seal_js__WEBPACK_IMPORTED_MODULE_1__/* .sodium */ .E2)(), refreshToken, cacheKey, JSON.stringify(payload));
}
/** The payload, or undefined when the entry was not sealed for this refresh token and key. */
async function openEntry(refreshToken, cacheKey, data) {
    return parsed(_core_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .openEntry */ .vW(await (0,_github_seal_js__WEBPACK_IMPORTED_MODULE_1__/* .sodium */ .E2)(), refreshToken, cacheKey, data));
}
/** nonce ‖ ciphertext ‖ tag, base64; the claim's name is bound as associated data, so results cannot be swapped. */
function sealResult(material, claim, payload) {
    return _core_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .sealResult */ .Pd(material, claim, Buffer.from(JSON.stringify(payload), 'utf8')).toString('base64');
}
/** The payload, or undefined when the result was not sealed for this copy, token and claim. */
function openResult(material, claim, sealed) {
    return parsed(_core_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .openResult */ .c5(material, claim, Buffer.from(sealed, 'base64')));
}


/***/ }),

/***/ 344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ SharedStore),
/* harmony export */   k: () => (/* binding */ successorOf)
/* harmony export */ });
/* harmony import */ var _seal_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3652);

/** The successor that `next` makes, obtained `now`. */
function successorOf(next, now) {
    return {
        kind: 'next',
        // Empty when the provider rotated without a usable access token: nothing is shared then.
        accessToken: next.accessToken ?? '',
        expiresAt: next.expiresAt,
        scopes: next.scopes,
        idToken: next.idToken,
        at: new Date(now).toISOString(),
    };
}
function keyOf(copy) {
    return `oauth-broker-v1-next-${(0,_seal_js__WEBPACK_IMPORTED_MODULE_0__/* .entryId */ .ub)(copy)}`;
}
function isSuccessor(v) {
    const s = v;
    return !!s && typeof s === 'object' && s.kind === 'next' && typeof s.accessToken === 'string';
}
class SharedStore {
    backend;
    constructor(backend) {
        this.backend = backend;
    }
    /** The rescue of this refresh token, if a job could store it nowhere else. */
    async successor(copy) {
        const key = keyOf(copy);
        const hit = await this.backend.read([key]);
        if (!hit)
            return undefined;
        const payload = await (0,_seal_js__WEBPACK_IMPORTED_MODULE_0__/* .openEntry */ .vW)(copy, hit.key, hit.data);
        return isSuccessor(payload) ? payload : undefined;
    }
    /** Keeps a rescue; true when stored. Entries are immutable: the first job to store one wins. */
    async done(copy, entry) {
        const key = keyOf(copy);
        return (await this.backend.create(key, await (0,_seal_js__WEBPACK_IMPORTED_MODULE_0__/* .sealEntry */ .I$)(copy, key, entry))) === 'saved';
    }
}


/***/ })

};
