"use strict";
exports.id = 568;
exports.ids = [568];
exports.modules = {

/***/ 4568:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkApplies: () => (/* binding */ checkApplies),
  login: () => (/* binding */ login),
  verb: () => (/* binding */ login_verb)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/neutral.ts
var neutral = __webpack_require__(8272);
// EXTERNAL MODULE: ./src/core/providers.ts
var providers = __webpack_require__(8201);
// EXTERNAL MODULE: ./src/core/url.ts
var url = __webpack_require__(38);
;// CONCATENATED MODULE: ./src/cli/login/browser.ts
// cmd.exe reads these in its command line even in an argument: `&` would end the address.
const CMD_SPECIAL = /[&|<>^()]/g;
/**
 * How to open `url` here, never through a shell: BROWSER (a program and its arguments separated
 * by spaces, `%s` where the address goes, else it comes last; `none`: never), else the platform's
 * opener. Undefined: this machine has no browser to open.
 */
function browserCommand(url, env, platform) {
    const browser = env.BROWSER?.trim();
    if (browser) {
        if (browser === 'none')
            return undefined;
        const [file, ...args] = browser.split(/\s+/);
        const placed = args.some((a) => a.includes('%s'));
        return { file, args: placed ? args.map((a) => a.split('%s').join(url)) : [...args, url] };
    }
    if (platform === 'darwin')
        return { file: 'open', args: [url] };
    // `start` takes its first quoted argument as a window title: the empty one.
    if (platform === 'win32')
        return { file: 'cmd', args: ['/c', 'start', '', url.replace(CMD_SPECIAL, '^$&')] };
    if (env.DISPLAY || env.WAYLAND_DISPLAY)
        return { file: 'xdg-open', args: [url] };
    return undefined;
}
/**
 * Prints `url` on a line of its own (always: the browser may be on another machine), then opens
 * it when it can. The browser may stay open as long as it likes; failing to start it is one line.
 */
function showAddress(url, intro, deps) {
    deps.stderr(intro);
    deps.stderr(url);
    const launch = browserCommand(url, deps.env, deps.platform);
    if (!launch)
        return;
    void deps.run(launch.file, launch.args, { timeoutMs: 0 }).then(({ code }) => {
        if (code !== 0)
            deps.stderr(`Could not open a browser (${launch.file} exited ${code}); open the address above.`);
    });
}

// EXTERNAL MODULE: ./src/core/refresh.ts
var refresh = __webpack_require__(1468);
;// CONCATENATED MODULE: ./src/cli/login/callback.ts
// What comes back from the authorize page: the browser's redirect to the callback, or what the
// user pastes (Anthropic's CODE#STATE, or the address the browser was sent to). Each mistake is
// one line saying what to do; nothing of what came back is quoted but a provider's error code.



const AGAIN = 'run the login again';
/**
 * An answer that is not this login's: its state is missing or another. The loopback callback
 * ignores it (anything on this machine, or a page the browser shows, can send one); a paste of
 * one fails the login.
 */
class ForeignAnswer extends errors/* UserError */.yo {
}
function stateMismatch(what) {
    return new ForeignAnswer('OB_LOGIN', `${what} belongs to another login (its state does not match this one's); ${AGAIN}.`, {
        details: 'Only the page this run printed can finish it: a code is bound to the login that asked for it.',
    });
}
/**
 * The code in a redirect's query, once its state is this login's and it carries no error. The
 * state comes first: an error with no state, or another, is no answer to this login either.
 */
function codeFromQuery(query, state, what) {
    const returned = query.get('state');
    if (returned === null) {
        throw new ForeignAnswer('OB_LOGIN', `${what} has no state; ${AGAIN} and use the address the page goes to.`);
    }
    if (returned !== state)
        throw stateMismatch(what);
    const error = query.get('error');
    if (error) {
        const description = query.get('error_description');
        const said = `${(0,refresh/* quotableCode */.rf)(error, [])}${description ? `: ${(0,neutral/* neutral */.SY)(description, 60)}` : ''}`;
        throw new errors/* UserError */.yo('OB_LOGIN', `the authorization server refused the login (${said}); ${AGAIN} and approve it.`);
    }
    const code = query.get('code');
    if (!code)
        throw new errors/* UserError */.yo('OB_LOGIN', `${what} has no code; ${AGAIN} and use the address the page goes to.`);
    return code;
}
/** The code in what the user pasted: `CODE#STATE`, or a redirected address with `?code=…&state=…`. */
function codeFromPaste(text, state, shape) {
    const pasted = text.trim();
    const asked = shape === 'CODE#STATE' ? 'the CODE#STATE the page shows' : 'the address the browser was sent to';
    if (!pasted)
        throw new errors/* UserError */.yo('OB_LOGIN', `nothing was pasted; ${AGAIN} and paste ${asked}.`);
    if (/^https?:\/\//i.test(pasted) && URL.canParse(pasted)) {
        return codeFromQuery(new URL(pasted).searchParams, state, 'the pasted address');
    }
    const parts = /^([^\s#]+)#([^\s#]+)$/.exec(pasted);
    if (shape === 'address' || !parts) {
        throw new errors/* UserError */.yo('OB_LOGIN', `the pasted text is not ${asked}; ${AGAIN} and copy all of it.`);
    }
    if (parts[2] !== state)
        throw stateMismatch('the pasted code');
    return parts[1];
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./src/cli/login/loopback.ts
// A one-shot HTTP server on this machine's loopback interface for the browser's redirect
// (RFC 8252 §7.3): the first request to the callback path that carries this login's state ends
// it. Any other (no state, another: a local program, a page the browser shows) gets a plain 400
// and the login keeps waiting, so nobody but the authorization server can end it, not even with
// an error.





/** A redirect URI this CLI can listen on: plain http to this machine. */
const isLoopback = (uri) => uri.protocol === 'http:' && (0,url/* isLoopbackHost */.c)(uri.hostname);
const page = (title, line) => `<!doctype html><meta charset="utf-8"><title>${title}</title><p>${line}</p>\n`;
const DONE = page('Logged in', 'oauth-broker has the code. Close this tab and return to the terminal.');
const FAILED = page('Login failed', 'oauth-broker could not use this answer. The terminal says why.');
const FOREIGN = 'This is not the answer to the login oauth-broker is waiting for; it was ignored.\n';
/**
 * Listens on the redirect URI's host and port; `codeOf` reads the callback's query (throwing a
 * ForeignAnswer when it is not this login's, which is ignored, or a UserError when it is this
 * login's but holds no code), and the browser is told in a word which it was.
 */
async function listenOnce(redirectUri, codeOf) {
    const uri = new URL(redirectUri);
    // URL drops a default port (`:80`) as if none were given; only a missing one means "any".
    const port = uri.port || (/^http:\/\/[^/?#]*:\d+(?:[/?#]|$)/i.test(redirectUri) ? '80' : '');
    let settle;
    const code = new Promise((resolve, reject) => {
        settle = { resolve, reject };
    });
    const server = (0,external_node_http_.createServer)((req, res) => {
        const url = new URL(req.url ?? '/', 'http://callback');
        if (req.method !== 'GET' || url.pathname !== uri.pathname || !settle) {
            // The browser asks for a favicon; anything but the callback leaves the login waiting.
            res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
            return;
        }
        let received;
        try {
            received = codeOf(url.searchParams);
        }
        catch (err) {
            if (err instanceof ForeignAnswer) {
                res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end(FOREIGN);
                return;
            }
            res.writeHead(400, { 'content-type': 'text/html; charset=utf-8', connection: 'close' }).end(FAILED);
            settle.reject(err);
            settle = undefined;
            return;
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' }).end(DONE);
        settle.resolve(received);
        settle = undefined;
    });
    const host = uri.hostname === '[::1]' ? '::1' : '127.0.0.1';
    await new Promise((resolve, reject) => {
        server.once('error', (err) => {
            const why = err.code === 'EADDRINUSE' ? 'is in use' : `cannot be used (${(0,neutral/* neutral */.SY)(err.code ?? 'error', 20)})`;
            const where = `${uri.hostname}:${port}`;
            reject(new errors/* UserError */.yo('OB_LOGIN', `${where} ${why}, so the browser's redirect cannot reach this login; end what listens there, ` +
                'or pass --redirect-uri with another port.', { cause: err }));
        });
        server.listen(Number(port || 0), host, () => resolve());
    });
    const close = () => {
        server.close();
        server.closeAllConnections();
    };
    // As given when it names its port: the exchange must repeat it to the letter.
    if (port)
        return { redirectUri, code, close };
    const bound = new URL(uri);
    bound.port = String(server.address().port);
    return { redirectUri: bound.href, code, close };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/cli/login/pkce.ts
// PKCE (RFC 7636, S256) and the `state` that ties an answer to this login.

/** base64url(sha256(verifier)), as the authorization server recomputes it. */
const challengeOf = (verifier) => (0,external_node_crypto_.createHash)('sha256').update(verifier).digest('base64url');
function pkce() {
    const verifier = (0,external_node_crypto_.randomBytes)(32).toString('base64url');
    return { verifier, challenge: challengeOf(verifier) };
}
/** A value no one can guess, checked when the code comes back, so a code from another login is refused. */
const randomState = () => (0,external_node_crypto_.randomBytes)(32).toString('base64url');

;// CONCATENATED MODULE: ./src/cli/login/authorize.ts
// The front channel of an authorization-code login with PKCE (RFC 6749 §4.1, RFC 7636): the
// address to open, then the code, from the browser's redirect to this machine or pasted by the
// user, whichever comes first, and checked against this login's state.





/** How long a login waits for the user: as long as the providers' own codes stay valid. */
const LOGIN_WAIT_MS = 15 * 60_000;
const QUESTION = {
    'CODE#STATE': 'Paste the code the page shows (CODE#STATE): ',
    address: 'Paste the address the browser was sent to (it may show an error page): ',
};
/** The authorize endpoint's address; a query the given URL already has is kept. */
function authorizeAddress(req, redirectUri, challenge, state) {
    const url = new URL(req.authorizeUrl);
    const params = {
        response_type: 'code',
        client_id: req.clientId,
        redirect_uri: redirectUri,
        scope: req.scope,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state,
        ...req.extra,
    };
    for (const [name, value] of Object.entries(params))
        if (value !== undefined)
            url.searchParams.set(name, value);
    return url.href;
}
/** What the user pastes; with a callback listening, an empty line (or none) leaves the browser to finish. */
async function pasted(req, state, callback, deps) {
    // The question is a line of its own when the browser may answer first: nothing is left half-written.
    if (callback)
        deps.stderr('Or, if the browser cannot reach this machine, paste the address it was sent to:');
    const answer = await deps.ask(callback ? '' : QUESTION[req.paste]);
    if (callback && !answer.trim())
        return new Promise(() => { });
    return codeFromPaste(answer, state, req.paste);
}
async function authorize(req, deps) {
    const { verifier, challenge } = pkce();
    const state = randomState();
    deps.secrets.add(verifier);
    const callback = isLoopback(new URL(req.redirectUri))
        ? await listenOnce(req.redirectUri, (query) => codeFromQuery(query, state, "the browser's redirect"))
        : undefined;
    try {
        const redirectUri = callback?.redirectUri ?? req.redirectUri;
        showAddress(authorizeAddress(req, redirectUri, challenge, state), 'Open this address in a browser and log in with the account CI is to use:', deps);
        const timeout = deps.sleep(LOGIN_WAIT_MS).then(() => {
            throw new errors/* UserError */.yo('OB_LOGIN', 'no answer from the login page within 15 minutes; run the login again.');
        });
        const code = await Promise.race([
            pasted(req, state, callback, deps),
            timeout,
            ...(callback ? [callback.code] : []),
        ]);
        deps.secrets.add(code);
        return { code, state, verifier, redirectUri };
    }
    finally {
        callback?.close();
    }
}

// EXTERNAL MODULE: ./src/core/formats/index.ts + 3 modules
var formats = __webpack_require__(4143);
// EXTERNAL MODULE: ./src/core/jwt.ts
var jwt = __webpack_require__(3622);
;// CONCATENATED MODULE: ./src/cli/login/documents.ts
// A new login in the provider CLI's own format (README: Credentials formats), which
// parseCredentials reads back and the action refreshes.


/** A short plain word from the answer (a subscription, a token type), never anything else. */
const word = (v) => (typeof v === 'string' && /^[\w.-]{1,40}$/.test(v) ? v : undefined);
/**
 * Claude Code's `.credentials.json`. Without a `scope` in the answer the scopes asked for are
 * stored: Claude Code ignores a login whose scopes lack user:inference.
 */
function claudeCodeCredentials(t, answer, asked, now) {
    const o = { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: (0,formats/* expiryOf */.p1)(t, now) };
    o.scopes = t.scope?.trim() ? t.scope.trim().split(/\s+/) : asked;
    const subscription = word(answer.subscription_type);
    if (subscription)
        o.subscriptionType = subscription;
    return { claudeAiOauth: o };
}
/** The ChatGPT account the ID token names, which Codex sends with every request. */
function chatgptAccountId(idToken) {
    const auth = idToken ? (0,jwt/* jwtClaims */.vE)(idToken)?.['https://api.openai.com/auth'] : undefined;
    const id = typeof auth === 'object' && auth !== null ? auth.chatgpt_account_id : undefined;
    return typeof id === 'string' ? id : null;
}
/** Codex's `auth.json` for a ChatGPT login. */
function codexAuth(t, now) {
    return {
        auth_mode: 'chatgpt',
        OPENAI_API_KEY: null,
        tokens: {
            id_token: t.idToken,
            access_token: t.accessToken,
            refresh_token: t.refreshToken,
            account_id: chatgptAccountId(t.idToken),
        },
        last_refresh: new Date(now).toISOString(),
    };
}
/**
 * The generic token document. An access token whose expiry neither the answer nor the token
 * says is left out: the document could not say when it is stale, and the first run refreshes.
 */
function tokenDocument(t, answer, now) {
    const expiresAt = (0,formats/* expiryOf */.p1)(t, now);
    const doc = {};
    if (expiresAt !== undefined)
        doc.access_token = t.accessToken;
    doc.refresh_token = t.refreshToken;
    if (expiresAt !== undefined)
        doc.expires_at = new Date(expiresAt).toISOString();
    if (t.scope)
        doc.scope = t.scope;
    doc.token_type = word(answer.token_type) ?? 'Bearer';
    if (t.idToken)
        doc.id_token = t.idToken;
    return doc;
}

// EXTERNAL MODULE: ./src/core/env.ts
var env = __webpack_require__(8792);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
;// CONCATENATED MODULE: ./src/cli/login/exchange.ts




async function exchangeCode(x, deps) {
    const timeoutMs = (0,env/* timings */.E)(deps.env).httpTimeoutMs;
    const { headers, body } = (0,refresh/* tokenRequest */.jE)(x.fields, x.encoding, x.clientId, x.clientSecret);
    if (x.clientSecret)
        deps.secrets.add(x.clientSecret);
    let res;
    let text;
    try {
        // https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.3
        res = await deps.fetch(x.tokenUrl, {
            method: 'POST',
            headers,
            body,
            redirect: 'error',
            signal: AbortSignal.timeout(timeoutMs),
        });
        text = await res.text();
    }
    catch (err) {
        const f = (0,http/* classifyFetchError */.D$)(err, timeoutMs);
        const check = f.notSent ? 'check --token-url and the network, then ' : '';
        throw new errors/* UserError */.yo('OB_LOGIN', `${x.service}: ${f.reason}; ${check}run the login again.`, { cause: err });
    }
    if (!res.ok) {
        const refusal = (0,refresh/* describeRefusal */.a2)(res.status, text, [...deps.secrets]);
        throw new errors/* UserError */.yo('OB_LOGIN', `${x.service} refused the authorization code: ${refusal.said}; run the login again.`, {
            details: [
                ...refusal.details,
                'A code is good for one exchange within minutes. If it happens again, check --client-id and --token-url.',
            ],
        });
    }
    const answer = (0,refresh/* readTokenAnswer */.Cq)(text, res.headers.get('content-type') ?? '');
    if (typeof answer === 'string')
        throw new errors/* UserError */.yo('OB_LOGIN', `${x.service} answered ${res.status} but ${answer}; run the login again.`);
    for (const token of [answer.set.accessToken, answer.set.refreshToken, answer.set.idToken]) {
        if (token)
            deps.secrets.add(token);
    }
    if (!answer.set.refreshToken) {
        throw new errors/* UserError */.yo('OB_LOGIN', `${x.service} answered without a refresh_token, so CI could not renew this login; ` + `${x.withoutRefreshToken}.`);
    }
    return { tokens: answer.set, fields: answer.fields };
}

;// CONCATENATED MODULE: ./src/cli/login/anthropic.ts
// Anthropic's login as Claude Code 2.1 does it (SPEC §6.1): authorization code with PKCE, in
// the variant where the page shows CODE#STATE and the user pastes it.





const AUTHORIZE_URL = 'https://claude.com/cai/oauth/authorize';
/** For Console accounts. */
const CONSOLE_AUTHORIZE_URL = 'https://platform.claude.com/oauth/authorize';
/** The page that shows CODE#STATE: the client is registered with it, whatever authorize URL is used. */
const REDIRECT_URI = 'https://platform.claude.com/oauth/code/callback';
/** Claude Code's without org:create_api_key: a login for CI has no use for making API keys. */
const SCOPES = ['user:profile', 'user:inference', 'user:sessions:claude_code', 'user:mcp_servers', 'user:file_upload'];
const INFERENCE_ONLY = ['user:inference'];
/** Claude Code's `.credentials.json` for a new login. */
async function loginAnthropic(o, deps) {
    const clientId = o.clientId ?? providers/* PROVIDERS */.xq.anthropic.clientId;
    const tokenUrl = o.tokenUrl ?? providers/* PROVIDERS */.xq.anthropic.tokenUrl;
    const scopes = o.inferenceOnly ? INFERENCE_ONLY : SCOPES;
    const a = await authorize({
        authorizeUrl: o.authorizeUrl ?? (o.console ? CONSOLE_AUTHORIZE_URL : AUTHORIZE_URL),
        clientId,
        redirectUri: REDIRECT_URI,
        scope: scopes.join(' '),
        extra: { code: 'true' },
        paste: 'CODE#STATE',
    }, deps);
    const { tokens, fields } = await exchangeCode({
        service: (0,refresh/* serviceName */.fe)('anthropic', tokenUrl),
        tokenUrl,
        encoding: 'json',
        fields: {
            grant_type: 'authorization_code',
            code: a.code,
            state: a.state,
            client_id: clientId,
            redirect_uri: a.redirectUri,
            code_verifier: a.verifier,
        },
        clientId,
        withoutRefreshToken: 'run the login again',
    }, deps);
    return claudeCodeCredentials(tokens, fields, scopes, deps.now());
}

;// CONCATENATED MODULE: ./src/cli/login/oauth2.ts




/** A free port on this machine (RFC 8252 §7.3: servers must accept any for a loopback IP). */
const OAUTH2_REDIRECT_URI = 'http://127.0.0.1/callback';
/** The generic token document for a new login. */
async function loginOauth2(o, deps) {
    const a = await authorize({
        authorizeUrl: o.authorizeUrl,
        clientId: o.clientId,
        redirectUri: o.redirectUri ?? OAUTH2_REDIRECT_URI,
        scope: o.scope,
        paste: 'address',
    }, deps);
    const { tokens, fields } = await exchangeCode({
        service: (0,refresh/* serviceName */.fe)('oauth2', o.tokenUrl),
        tokenUrl: o.tokenUrl,
        encoding: 'form',
        fields: {
            grant_type: 'authorization_code',
            code: a.code,
            redirect_uri: a.redirectUri,
            client_id: o.clientId,
            code_verifier: a.verifier,
        },
        clientId: o.clientId,
        clientSecret: o.clientSecret,
        withoutRefreshToken: 'ask for offline access with --scope (often offline_access) and run the login again',
    }, deps);
    const doc = tokenDocument(tokens, fields, deps.now());
    if (tokens.accessToken && !('access_token' in doc)) {
        deps.stderr('The provider did not say when the access token expires, so only the refresh token is kept.');
    }
    return doc;
}

// EXTERNAL MODULE: ./src/core/checks.ts
var checks = __webpack_require__(5950);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(3323);
;// CONCATENATED MODULE: ./src/cli/login/device.ts
// OpenAI's device code login as Codex does it: a user code to enter on a page, then polling
// until the user approved it, which yields an authorization code and its PKCE verifier.








/** How often a device login says it is still waiting, so a silent terminal is not taken for a hang. */
const SAY_WAITING_MS = 60_000;
/** "14 min", "1 min", "under a minute". */
const minutesLeft = (ms) => (ms < 60_000 ? 'under a minute' : `${Math.floor(ms / 60_000)} min`);
// RFC 8628 §3.2: without an interval, clients poll every 5 seconds.
const DEFAULT_INTERVAL_S = 5;
/** A value as the server sent it, if it is a plain one-word string. */
const plain = (v) => typeof v === 'string' && v.length <= 16_384 && (0,checks/* isTokenWord */.un)(v) ? v : undefined;
async function post(url, fields, service, deps) {
    const timeoutMs = (0,env/* timings */.E)(deps.env).httpTimeoutMs;
    try {
        const res = await deps.fetch(url, {
            method: 'POST',
            headers: { accept: 'application/json', 'content-type': 'application/json', 'user-agent': version/* USER_AGENT */._ },
            body: JSON.stringify(fields),
            redirect: 'error',
            signal: AbortSignal.timeout(timeoutMs),
        });
        return { status: res.status, text: await res.text() };
    }
    catch (err) {
        const reason = (0,http/* classifyFetchError */.D$)(err, timeoutMs).reason;
        throw new errors/* UserError */.yo('OB_LOGIN', `${service}: ${reason}; check --device-url and the network, then run the login again.`, {
            cause: err,
        });
    }
}
function json(text) {
    try {
        const v = JSON.parse(text);
        return (0,checks/* isJsonObject */.OW)(v) ? v : {};
    }
    catch {
        return {};
    }
}
/** The wait between polls: the server's `interval` (a string of seconds), or the test knob. */
function pollMs(interval, deps) {
    if (deps.env.OAUTH_BROKER_POLL_MS)
        return (0,env/* timings */.E)(deps.env).pollMs;
    const s = typeof interval === 'string' && /^\s*\d+\s*$/.test(interval) ? Number(interval) : DEFAULT_INTERVAL_S;
    return Math.max(1, s) * 1000;
}
async function issue(base, clientId, service, deps) {
    const asked = await post(`${base}/api/accounts/deviceauth/usercode`, { client_id: clientId }, service, deps);
    const answer = json(asked.text);
    const deviceAuthId = plain(answer.device_auth_id);
    const userCode = plain(answer.user_code ?? answer.usercode);
    if (asked.status === 200 && deviceAuthId && userCode) {
        deps.secrets.add(deviceAuthId);
        return { deviceAuthId, userCode, interval: answer.interval };
    }
    const said = asked.status === 200 ? 'answered 200 without a user code' : (0,refresh/* describeRefusal */.a2)(asked.status, asked.text, []).said;
    const fix = asked.status === 404
        ? 'device code login is not enabled there: use --browser'
        : 'check --device-url and --client-id, or use --browser';
    throw new errors/* UserError */.yo('OB_LOGIN', `${service} ${said}; ${fix}.`);
}
/** Asks for a user code, shows it, and polls until the user approved it on the page. */
async function deviceCode(base, clientId, service, deps) {
    const started = deps.now();
    const issued = await issue(base, clientId, service, deps);
    showAddress(`${base}/codex/device`, 'Open this address in a browser and log in with the account CI is to use:', deps);
    deps.stderr(`Then enter this code (valid 15 minutes; never share it): ${issued.userCode}`);
    const wait = pollMs(issued.interval, deps);
    const poll = { device_auth_id: issued.deviceAuthId, user_code: issued.userCode };
    let said = deps.now();
    for (;;) {
        const polled = await post(`${base}/api/accounts/deviceauth/token`, poll, service, deps);
        if (polled.status === 200)
            return approved(json(polled.text), base, service, deps);
        // 403 and 404: not approved yet.
        if (polled.status !== 403 && polled.status !== 404) {
            const said = (0,refresh/* describeRefusal */.a2)(polled.status, polled.text, [...deps.secrets]).said;
            throw new errors/* UserError */.yo('OB_LOGIN', `${service} ended the device login: ${said}; run the login again.`);
        }
        const left = LOGIN_WAIT_MS - (deps.now() - started);
        if (left <= 0)
            throw new errors/* UserError */.yo('OB_LOGIN', 'the code was not entered within 15 minutes; run the login again.');
        if (deps.now() - said >= SAY_WAITING_MS) {
            said = deps.now();
            deps.stderr(`Waiting for you to enter the code ${issued.userCode} (${minutesLeft(left)} left).`);
        }
        await deps.sleep(Math.min(wait, left));
    }
}
function approved(answer, base, service, deps) {
    const code = plain(answer.authorization_code);
    const verifier = plain(answer.code_verifier);
    if (code)
        deps.secrets.add(code);
    if (verifier)
        deps.secrets.add(verifier);
    if (!code || !verifier) {
        throw new errors/* UserError */.yo('OB_LOGIN', `${service} approved the login without an authorization code; run the login again.`);
    }
    return { code, verifier, redirectUri: `${base}/deviceauth/callback` };
}

;// CONCATENATED MODULE: ./src/cli/login/openai.ts
// OpenAI's login as Codex does it (SPEC §6.1): a device code by default, for a machine without
// a browser; with --browser, authorization code with PKCE and a loopback callback.







const AUTH_BASE = 'https://auth.openai.com';
const openai_AUTHORIZE_URL = `${AUTH_BASE}/oauth/authorize`;
/** The one Codex's client is registered with. */
const openai_REDIRECT_URI = 'http://localhost:1455/auth/callback';
const SCOPE = 'openid profile email offline_access';
/** The authorization code, by the device code or the browser. */
async function code(o, clientId, deps) {
    if (!o.browser) {
        const base = o.deviceUrl ?? AUTH_BASE;
        return deviceCode(base, clientId, (0,refresh/* serviceName */.fe)('openai', base), deps);
    }
    return authorize({
        authorizeUrl: o.authorizeUrl ?? openai_AUTHORIZE_URL,
        clientId,
        redirectUri: o.redirectUri ?? openai_REDIRECT_URI,
        scope: SCOPE,
        extra: { id_token_add_organizations: 'true', codex_cli_simplified_flow: 'true', originator: 'oauth-broker' },
        paste: 'address',
    }, deps);
}
/** Codex's `auth.json` for a new ChatGPT login. */
async function loginOpenai(o, deps) {
    const clientId = o.clientId ?? providers/* PROVIDERS */.xq.openai.clientId;
    const tokenUrl = o.tokenUrl ?? providers/* PROVIDERS */.xq.openai.tokenUrl;
    const a = await code(o, clientId, deps);
    const service = (0,refresh/* serviceName */.fe)('openai', tokenUrl);
    const { tokens } = await exchangeCode({
        service,
        tokenUrl,
        encoding: 'form',
        fields: {
            grant_type: 'authorization_code',
            code: a.code,
            redirect_uri: a.redirectUri,
            client_id: clientId,
            code_verifier: a.verifier,
        },
        clientId,
        withoutRefreshToken: 'run the login again',
    }, deps);
    if (!tokens.idToken)
        throw new errors/* UserError */.yo('OB_LOGIN', `${service} answered without an id_token, which Codex needs; run the login again.`);
    return codexAuth(tokens, deps.now());
}

// EXTERNAL MODULE: ./src/cli/verb.ts
var verb = __webpack_require__(5525);
;// CONCATENATED MODULE: ./src/cli/login.ts
// `oauth-broker login`: a new login made for CI (SPEC §6.1), written in the provider CLI's own
// format to --out. Never to the CLI's own login file: a login shared by a laptop and CI is
// spent by whichever refreshes second.










/** The options each provider's login takes, beyond --provider and --out. */
const TAKES = {
    anthropic: ['console', 'inference-only', 'authorize-url', 'token-url', 'client-id'],
    openai: ['browser', 'authorize-url', 'redirect-uri', 'device-url', 'token-url', 'client-id'],
    oauth2: ['authorize-url', 'token-url', 'client-id', 'client-secret', 'scope', 'redirect-uri'],
};
/** OpenAI's options that belong to one of its two logins. */
const BROWSER_ONLY = ['authorize-url', 'redirect-uri'];
/** Bases that paths are appended to, trimmed of trailing slashes as the action trims token-url. */
const TRIMMED = ['token-url', 'device-url'];
/** Refuses an option the chosen login would ignore: a silent no-op hides a mistake. */
function checkApplies(provider, args) {
    for (const [name, value] of Object.entries(args.values)) {
        if (value === undefined || name === 'provider' || name === 'out' || name === 'force')
            continue;
        if (!TAKES[provider].includes(name)) {
            const takers = Object.keys(TAKES).filter((p) => TAKES[p].includes(name));
            throw new verb/* UsageError */.eb(`--${name} does not apply to --provider ${provider} (it is for ${takers.join(', ')}).`);
        }
        if (provider === 'openai' && BROWSER_ONLY.includes(name) && !args.values.browser) {
            throw new verb/* UsageError */.eb(`--${name} is for the browser login: add --browser.`);
        }
        if (provider === 'openai' && name === 'device-url' && args.values.browser) {
            throw new verb/* UsageError */.eb('--device-url is for the device code login, which --browser replaces.');
        }
    }
}
/** A URL option: https, or http to this machine; addresses the server compares are kept to the letter. */
function urlOption(args, name) {
    const value = (0,verb/* option */.uK)(args, name);
    if (value === undefined)
        return undefined;
    try {
        const checked = (0,url/* httpUrl */.q)(`--${name}`, value);
        return TRIMMED.includes(name) ? checked : value;
    }
    catch (err) {
        if (err instanceof errors/* UserError */.yo)
            throw new verb/* UsageError */.eb(err.message);
        throw err;
    }
}
/** The file a path names, through any link, when there is one. */
function realPath(p) {
    try {
        return (0,external_node_fs_.realpathSync)(p);
    }
    catch {
        return (0,external_node_path_.resolve)(p);
    }
}
/** The provider CLIs' own login files, which a login for CI must never replace. */
function ownLogins(env) {
    const claude = [
        providers/* PROVIDERS */.xq.anthropic.filePath?.(env),
        env.CLAUDE_CONFIG_DIR && (0,external_node_path_.join)(env.CLAUDE_CONFIG_DIR, '.credentials.json'),
    ];
    const codex = [providers/* PROVIDERS */.xq.openai.filePath?.(env), (0,external_node_path_.join)((0,providers/* homeDir */.lw)(env), '.codex', 'auth.json')];
    const own = new Map();
    for (const p of claude)
        if (p)
            own.set(realPath(p), "Claude Code's own login");
    for (const p of codex)
        if (p)
            own.set(realPath(p), "Codex's own login");
    return own;
}
/** Where the login goes, refused before the login starts when it could not go there. */
function outOption(args, deps) {
    const out = (0,verb/* option */.uK)(args, 'out');
    if (out === undefined)
        throw new verb/* UsageError */.eb('--out is required: a file for the new login, or - for standard output.');
    const own = out === '-' ? undefined : ownLogins(deps.env).get(realPath(out));
    if (own) {
        throw new verb/* UsageError */.eb(`--out: ${(0,neutral/* neutral */.SY)(out, 80)} is ${own}; CI needs a login of its own, so choose another path.`);
    }
    (0,verb/* checkOut */.b$)(out, args, deps);
    return out;
}
/** A new login of that provider, with the login options in `args` (also `oauth-broker init`). */
async function login(provider, args, deps) {
    const common = {
        authorizeUrl: urlOption(args, 'authorize-url'),
        tokenUrl: urlOption(args, 'token-url'),
        clientId: (0,verb/* option */.uK)(args, 'client-id'),
    };
    if (provider === 'anthropic') {
        return loginAnthropic({ ...common, console: !!args.values.console, inferenceOnly: !!args.values['inference-only'] }, deps);
    }
    if (provider === 'openai') {
        const browser = !!args.values.browser;
        return loginOpenai({ ...common, browser, deviceUrl: urlOption(args, 'device-url'), redirectUri: urlOption(args, 'redirect-uri') }, deps);
    }
    return loginOauth2({
        authorizeUrl: common.authorizeUrl ?? required('authorize-url'),
        tokenUrl: common.tokenUrl ?? required('token-url'),
        clientId: common.clientId ?? required('client-id'),
        clientSecret: (0,verb/* option */.uK)(args, 'client-secret'),
        scope: (0,verb/* option */.uK)(args, 'scope'),
        redirectUri: urlOption(args, 'redirect-uri'),
    }, deps);
}
const required = (name) => {
    throw new verb/* UsageError */.eb(`--${name} is required with --provider oauth2.`);
};
const login_verb = {
    usage: [
        'login [--provider anthropic|openai|oauth2] --out FILE|- [--force] [options]',
        "  A new login for CI alone, in the provider CLI's own format: Claude Code .credentials.json,",
        '  Codex auth.json, or the OAuth token document. Written to FILE (mode 0600; an existing FILE only',
        '  with --force, and its folder must exist) or, with -, to standard output (not a terminal, unless',
        "  --force). Never to the CLI's own login file (~/.claude, ~/.codex): a login a laptop",
        '  also uses is spent by whichever side refreshes second. The address to open is always',
        '  printed; a browser is opened when there is one (BROWSER: a command, or none).',
        '  anthropic (default)  paste the CODE#STATE the page shows. --console: a Console account;',
        '                       --inference-only: scope user:inference alone.',
        '  openai               a device code to enter on a page; --browser: a browser login with a',
        '                       callback on localhost:1455 (--redirect-uri), or paste where it went.',
        '  oauth2               --authorize-url, --token-url and --client-id, optional --client-secret,',
        '                       --scope, --redirect-uri (default: http://127.0.0.1 on a free port).',
        '  Overrides: --authorize-url, --token-url, --device-url (openai), --client-id.',
    ].join('\n'),
    options: {
        provider: { type: 'string' },
        out: { type: 'string' },
        browser: { type: 'boolean' },
        console: { type: 'boolean' },
        'inference-only': { type: 'boolean' },
        'authorize-url': { type: 'string' },
        'token-url': { type: 'string' },
        'device-url': { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        scope: { type: 'string' },
        'redirect-uri': { type: 'string' },
        ...verb/* FORCE_OPTION */.mo,
    },
    async run(args, deps) {
        const provider = (0,verb/* option */.uK)(args, 'provider') ?? 'anthropic';
        if (!(0,providers/* isProviderId */.rl)(provider)) {
            throw new verb/* UsageError */.eb(`--provider: "${(0,neutral/* neutral */.SY)(provider, 40)}" is not a provider; use anthropic, openai or oauth2.`);
        }
        checkApplies(provider, args);
        const out = outOption(args, deps);
        const doc = await login(provider, args, deps);
        await (0,verb/* writeOut */.sD)(out, JSON.stringify(doc), deps);
        if (out !== '-') {
            deps.stderr(`Store it with oauth-broker seed --repo OWNER/REPO --secret NAME --from ${out}, then delete it.`);
        }
    },
};


/***/ }),

/***/ 8201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lw: () => (/* binding */ homeDir),
/* harmony export */   rl: () => (/* binding */ isProviderId),
/* harmony export */   xq: () => (/* binding */ PROVIDERS)
/* harmony export */ });
/* unused harmony export writableHome */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// What differs between providers. Everything else is the same code path.


/** `~`: HOME, else the account's home (os.homedir() returns an empty HOME as it is); '' if none. */
function homeDir(env) {
    if (env.HOME)
        return env.HOME;
    try {
        return (0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)() || (0,node_os__WEBPACK_IMPORTED_MODULE_0__.userInfo)().homedir;
    }
    catch {
        return '';
    }
}
/**
 * The home folder a file may be written in: '' when HOME is set but empty, when there is none,
 * when it is relative, or when it is the root folder (a service account's, a container's), where
 * a login file has no business.
 */
function writableHome(env) {
    const home = env.HOME === '' ? '' : homeDir(env);
    if (!home || !isAbsolute(home))
        return '';
    const full = resolve(home);
    return full === parse(full).root ? '' : home;
}
const PROVIDERS = {
    anthropic: {
        id: 'anthropic',
        tokenUrl: 'https://platform.claude.com/v1/oauth/token',
        clientId: '9d1c250a-e61b-44d9-88ed-5944d1962f5e',
        encoding: 'json',
        sendsScope: true,
        envName: 'CLAUDE_CODE_OAUTH_TOKEN',
        defaultFile: 'none',
        defaultClientRefresh: false,
        filePath: (env, home = homeDir(env)) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(home, '.claude', '.credentials.json'),
        apiUrl: 'https://api.anthropic.com',
    },
    openai: {
        id: 'openai',
        tokenUrl: 'https://auth.openai.com/oauth/token',
        clientId: 'app_EMoamEEZ73f0CkXaXp7hrann',
        encoding: 'json',
        sendsScope: false,
        defaultFile: 'auto',
        defaultClientRefresh: true,
        filePath: (env, home = homeDir(env)) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env.CODEX_HOME || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(home, '.codex'), 'auth.json'),
        // The ChatGPT backend Codex calls with a ChatGPT login (paths under /backend-api/).
        apiUrl: 'https://chatgpt.com',
    },
    oauth2: {
        id: 'oauth2',
        encoding: 'form',
        sendsScope: true,
        defaultFile: 'none',
        defaultClientRefresh: false,
    },
};
function isProviderId(s) {
    return Object.hasOwn(PROVIDERS, s);
}


/***/ }),

/***/ 1468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cq: () => (/* binding */ readTokenAnswer),
/* harmony export */   O3: () => (/* binding */ refreshTokens),
/* harmony export */   a2: () => (/* binding */ describeRefusal),
/* harmony export */   fe: () => (/* binding */ serviceName),
/* harmony export */   jE: () => (/* binding */ tokenRequest),
/* harmony export */   rf: () => (/* binding */ quotableCode)
/* harmony export */ });
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1983);
/* harmony import */ var _env_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8792);
/* harmony import */ var _neutral_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8272);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3323);
// The refresh grant (RFC 6749 §6) as each provider's own CLI sends it. It is sent at
// most once per refresh token unless the failure proves the request never arrived.






// Provider error codes that mean the refresh token itself is dead (OpenAI nests them).
const DEAD_TOKEN = new Set([
    'invalid_grant',
    'refresh_token_reused',
    'refresh_token_expired',
    'refresh_token_invalidated',
]);
// The other codes of RFC 6749 §5.2 and those the providers are known to send: printed as is.
const KNOWN_CODES = new Set([
    ...DEAD_TOKEN,
    'invalid_request',
    'invalid_client',
    'unauthorized_client',
    'unsupported_grant_type',
    'invalid_scope',
    'access_denied',
    'server_error',
    'temporarily_unavailable',
    'rate_limited',
    'rate_limit_exceeded',
]);
const MAX_ATTEMPTS = 3;
// How much of a provider's error description the error line quotes.
const QUOTED_CHARS = 48;
const MAX_RETRY_AFTER_MS = 60_000;
/** The refresh grant's request (RFC 6749 §6.1), the same for every attempt. */
function buildRefreshRequest(req) {
    const fields = {
        grant_type: 'refresh_token',
        refresh_token: req.refreshToken,
        client_id: req.clientId,
    };
    if (req.provider.sendsScope && req.scopes?.length)
        fields.scope = req.scopes.join(' ');
    return tokenRequest(fields, req.provider.encoding, req.clientId, req.clientSecret);
}
/**
 * A POST to a token endpoint: the fields in the provider's encoding, and with a client secret
 * the client's credentials as HTTP Basic (RFC 6749 §2.3.1: servers must accept it).
 */
function tokenRequest(fields, encoding, clientId, clientSecret) {
    const headers = { accept: 'application/json', 'user-agent': _version_js__WEBPACK_IMPORTED_MODULE_3__/* .USER_AGENT */ ._ };
    if (clientSecret) {
        // Form-encode the parts first, as §2.3.1 asks.
        const enc = (s) => encodeURIComponent(s).replace(/%20/g, '+');
        headers.authorization = `Basic ${Buffer.from(`${enc(clientId)}:${enc(clientSecret)}`).toString('base64')}`;
    }
    if (encoding === 'json') {
        headers['content-type'] = 'application/json';
        return { headers, body: JSON.stringify(fields) };
    }
    headers['content-type'] = 'application/x-www-form-urlencoded';
    return { headers, body: new URLSearchParams(fields).toString() };
}
/** The provider's error code and description: `{error, error_description}`, or `{error: {code, message}}`. */
function providerError(text) {
    try {
        const body = JSON.parse(text);
        const e = body.error;
        if (typeof e === 'string')
            return { code: e, description: typeof body.error_description === 'string' ? body.error_description : undefined };
        if (e && typeof e === 'object') {
            const o = e;
            const code = typeof o.code === 'string' ? o.code : typeof o.type === 'string' ? o.type : undefined;
            return { code, description: typeof o.message === 'string' ? o.message : undefined };
        }
    }
    catch {
        // Not JSON: nothing quotable.
    }
    return {};
}
/** A code the action knows, or one short and plain enough to quote once redacted: never a piece of a secret. */
function quotableCode(code, secrets) {
    if (KNOWN_CODES.has(code))
        return code;
    const safe = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(code, secrets);
    return /^[A-Za-z0-9_.-]{1,40}$/.test(safe) ? safe : 'an unrecognised error code';
}
// An access token the provider says lives longer than this is refreshed after it anyway.
const MAX_EXPIRES_IN_S = 365 * 86_400;
// A refresh token may live far longer; only one that expires within days matters.
const MAX_REFRESH_EXPIRES_IN_S = 100 * 365 * 86_400;
// Longer than any token a provider issues, far below what a secret can hold.
const MAX_TOKEN_CHARS = 16_384;
// `name=value&…` and nothing else: an HTML page is never read as a form.
const FORM = /^[\w.~%+-]+=[\w.~%+*-]*(?:&[\w.~%+-]+=[\w.~%+*-]*)*$/;
/** The answer's fields: JSON as RFC 6749 asks, or the form-encoded body some providers send. */
function fieldsOf(text, contentType) {
    const body = text.trim();
    if (/^application\/x-www-form-urlencoded\b/i.test(contentType) || FORM.test(body)) {
        return Object.fromEntries(new URLSearchParams(body));
    }
    try {
        const parsed = JSON.parse(body);
        return (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .OW)(parsed) ? parsed : 'the body is not a JSON object';
    }
    catch {
        return 'the body is not JSON';
    }
}
/** A token as the provider sent it, if it is one: printable ASCII, one word, of a sane length. */
function tokenOf(v) {
    return typeof v === 'string' && v.length <= MAX_TOKEN_CHARS && (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .isTokenWord */ .un)(v) ? v : undefined;
}
/** Seconds, as a number or a numeric string; outside (0, max] it is clamped or ignored. */
function expiresInOf(v, max = MAX_EXPIRES_IN_S) {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
    return Number.isFinite(n) && n > 0 ? Math.min(n, max) : undefined;
}
/**
 * The token set in a 200, with all the answer's fields, or what is wrong with it ("without an
 * access_token"). A new refresh token is never dropped: without a usable access token it is
 * still returned, so the caller stores it. Only an answer with neither, or with a refresh
 * token that is not one, is refused.
 */
function readTokenAnswer(text, contentType) {
    const body = fieldsOf(text, contentType);
    if (typeof body === 'string')
        return body;
    const refreshToken = tokenOf(body.refresh_token);
    if (body.refresh_token !== undefined && body.refresh_token !== null && body.refresh_token !== '' && !refreshToken) {
        return 'with a malformed refresh_token';
    }
    const accessToken = tokenOf(body.access_token);
    if (!accessToken && !refreshToken)
        return 'without an access_token';
    const set = {};
    if (accessToken)
        set.accessToken = accessToken;
    if (refreshToken)
        set.refreshToken = refreshToken;
    const expiresIn = expiresInOf(body.expires_in);
    if (expiresIn !== undefined)
        set.expiresInSeconds = expiresIn;
    const refreshExpiresIn = expiresInOf(body.refresh_token_expires_in, MAX_REFRESH_EXPIRES_IN_S);
    if (refreshExpiresIn !== undefined)
        set.refreshExpiresInSeconds = refreshExpiresIn;
    if (typeof body.scope === 'string' && body.scope.length <= MAX_TOKEN_CHARS)
        set.scope = body.scope;
    const idToken = tokenOf(body.id_token);
    if (idToken)
        set.idToken = idToken;
    return { set, fields: body };
}
function parseTokenSet(text, contentType, service) {
    const answer = readTokenAnswer(text, contentType);
    if (typeof answer !== 'string')
        return answer.set;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UncertainRefreshError */ .DG(`${service} answered 200 but ${answer}; ${_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_AGAIN */ .Bs}.`, {
        details: [
            'The provider may have rotated the refresh token anyway, so it is not presented again in this run.',
            _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_AGAIN_DETAILS */ .Ah,
        ],
    });
}
/** Describes a non-2xx answer without quoting any secret: a known or plain code, a redacted description. */
function describeRefusal(status, text, secrets) {
    const { code, description } = providerError(text);
    // The error line quotes the start of a long description; the lines after it, the whole.
    const full = description ? (0,_neutral_js__WEBPACK_IMPORTED_MODULE_4__/* .neutral */ .SY)((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(description, secrets), 500) : '';
    const quoted = [code && quotableCode(code, secrets), full && (0,_neutral_js__WEBPACK_IMPORTED_MODULE_4__/* .neutral */ .SY)(full, QUOTED_CHARS)];
    const detail = quoted.filter(Boolean).join(': ');
    const said = `answered HTTP ${status}${detail ? ` (${detail})` : ''}`;
    return { code, said, details: full.length > QUOTED_CHARS ? [`The provider's description: ${full}`] : [] };
}
/** `provider NAME (host)`: how error lines name a token endpoint, for a refresh and a login alike. */
const serviceName = (provider, url) => URL.canParse(url) ? `provider ${provider} (${new URL(url).host})` : `provider ${provider}`;
/** The one fix for a failure that sending again cannot mend, and why, for the lines after the error line. */
const LASTING_FIX = {
    certificate: {
        fix: 'Trust its CA on the runner (NODE_EXTRA_CA_CERTS)',
        why: 'The runner does not accept the certificate of the token endpoint, or of a proxy that inspects TLS on the ' +
            "way. Add the CA that signed it (a PEM file) to NODE_EXTRA_CA_CERTS in the job's env. A certificate that " +
            'expired or is not yet valid is renewed where it is served.',
    },
    name: {
        fix: 'Check the host in token-url',
        why: 'The certificate is valid but for another host: token-url names a host its server does not answer for.',
    },
    handshake: {
        fix: 'Check that token-url is the https endpoint (host and port)',
        why: 'The two sides could not agree on TLS: a port that does not speak TLS, or a version the other refuses.',
    },
    url: {
        fix: 'Fix token-url',
        why: 'fetch refuses such a URL without connecting.',
    },
};
const NOT_PRESENTED = 'The refresh token never left this machine: it was not presented and stays usable.';
/** A failure that sending again would repeat, so it is not retried: what happened, and the one fix. */
function lastingFailure(service, f, cause) {
    const { fix, why } = LASTING_FIX[f.lasting];
    const line = `${service}: ${f.reason}; nothing was spent. ${fix}`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_PROVIDER', (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fitLine */ .ax)(`${line}, then run again.`, `${line}.`), {
        cause,
        details: [why, NOT_PRESENTED],
    });
}
/** How long the next attempt may take: the whole timeout, or what is left before the claim's deadline. */
function attemptTimeout(deps, service, attempt) {
    if (!deps.answerBy)
        return deps.timeoutMs;
    const msLeft = deps.answerBy.at - deps.answerBy.monotonic();
    if (msLeft < _env_js__WEBPACK_IMPORTED_MODULE_5__/* .MIN_ATTEMPT_MS */ .i) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_PROVIDER', `${service}: ${attempt > 1 ? 'the retries' : 'getting here'} took this job's whole claim on the refresh; ` +
            'nothing was spent. Run again.', { details: 'A job presents a refresh token only before its claim ends, so no other job can be presenting it.' });
    }
    // Whole milliseconds: a timer takes no fraction (monotonic clocks give them).
    return Math.floor(Math.min(deps.timeoutMs, msLeft));
}
/** Sends the request once, cut off after `timeoutMs`, and reads the whole answer. */
async function sendOnce(url, request, timeoutMs, deps) {
    let res;
    try {
        // https://datatracker.ietf.org/doc/html/rfc6749#section-6
        res = await deps.fetch(url, {
            method: 'POST',
            ...request,
            redirect: 'error',
            signal: AbortSignal.timeout(timeoutMs),
        });
    }
    catch (err) {
        return { kind: 'failed', failure: (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyFetchError */ .D$)(err, timeoutMs), err };
    }
    try {
        return { kind: 'read', res, text: await res.text() };
    }
    catch (err) {
        return { kind: 'lost', status: res.status, reason: (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyFetchError */ .D$)(err, timeoutMs).reason, err };
    }
}
function classifyAnswer(answer, service, secrets, deps) {
    if (answer.kind === 'failed') {
        const { failure: f, err } = answer;
        // A certificate the runner refuses, or a URL fetch refuses, fails the same way every time:
        // retrying would only keep the user waiting. A refused connection or a DNS failure may pass.
        if (f.lasting)
            return { kind: 'refused', error: lastingFailure(service, { ...f, lasting: f.lasting }, err) };
        if (deps.failFast && f.unresolved) {
            const line = `${service}: the host was not found (${f.unresolved}); nothing was spent. Check token-url.`;
            return { kind: 'refused', error: new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_PROVIDER', line) };
        }
        if (f.notSent)
            return { kind: 'notSent', reason: f.reason };
        const line = `${service}: ${f.reason}; not retried, as it may have arrived; ${_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_AGAIN */ .Bs}.`;
        const details = [
            'The refresh may have reached the provider and rotated the token; presenting it again could be reuse.',
            _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_AGAIN_DETAILS */ .Ah,
        ];
        return { kind: 'mayHaveArrived', error: new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UncertainRefreshError */ .DG(line, { cause: err, details }) };
    }
    if (answer.kind === 'lost') {
        const line = `${service}: answered ${answer.status} but ${answer.reason}; ${_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_AGAIN */ .Bs}.`;
        const details = [
            'The refresh token may be spent: the provider answered, but its answer was lost.',
            _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_AGAIN_DETAILS */ .Ah,
        ];
        return { kind: 'mayHaveArrived', error: new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UncertainRefreshError */ .DG(line, { cause: answer.err, details }) };
    }
    const { res, text } = answer;
    if (res.ok)
        return { kind: 'tokens', tokens: parseTokenSet(text, res.headers.get('content-type') ?? '', service) };
    const afterMs = (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .retryAfterMs */ .Vs)(res.headers.get('retry-after'), deps.now());
    const refusal = refusalError(service, res.status, text, secrets);
    if ((res.status === 429 || res.status === 503) && afterMs !== undefined) {
        return { kind: 'comeBack', status: res.status, afterMs, otherwise: refusal.error };
    }
    return refusal;
}
/** A refusal without a time to come back: the token spent, the request wrong, or it may have arrived. */
function refusalError(service, status, text, secrets) {
    const { code, said, details: whole } = describeRefusal(status, text, secrets);
    if (code && DEAD_TOKEN.has(code)) {
        const details = [...whole, 'It was already used or revoked.'];
        return {
            kind: 'spent',
            error: new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidGrantError */ .Gy(`${service} refused the stored refresh token: ${said}.`, { details }),
        };
    }
    if (status === 401 || status === 400) {
        return {
            kind: 'refused',
            error: new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_PROVIDER', `${service} ${said}; check client-id, token-url and scope.`, {
                details: whole,
            }),
        };
    }
    const line = `${service} ${said}; the refresh failed and is not retried. Run again later.`;
    const details = [...whole, 'It may have reached the provider, so it is not presented again in this run.'];
    return { kind: 'mayHaveArrived', error: new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UncertainRefreshError */ .DG(line, { details }) };
}
/** How long until the attempt after `attempt`, or undefined when there is none. */
function nextAttemptDelay(verdict, attempt, retryDelayMs) {
    if (attempt >= MAX_ATTEMPTS)
        return undefined;
    if (verdict.kind === 'notSent')
        return retryDelayMs * 2 ** (attempt - 1);
    return verdict.afterMs <= MAX_RETRY_AFTER_MS ? verdict.afterMs : undefined;
}
/**
 * Presents the refresh token once. Retries only when the provider cannot have seen it:
 * the connection was refused, or a 429/503 said when to come back.
 */
async function refreshTokens(req, deps) {
    const service = serviceName(req.provider.id, req.tokenUrl);
    // What fetch would refuse without connecting is refused here, before a token is put in a request.
    const unsent = (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .unsendable */ .Yf)(req.tokenUrl);
    if (unsent)
        throw lastingFailure(service, { notSent: true, reason: `refused before sending (${unsent})`, lasting: 'url' });
    const request = buildRefreshRequest(req);
    const secrets = [req.refreshToken, req.clientSecret ?? ''];
    for (let attempt = 1;; attempt++) {
        const answer = await sendOnce(req.tokenUrl, request, attemptTimeout(deps, service, attempt), deps);
        const verdict = classifyAnswer(answer, service, secrets, deps);
        if (verdict.kind === 'tokens')
            return verdict.tokens;
        if (verdict.kind !== 'notSent' && verdict.kind !== 'comeBack')
            throw verdict.error;
        const wait = nextAttemptDelay(verdict, attempt, deps.retryDelayMs);
        if (wait === undefined) {
            if (verdict.kind === 'comeBack')
                throw verdict.otherwise;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_PROVIDER', `${service}: ${verdict.reason} after ${attempt} attempts; nothing was spent. ` +
                "Check token-url and the runner's network, then run again.");
        }
        deps.info(verdict.kind === 'notSent'
            ? `${service}: ${verdict.reason}; the request was not sent, retrying in ${Math.round(wait / 1000)}s`
            : `${service}: answered ${verdict.status}; retrying in ${Math.ceil(wait / 1000)}s as it asked`);
        await deps.sleep(wait);
        if (deps.cancelled?.())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('OB_CANCELLED', `${service}: the job was cancelled before the retry; nothing was spent.`);
    }
}


/***/ })

};
;