export const id = 563;
export const ids = [563];
export const modules = {

/***/ 4563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  proxyMode: () => (/* binding */ proxyMode),
  startProxyMode: () => (/* binding */ startProxyMode),
  stopProxyMode: () => (/* binding */ stopProxyMode)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/formats/index.ts + 4 modules
var formats = __webpack_require__(7335);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/jwt.ts
var jwt = __webpack_require__(3622);
// EXTERNAL MODULE: ./src/core/neutral.ts
var core_neutral = __webpack_require__(8272);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/proxy/cert.ts
// A throwaway certificate authority and a certificate for 127.0.0.1 signed by it, made in-process
// (Node has no certificate builder, and a runner may have no openssl): Codex takes only an https base
// URL, and trusts the CA through CODEX_CA_CERTIFICATE (shared/NOTES.md). Made per job; the CA's key
// is dropped at once, so nothing else can ever be signed with it. X.509 (RFC 5280) in DER, ECDSA P-256.

const tlv = (tag, content) => {
    const n = content.length;
    const length = n < 0x80
        ? Buffer.from([n])
        : Buffer.concat([Buffer.from([0x80 | Math.ceil(n.toString(16).length / 2)]), hexBytes(n)]);
    return Buffer.concat([Buffer.from([tag]), length, content]);
};
const hexBytes = (n) => {
    const hex = n.toString(16);
    return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
};
const seq = (...parts) => tlv(0x30, Buffer.concat(parts));
const set = (...parts) => tlv(0x31, Buffer.concat(parts));
/**
 * A positive INTEGER in DER's one encoding: no leading zero byte but the one a set high bit needs.
 * (A random serial starting with a zero byte was otherwise refused as "illegal padding".)
 */
function derInteger(b) {
    let start = 0;
    while (start < b.length - 1 && b[start] === 0)
        start++;
    const minimal = b.subarray(start);
    return tlv(0x02, minimal[0] & 0x80 ? Buffer.concat([Buffer.from([0]), minimal]) : minimal);
}
const bits = (b, unused = 0) => tlv(0x03, Buffer.concat([Buffer.from([unused]), b]));
const octets = (b) => tlv(0x04, b);
const explicit = (n, b) => tlv(0xa0 + n, b);
const TRUE = Buffer.from([0x01, 0x01, 0xff]);
function oid(dotted) {
    const [a, b, ...rest] = dotted.split('.').map(Number);
    const out = [40 * a + b];
    for (const n of rest) {
        const base128 = [n & 0x7f];
        for (let v = n >>> 7; v > 0; v >>>= 7)
            base128.unshift(0x80 | (v & 0x7f));
        out.push(...base128);
    }
    return tlv(0x06, Buffer.from(out));
}
function utcTime(ms) {
    // YYMMDDHHMMSSZ
    const d = new Date(ms).toISOString().replace(/[-:T]/g, '');
    return tlv(0x17, Buffer.from(`${d.slice(2, 14)}Z`));
}
const cert_name = (cn) => seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn)))));
const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));
const extension = (id, value, critical = false) => seq(oid(id), ...(critical ? [TRUE] : []), octets(value));
function certificate(c) {
    const tbs = seq(explicit(0, derInteger(Buffer.from([2]))), derInteger((0,external_node_crypto_.randomBytes)(16)), ECDSA_SHA256, cert_name(c.issuer), seq(utcTime(Date.now() - 3_600_000), utcTime(c.notAfter)), cert_name(c.subject), c.key.export({ type: 'spki', format: 'der' }), explicit(3, seq(...c.extensions)));
    return seq(tbs, ECDSA_SHA256, bits((0,external_node_crypto_.sign)('sha256', tbs, c.signer)));
}
const pem = (der) => {
    const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
    return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
};
/** A CA valid for `days`, and a server certificate for 127.0.0.1 signed by it. */
function throwawayCertificates(days = 30) {
    const notAfter = Date.now() + days * 86_400_000;
    const ca = (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'prime256v1' });
    const leaf = (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'prime256v1' });
    const issuer = `oauth-broker proxy CA ${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    const caDer = certificate({
        subject: issuer,
        issuer,
        key: ca.publicKey,
        signer: ca.privateKey,
        notAfter,
        extensions: [
            extension('2.5.29.19', seq(TRUE), true),
            // keyCertSign and cRLSign.
            extension('2.5.29.15', bits(Buffer.from([0x06]), 1), true),
        ],
    });
    const leafDer = certificate({
        subject: '127.0.0.1',
        issuer,
        key: leaf.publicKey,
        signer: ca.privateKey,
        notAfter,
        extensions: [
            extension('2.5.29.19', seq(), true),
            // digitalSignature.
            extension('2.5.29.15', bits(Buffer.from([0x80]), 7), true),
            extension('2.5.29.37', seq(oid('1.3.6.1.5.5.7.3.1'))),
            // iPAddress 127.0.0.1, dNSName localhost.
            extension('2.5.29.17', seq(tlv(0x87, Buffer.from([127, 0, 0, 1])), tlv(0x82, Buffer.from('localhost')))),
        ],
    });
    const key = leaf.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    return { ca: pem(caDer), cert: pem(leafDer), key };
}

;// CONCATENATED MODULE: ./src/proxy/guard.ts
// What the credential proxy lets through (docs/proxy.md): a request for this proxy, on one of the
// provider's inference paths, carrying this job's placeholder and no other credential. Everything
// else is refused before anything is sent upstream. Pure: the server (server.ts) does the talking.

/**
 * The inference paths each provider's CLI calls, as the proxy accepts them: plain segments only
 * (no dot, no percent sign, no empty segment), so no upstream can read them as another path.
 */
const INFERENCE_PATHS = {
    // Claude Code: POST /v1/messages?beta=true, streamed; count_tokens and batches are sub-paths.
    anthropic: /^\/v1\/messages(?:\/[A-Za-z0-9_-]+)*$/,
    // Codex 0.169: its models, the workspace routing it needs an answer from, and responses (streamed). Its
    // plugins, analytics, settings and MCP calls are refused; it goes on without them (shared/NOTES.md).
    openai: /^\/backend-api\/(?:codex\/responses(?:\/[A-Za-z0-9_-]+)*|codex\/models|wham\/accounts\/check)$/,
};
/** Where a CLI that refreshes by itself is sent (Codex: CODEX_REFRESH_TOKEN_URL_OVERRIDE); the proxy answers. */
const OWN_REFRESH_PATH = '/oauth/token';
const METHODS = new Set(['GET', 'POST']);
/** Headers that belong to one connection (RFC 9110 §7.6.1), never forwarded either way. */
const HOP_BY_HOP = new Set([
    'connection',
    'keep-alive',
    'proxy-connection',
    'proxy-authenticate',
    'proxy-authorization',
    'te',
    'trailer',
    'transfer-encoding',
    'upgrade',
]);
/** Credentials other than the placeholder: a request carrying one is refused, never relayed. */
const OTHER_CREDENTIALS = (/* unused pure expression or super */ null && (['x-api-key', 'proxy-authorization']));
const refuse = (status, kind, why) => ({ ok: false, status, kind, why });
/** How many times a header occurs in the raw list (the parsed one keeps only the first Authorization). */
function count(raw, name) {
    let n = 0;
    for (let i = 0; i < raw.length; i += 2)
        if (raw[i]?.toLowerCase() === name)
            n++;
    return n;
}
/** Equal strings, compared in constant time. */
function guard_same(a, b) {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
}
/** The headers named by Connection: hop-by-hop too. */
function connectionTokens(headers) {
    const value = headers.connection ?? '';
    return new Set(value.split(',').map((t) => t.trim().toLowerCase()));
}
/** Response headers as they may go back to the client: the hop-by-hop ones dropped. */
function guard_endToEnd(headers) {
    const named = connectionTokens(headers);
    const out = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name) && !named.has(name))
            out[name] = value;
    }
    return out;
}
/** Whether the request is for this proxy at all: origin-form, its own Host. */
function forThisProxy(req, policy) {
    // An absolute URI ("GET http://host/ HTTP/1.1") asks a forward proxy to go elsewhere.
    if (!(req.url ?? '').startsWith('/'))
        return refuse(400, 'invalid_request_error', 'only requests for this proxy are served');
    if (count(req.rawHeaders, 'host') !== 1 || req.headers.host !== policy.host) {
        return refuse(421, 'invalid_request_error', 'the Host header does not name this proxy');
    }
    return undefined;
}
/** A refresh the proxy answers itself (never upstream): POST to its own refresh path, for this proxy. */
function guard_isOwnRefresh(req, policy) {
    return !forThisProxy(req, policy) && req.method === 'POST' && req.url === OWN_REFRESH_PATH;
}
/** Whether this request may be forwarded, and what to forward; a refusal says why, without a secret. */
function guard_admit(req, policy) {
    const url = req.url ?? '';
    const stranger = forThisProxy(req, policy);
    if (stranger)
        return stranger;
    // A WebSocket would outlive the request the placeholder was checked on: refused at once, so that a
    // client able to fall back to a streamed HTTP request does so without waiting. Other upgrades (h2c)
    // are dropped with the hop-by-hop headers, and the request is relayed as it is.
    if (/\bwebsocket\b/i.test(String(req.headers.upgrade ?? ''))) {
        return refuse(400, 'invalid_request_error', 'connection upgrades (WebSocket) are not relayed; use HTTP');
    }
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    if (!INFERENCE_PATHS[policy.provider].test(path)) {
        return refuse(404, 'not_found_error', 'only the inference API is served through this proxy');
    }
    if (!METHODS.has(req.method ?? ''))
        return refuse(405, 'invalid_request_error', 'method not allowed');
    const auth = req.headers.authorization ?? '';
    const bearer = /^Bearer +(\S+)$/i.exec(auth)?.[1] ?? '';
    if (count(req.rawHeaders, 'authorization') !== 1 || !guard_same(bearer, policy.placeholder)) {
        return refuse(401, 'authentication_error', "a request must carry this job's placeholder as its bearer token");
    }
    if (OTHER_CREDENTIALS.some((name) => req.headers[name] !== undefined)) {
        return refuse(400, 'invalid_request_error', 'a request carrying another credential is not relayed');
    }
    const named = connectionTokens(req.headers);
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined || HOP_BY_HOP.has(name) || named.has(name))
            continue;
        if (name === 'host' || name === 'authorization' || name === 'expect')
            continue;
        headers[name] = value;
    }
    return { ok: true, target: url, headers };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/action/deps.ts + 1 modules
var deps = __webpack_require__(831);
// EXTERNAL MODULE: ./src/action/inputs.ts + 2 modules
var inputs = __webpack_require__(1264);
;// CONCATENATED MODULE: ./src/proxy/renew.ts






/** The inputs the proxy's refresh reads, as the main step had them (src/proxy/start.ts sends them). */
const REFRESH_INPUTS = [
    'provider',
    'mode',
    'min-ttl',
    'secret-name',
    'secret-repository',
    'secret-environment',
    'secret-org',
    'github-token',
    'github-api-url',
    'share',
    'lock-timeout',
    'token-url',
    'client-id',
    'client-secret',
    'scope',
];
/** A step's core with no step: every line to the proxy's log, redacted of every secret it was told of. */
function logCore(inputs, io, secrets) {
    const line = (prefix) => (m) => io.log(`${prefix}${redact(m, secrets)}`);
    const summary = { addHeading: () => summary, addTable: () => summary, write: async () => undefined };
    return {
        getInput: (name) => inputs[name] ?? '',
        setSecret: (value) => void secrets.add(value),
        setOutput: () => undefined,
        exportVariable: () => undefined,
        saveState: () => undefined,
        getState: () => '',
        info: line('refresh: '),
        warning: line('refresh warning: '),
        debug: () => undefined,
        isDebug: () => false,
        setFailed: line('refresh error: '),
        summary,
    };
}
/**
 * The copy a later refresh presents: what was stored; else, after another job's result, the copy whose
 * claim gave it; else the copy held. Another job's access token applied to a copy would name a claim of
 * its own, and present a refresh token that job spent.
 */
function copyAfter(held, out) {
    if (out.stored)
        return (0,formats/* parseCredentials */.gu)(out.stored);
    return out.copy ?? held;
}
/** The refresh of the handoff's copy; throws (a UserError, one line) when the inputs are not valid. */
function renew_renewal(h, io) {
    const secrets = new Set();
    // The proxy writes no file for a CLI: no credentials file to find a home for (Codex's default is one).
    const inputs = {
        ...h.inputs,
        credentials: h.credentials,
        'credentials-file': 'none',
        'client-refresh': 'false',
    };
    const core = logCore(inputs, io, secrets);
    const masker = new Masker(core);
    masker.mask(h.credentials, inputs['github-token'], inputs['client-secret'], h.accessToken);
    let copy = parseCredentials(h.credentials);
    masker.mask(...secretsOf(copy));
    // No pending file: it is for a post step, and the proxy has none; a rotation GitHub refuses is
    // kept sealed in the claim, as any job keeps it.
    const { RUNNER_TEMP: _, ...env } = io.env;
    const cfg = readConfig(core, env);
    const deps = {
        core,
        env,
        fetch: io.fetch,
        now: io.now,
        monotonic: io.monotonic,
        sleep: io.sleep,
        startedAt: io.now(),
    };
    return {
        cfg,
        async renew() {
            const { obtain } = await Promise.all(/* import() */[__webpack_require__.e(629), __webpack_require__.e(943), __webpack_require__.e(214), __webpack_require__.e(993)]).then(__webpack_require__.bind(__webpack_require__, 4993));
            let out;
            try {
                // Its copy may be rescued credentials another job's result handed over: the seed is always checked.
                out = await obtain({ ...deps, github: githubDeps(deps) }, cfg, copy, masker, true);
            }
            catch (err) {
                const line = describeError(err, masker.values);
                throw err instanceof InvalidGrantError ? new Final(line) : new Error(line);
            }
            copy = copyAfter(copy, out);
            masker.mask(...secretsOf(copy));
            const accessToken = out.creds.accessToken;
            if (!accessToken)
                throw new Error('the provider answered without an access token; its rotation is stored');
            return { accessToken, expiresAt: out.creds.expiresAt };
        },
    };
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/proxy.js
var proxy = __webpack_require__(9783);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./src/proxy/tunnel.ts
// The upstream connection of the credential proxy on a runner behind an HTTP(S) proxy: the runner's
// HTTPS_PROXY / NO_PROXY, decided as @actions/http-client decides them for every other request the
// broker sends, and a CONNECT tunnel through that proxy with TLS to the upstream inside it.




/** The agent for the upstream: connections kept (a TLS handshake per request would cost more than the rest). */
function tunnel_upstreamAgent(base) {
    if (base.protocol !== 'https:')
        return { agent: new HttpAgent({ keepAlive: true }) };
    const proxy = getProxyUrl(base);
    const agent = new HttpsAgent({ keepAlive: true });
    if (!proxy?.hostname)
        return { agent };
    // Node's agents take a connection handed to the callback, as well as one returned.
    agent.createConnection = (options, cb) => void tunnel(proxy, options, cb);
    return { agent, via: proxy.host };
}
/** A TLS connection to options.host:options.port, through `proxy` (CONNECT). */
function tunnel(proxy, options, cb) {
    const target = `${options.host}:${options.port}`;
    const headers = { host: target };
    if (proxy.username || proxy.password) {
        const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
        headers['proxy-authorization'] = `Basic ${Buffer.from(user).toString('base64')}`;
    }
    const send = proxy.protocol === 'https:' ? httpsRequest : httpRequest;
    const port = proxy.port || (proxy.protocol === 'https:' ? '443' : '80');
    const req = send({ host: proxy.hostname, port, method: 'CONNECT', path: target, headers, agent: false });
    req.once('connect', (res, socket) => {
        if (res.statusCode !== 200) {
            socket.destroy();
            cb(Object.assign(new Error(`the proxy answered ${res.statusCode} to CONNECT`), { code: 'EPROXY' }));
            return;
        }
        const tls = tlsConnect({ ...options, socket });
        tls.once('secureConnect', () => cb(null, tls));
        tls.once('error', (err) => cb(err));
    });
    req.once('error', (err) => cb(err));
    req.end();
}

;// CONCATENATED MODULE: ./src/proxy/server.ts
// The credential proxy (docs/proxy.md): on 127.0.0.1, a free port. What guard.ts admits goes to the
// upstream with the placeholder swapped for the live access token (sent once more, refreshed, when
// upstream refuses it); the answer streams back as it arrives, and a client that goes away cancels
// the upstream request. Nothing else reaches upstream.





/** An answer of the proxy's own, in the shape of the provider's errors, so the agent shows its message. */
function answer(res, status, kind, message) {
    const body = JSON.stringify({ type: 'error', error: { type: kind, message: `oauth-broker proxy: ${message}` } });
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
}
// Anthropic's own limit on a request to the Messages API.
const MAX_BODY_BYTES = (/* unused pure expression or super */ null && (32 * 1024 * 1024));
// An error answer is short JSON; a longer one is not read whole.
const MAX_REFUSAL_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
/** A message's whole body; 'too large' past `max` bytes, 'gone' if it ended early. */
function collect(msg, max) {
    return new Promise((resolve) => {
        const chunks = [];
        let size = 0;
        msg.on('data', (chunk) => {
            size += chunk.length;
            if (size > max) {
                msg.removeAllListeners('data');
                msg.resume();
                resolve('too large');
            }
            else
                chunks.push(chunk);
        });
        msg.on('end', () => resolve(Buffer.concat(chunks)));
        // After 'end' these change nothing: a promise settles once.
        msg.on('close', () => resolve('gone'));
        msg.on('error', () => resolve('gone'));
    });
}
/** A path for the log: no query (it is the client's), short, one plain line. */
const shown = (url) => neutral((url ?? '').split('?')[0] ?? '', 80);
async function server_startProxyServer(opts) {
    const base = new URL(opts.upstream);
    const secure = base.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    const { agent, via } = upstreamAgent(base);
    const prefix = base.pathname.replace(/\/+$/, '');
    let host = '';
    // The CLI refreshes its placeholders: it gets them again, and the live token never moves.
    const refreshHere = async (req, res, own) => {
        const body = await collect(req, MAX_REFUSAL_BYTES);
        if (typeof body === 'string')
            return void (body === 'gone' || res.writeHead(413).end());
        let presented = '';
        try {
            presented = String(JSON.parse(body.toString('utf8')).refresh_token ?? '');
        }
        catch {
            presented = new URLSearchParams(body.toString('utf8')).get('refresh_token') ?? '';
        }
        const ok = same(presented, own.refreshToken);
        opts.log(ok ? 'answered a refresh of the placeholders with them' : "refused a refresh: not this job's placeholder");
        const answer = JSON.stringify(ok ? own.answer : { error: 'invalid_grant' });
        res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
        res.end(answer);
    };
    const forward = async (req, res) => {
        const started = opts.monotonic();
        const policy = { host, placeholder: opts.placeholder, provider: opts.provider };
        if (opts.ownRefresh && isOwnRefresh(req, policy))
            return refreshHere(req, res, opts.ownRefresh);
        const verdict = admit(req, policy);
        if (!verdict.ok) {
            // The body is read and dropped, so the connection stays usable; nothing goes upstream.
            req.resume();
            opts.log(`refused ${neutral(req.method ?? '', 10)} ${shown(req.url)}: ${verdict.status} ${verdict.why}`);
            answer(res, verdict.status, verdict.kind, verdict.why);
            return;
        }
        // Held whole (the inference API takes JSON of at most 32 MB), so that a request upstream refused
        // with an expired token can be sent again once refreshed.
        const body = await collect(req, MAX_BODY_BYTES);
        if (body === 'too large') {
            opts.log(`refused ${req.method} ${shown(req.url)}: 413 larger than ${MAX_BODY_BYTES} bytes`);
            answer(res, 413, 'request_too_large', `a request body may hold at most ${MAX_BODY_BYTES} bytes`);
            return;
        }
        if (body === 'gone')
            return;
        const line = (what) => {
            opts.log(`${req.method} ${shown(req.url)}: ${what} in ${Math.round(opts.monotonic() - started)} ms`);
        };
        let up;
        // A client gone before the answer ended: the upstream request (and its generation) is cancelled.
        res.on('close', () => {
            if (!res.writableFinished)
                up?.destroy();
        });
        const attempt = (token, last) => {
            if (res.destroyed || req.socket.destroyed)
                return;
            const headers = { ...verdict.headers, 'content-length': body.length };
            up = send({
                protocol: base.protocol,
                hostname: base.hostname,
                port: base.port,
                method: req.method,
                path: prefix + verdict.target,
                headers: { ...headers, host: base.host, authorization: `Bearer ${token}` },
                agent,
            });
            up.on('response', (upRes) => {
                if (upRes.statusCode === 401 && !last) {
                    void retry(upRes, token).catch(() => res.destroy());
                    return;
                }
                res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, endToEnd(upRes.headers));
                // Headers go out now, each chunk as it comes: a stream of events is never held back.
                res.flushHeaders();
                upRes.pipe(res);
                upRes.on('error', () => res.destroy());
                upRes.on('end', () => line(String(upRes.statusCode)));
            });
            up.on('error', (err) => {
                if (res.destroyed)
                    return;
                const code = neutral(err.code ?? 'error', 40);
                opts.log(`${req.method} ${shown(req.url)}: upstream ${base.host} failed (${code})`);
                if (res.headersSent)
                    res.destroy();
                else
                    answer(res, 502, 'api_error', `could not reach ${neutral(base.host, 80)} (${code})`);
            });
            up.end(body);
        };
        // Upstream refused the token: once refreshed (or refreshed meanwhile), the request goes again, once;
        // else the client gets the refusal as it was.
        const retry = async (refusal, used) => {
            const said = await collect(refusal, MAX_REFUSAL_BYTES);
            const next = await opts.rejected(used);
            if (next) {
                line('401, sent again with a refreshed token');
                attempt(next, true);
                return;
            }
            if (typeof said === 'string')
                throw new Error('the refusal was lost');
            const headers = { ...endToEnd(refusal.headers), 'content-length': said.length };
            res.writeHead(401, refusal.statusMessage, headers);
            res.end(said);
            line('401');
        };
        attempt(await opts.token(), false);
    };
    const handler = (req, res) => {
        forward(req, res).catch((err) => {
            opts.log(`${req.method} ${shown(req.url)}: failed (${neutral(err.name ?? 'error', 40)})`);
            if (!res.headersSent)
                answer(res, 500, 'api_error', 'the proxy failed; see its log');
            else
                res.destroy();
        });
    };
    const server = opts.tls
        ? createTlsServer({ key: opts.tls.key, cert: opts.tls.cert }, handler)
        : createServer(handler);
    // CONNECT asks for a tunnel elsewhere: never.
    server.on('connect', (_req, socket) => socket.destroy());
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address();
    host = `127.0.0.1:${port}`;
    return {
        url: `${opts.tls ? 'https' : 'http'}://${host}`,
        port,
        ...(via ? { via } : {}),
        close: () => new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
            agent.destroy();
        }),
    };
}

;// CONCATENATED MODULE: ./src/proxy/daemon.ts
// The proxy process's life (docs/proxy.md): it serves, refreshing the token as a job would, until the
// post step removes its lease, the job's runner process is gone, or it is told to stop; whichever comes
// first, once no refresh is under way.






// After a failed refresh, the next is tried this much later at the earliest: a minute, as a claim's lease.
const REFRESH_BACKOFF_MS = 60_000;
async function serve(h, io) {
    const { cfg, renew } = renewal(h, io);
    const lease = { accessToken: h.accessToken, ...(h.expiresAt === undefined ? {} : { expiresAt: h.expiresAt }) };
    const tokens = new Refresher(lease, renew, {
        minTtlMs: cfg.minTtlMs,
        now: io.now,
        monotonic: io.monotonic,
        log: io.log,
        backoffMs: REFRESH_BACKOFF_MS,
        // mode: check makes no call, in the proxy as in the step.
        never: cfg.mode === 'check' || !cfg.secret || !cfg.githubToken,
    });
    const proxy = await startProxyServer({
        provider: h.provider,
        upstream: h.upstream,
        placeholder: h.placeholder,
        ...(h.tls ? { tls: h.tls } : {}),
        ...(h.ownRefresh ? { ownRefresh: h.ownRefresh } : {}),
        token: () => tokens.token(),
        rejected: (used) => tokens.rejected(used),
        log: io.log,
        monotonic: io.monotonic,
    });
    const through = proxy.via ? ` through the runner's proxy ${neutral(proxy.via, 80)}` : '';
    const to = neutral(new URL(h.upstream).host, 80);
    io.log(`listening on ${proxy.url}, forwarding ${h.provider} inference to ${to}${through}`);
    let done = () => undefined;
    const stopped = new Promise((resolve) => (done = resolve));
    let stopping;
    const stop = (why) => {
        stopping ??= (async () => {
            clearInterval(timer);
            io.log(`stopping: ${why}`);
            // A refresh under way ends first (its rotation must reach the secret), and none starts after.
            await tokens.close();
            await proxy.close();
            done();
        })();
        return stopping;
    };
    const timer = setInterval(() => {
        if (!io.exists(h.lease))
            void stop('the post step removed its lease');
        else if (h.watch > 0 && !io.alive(h.watch))
            void stop("the job's runner process is gone");
    }, io.pollMs);
    return { url: proxy.url, stop, stopped };
}
/**
 * Whether a process is there: one that belongs to another user (EPERM) is; one that exited but was
 * never reaped (a zombie) is not. In a job container PID 1 is `tail -f /dev/null`, which reaps no
 * orphan: the stopped proxy stays a zombie there, and the post step would wait for it in vain.
 */
function alive(pid) {
    try {
        process.kill(pid, 0);
    }
    catch (err) {
        return (0,errors/* systemCode */.xU)(err) === 'EPERM';
    }
    return !isZombie(pid);
}
/** Linux: the state in /proc/PID/stat is Z. Where there is no /proc, never. */
function isZombie(pid) {
    let stat;
    try {
        stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
    }
    catch {
        return false;
    }
    // "pid (comm) state …": comm may hold spaces and parentheses; the state follows the last ')'.
    const end = stat.lastIndexOf(')');
    return stat[end + 2] === 'Z';
}

;// CONCATENATED MODULE: ./src/proxy/launch.ts
// Starts the proxy process for the main step and stops it for the post step (docs/proxy.md). The
// process is detached, writes to its own log file (never the step's pipes, which the runner waits
// on), gets the token through a pipe it reads once, and an environment without the step's secrets.





function proxyFolder(parent) {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(parent, 'oauth-broker-proxy-'));
    return { dir, lease: (0,external_node_path_.join)(dir, 'lease'), log: (0,external_node_path_.join)(dir, 'proxy.log') };
}
/**
 * What the proxy keeps of the step's environment: only what it runs with (paths, the runner's proxy
 * and CA settings, which repository, the broker's own knobs). /proc/PID/environ is readable by the
 * same user for the rest of the job, so anything else (a secret given to the broker step through
 * `env:`, the inputs, the runner's tokens) is left out, not listed out.
 */
const KEPT_ENV = new RegExp('^(PATH|HOME|TMPDIR|TMP|TEMP|LANG|LC_[A-Z]+|TZ|SYSTEMROOT|(HTTPS?|NO)_PROXY|NODE_EXTRA_CA_CERTS|SSL_CERT_(FILE|DIR)' +
    '|RUNNER_(TEMP|DEBUG|TRACKING_ID)|GITHUB_(REPOSITORY|API_URL|SERVER_URL|REF|RUN_ID|ACTIONS|WORKSPACE)' +
    '|OAUTH_BROKER_[A-Z0-9_]+)$');
function proxyEnv(env) {
    const out = {};
    for (const [name, value] of Object.entries(env))
        if (KEPT_ENV.test(name.toUpperCase()))
            out[name] = value;
    return out;
}
/** Starts the proxy; its URL once it listens. A failure stops it and says why, in one line. */
async function launchProxy(o) {
    (0,external_node_fs_.writeFileSync)(o.folder.lease, '', { mode: 0o600 });
    const out = (0,external_node_fs_.openSync)(o.folder.log, 'a', 0o600);
    let child;
    try {
        // Without V8's optimizing compilers: the proxy only moves bytes. Measured on loopback with Node 24 over
        // 1,100 requests: its memory grew 2.8 MB instead of 18, for 0.25 ms more per request. (Lite mode grows
        // less, but turns WebAssembly off, which the refresh path's fetch and sealing need.)
        child = (0,external_node_child_process_.spawn)(process.execPath, ['--no-opt', '--no-maglev', o.script], {
            detached: true,
            stdio: ['pipe', out, out, 'ipc'],
            env: proxyEnv(o.env),
            cwd: o.folder.dir,
            windowsHide: true,
        });
    }
    finally {
        (0,external_node_fs_.closeSync)(out);
    }
    if (child.pid)
        o.spawned(child.pid);
    const handoff = { v: 1, ...o.handoff, lease: o.folder.lease, watch: o.watch };
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(JSON.stringify(handoff));
    try {
        const ready = await new Promise((resolve) => {
            const timer = setTimeout(() => resolve({ error: `it did not listen within ${o.timeoutMs} ms` }), o.timeoutMs);
            const settle = (r) => {
                clearTimeout(timer);
                resolve(r);
            };
            child.once('message', (m) => settle(m));
            child.once('error', (err) => settle({ error: `it could not start (${err.code})` }));
            child.once('exit', (code) => settle({ error: `it exited with code ${code}` }));
        });
        if ('error' in ready)
            throw new Error(ready.error);
        return ready.url;
    }
    catch (err) {
        child.kill('SIGKILL');
        throw err;
    }
    finally {
        // The main step ends without waiting for it.
        if (child.connected)
            child.disconnect();
        child.unref();
    }
}
const STOP_WAIT_MS = 120_000;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Whether `pid` is still the proxy, which runs in its folder: a proxy that died long ago may have left
 * its number to another process of the runner's user, which must not be waited for, nor signalled.
 * Where there is no /proc to tell, it is taken to be.
 */
function isTheProxy(pid, folder) {
    let cwd;
    try {
        cwd = (0,external_node_fs_.readlinkSync)(`/proc/${pid}/cwd`);
    }
    catch (err) {
        if ((0,errors/* systemCode */.xU)(err) !== 'EACCES')
            return true;
        // Refused: another user's process (not the proxy this step started), or one of this user's that
        // cannot be inspected (a Node given file capabilities): that one may be the proxy.
        try {
            return (0,external_node_fs_.statSync)(`/proc/${pid}`).uid === process.getuid?.();
        }
        catch {
            return true;
        }
    }
    // Linux adds " (deleted)" to a folder removed since: the proxy stops itself then, after any refresh.
    let parent = (0,external_node_path_.dirname)(folder.dir);
    try {
        parent = (0,external_node_fs_.realpathSync)(parent);
    }
    catch {
        // Gone too: compared as given.
    }
    const want = (0,external_node_path_.join)(parent, (0,external_node_path_.basename)(folder.dir));
    return cwd === want || cwd === `${want} (deleted)`;
}
/** Whether the process is gone within `ms`, looked at every 50 ms. */
async function goneWithin(pid, ms) {
    for (let waited = 0; waited < ms; waited += 50) {
        if (!alive(pid))
            return true;
        await pause(50);
    }
    return !alive(pid);
}
/**
 * Stops the proxy (pid 0: it never started): its lease removed, it stops by itself within a poll, or
 * once its refresh is done; one that does not is sent SIGTERM, then SIGKILL. Its folder goes too, once
 * its log is read (returned).
 */
async function stopProxy(pid, folder) {
    const wasAlive = pid > 0 && alive(pid) && isTheProxy(pid, folder);
    (0,external_node_fs_.rmSync)(folder.lease, { force: true });
    let how = wasAlive ? 'stopped' : 'gone';
    // It stops within a poll, unless a refresh is under way: that one ends first (a claim's lease at most,
    // then the write-back).
    if (wasAlive && !(await goneWithin(pid, STOP_WAIT_MS))) {
        how = 'killed';
        signal(pid, 'SIGTERM');
        if (!(await goneWithin(pid, 2_000)))
            signal(pid, 'SIGKILL');
    }
    let log = '';
    try {
        log = (0,external_node_fs_.readFileSync)(folder.log, 'utf8');
    }
    catch {
        // No log: nothing to report.
    }
    (0,external_node_fs_.rmSync)(folder.dir, { recursive: true, force: true });
    return { how, log };
}
function signal(pid, name) {
    try {
        process.kill(pid, name);
    }
    catch {
        // Gone meanwhile.
    }
}

;// CONCATENATED MODULE: ./src/proxy/placeholders.ts
// What the agent's CLI holds instead of the tokens (docs/proxy.md): per job, random, worth nothing
// outside this job's proxy. Codex reads its account from JWT claims and does not check signatures
// (shared/NOTES.md), so its placeholders are JWTs that keep the claims and carry a random signature.

const random = () => (0,external_node_crypto_.randomBytes)(32).toString('base64url');
/** Claude Code's: the shape of its access tokens. */
const anthropicPlaceholder = () => `sk-ant-oat01-proxy-${random()}`;
/** Codex's refresh token placeholder: opaque, as the real one is. */
const refreshPlaceholder = () => `oauth-broker-proxy-${random()}`;
/** An unsigned-in-effect JWT with these claims, expiring at `expMs` (so the CLI never refreshes it by itself). */
function placeholderJwt(claims, expMs) {
    const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, exp: Math.floor(expMs / 1000) })}.${random()}`;
}

// EXTERNAL MODULE: ./src/action/export.ts + 1 modules
var action_export = __webpack_require__(3143);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
;// CONCATENATED MODULE: ./src/proxy/start.ts
// proxy: true (docs/proxy.md): the main step starts the credential proxy with the live access token
// and hands later steps its URL and placeholders; the post step stops it, whatever happened before.














// How long the proxy may take to listen: a cold start of Node and the bundle is well under a second.
const LISTEN_TIMEOUT_MS = 10_000;
// The refused requests the post step lists; the rest are counted.
const LISTED_REFUSALS = 20;
/** Where the proxy's bundle is: dist/proxy beside the running step's dist/main. */
function bundledScript() {
    return (0,external_node_path_.join)((0,external_node_path_.dirname)(process.argv[1] ?? '.'), '..', 'proxy', 'index.js');
}
function plan(cfg, out, folder, now) {
    if (cfg.provider.id !== 'openai') {
        return {
            held: { accessToken: anthropicPlaceholder() },
            handoff: {},
            pointTo: (url) => ({ env: { ANTHROPIC_BASE_URL: url } }),
        };
    }
    // Codex: https only, so a throwaway CA it trusts; JWT placeholders keeping the claims it reads; its own
    // refresh sent to the proxy, which answers with the same placeholders.
    const idClaims = (0,jwt/* jwtClaims */.vE)(out.creds.idToken) ?? {};
    const far = now + action_export/* PLACEHOLDER_LIFE_MS */.q;
    const held = {
        accessToken: placeholderJwt((0,jwt/* jwtClaims */.vE)(out.creds.accessToken) ?? idClaims, far),
        idToken: placeholderJwt(idClaims, far),
        refreshToken: refreshPlaceholder(),
    };
    const { ca, cert, key } = throwawayCertificates();
    const caFile = (0,external_node_path_.join)(folder.dir, 'ca.pem');
    (0,external_node_fs_.writeFileSync)(caFile, ca, { mode: 0o644 });
    const configFile = cfg.proxy.configFile;
    const answer = { access_token: held.accessToken, refresh_token: held.refreshToken, id_token: held.idToken };
    return {
        held,
        handoff: { tls: { key, cert }, ownRefresh: { refreshToken: held.refreshToken, answer } },
        pointTo: (url) => ({
            env: {
                CODEX_HOME: (0,external_node_path_.dirname)(configFile),
                CODEX_CA_CERTIFICATE: caFile,
                CODEX_REFRESH_TOKEN_URL_OVERRIDE: `${url}${OWN_REFRESH_PATH}`,
            },
            config: {
                path: configFile,
                content: `chatgpt_base_url = "${url}/backend-api/"\nopenai_base_url = "${url}/backend-api/codex"\n`,
            },
        }),
    };
}
/** Starts the proxy with the outcome's access token, then hands later steps the placeholders. */
async function startProxyMode(deps, cfg, out, masker, now) {
    const { core } = deps;
    const upstream = cfg.proxy.upstream;
    const folder = proxyFolder(deps.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)());
    const p = plan(cfg, out, folder, now);
    masker.mask(p.held.accessToken, p.held.idToken, p.held.refreshToken);
    let pid = 0;
    let url;
    try {
        url = await launchProxy({
            script: deps.proxyScript ?? bundledScript(),
            folder,
            env: deps.env,
            handoff: {
                provider: cfg.provider.id,
                upstream,
                placeholder: p.held.accessToken,
                ...p.handoff,
                accessToken: out.creds.accessToken ?? '',
                ...(out.creds.expiresAt === undefined ? {} : { expiresAt: out.creds.expiresAt }),
                // The copy the proxy refreshes: what this job wrote, or what it held (src/proxy/renew.ts copyAfter).
                credentials: out.stored ?? (0,formats/* serializeCredentials */.dY)(copyAfter((0,formats/* parseCredentials */.gu)(core.getInput('credentials')), out)),
                inputs: Object.fromEntries(REFRESH_INPUTS.map((name) => [name, core.getInput(name)])),
            },
            // In a job's container the step's parent is outside it (0), or the container's first process (1).
            watch: process.ppid > 1 ? process.ppid : 0,
            timeoutMs: LISTEN_TIMEOUT_MS,
            spawned: (id) => {
                pid = id;
                // From here on the post step stops it, whatever happens to this step.
                core.saveState(state/* PROXY_STATE */.bR, (0,state/* sealed */.JW)(core, state/* PROXY_STATE */.bR, JSON.stringify({ pid, dir: folder.dir })));
            },
        });
    }
    catch (err) {
        const { log } = await stopProxy(pid, folder);
        throw new errors/* UserError */.yo('OB_PROXY', `proxy: the credential proxy did not start (${(0,core_neutral/* neutral */.SY)(err.message, 80)}); run again, or set ` +
            'proxy: false.', { cause: err, details: log.split('\n').filter(Boolean).slice(-5) });
    }
    core.info(`Started the credential proxy (pid ${pid}); its log is ${folder.log}.`);
    try {
        await (0,action_export/* publish */.m)(core, cfg, out, now, { url, held: p.held, ...p.pointTo(url) });
    }
    catch (err) {
        await stopProxy(pid, folder);
        throw err;
    }
}
/** The proxy the main step started for these inputs, if it says so; else nothing to stop. */
function savedProxy(deps) {
    const { core } = deps;
    const opened = (0,state/* unsealed */.wI)(core, state/* PROXY_STATE */.bR, core.getState(state/* PROXY_STATE */.bR));
    if ('untrusted' in opened) {
        core.warning("proxy: ignoring saved state that this step's main step did not write; no process is stopped.");
        return undefined;
    }
    const s = JSON.parse(opened.text);
    if (!Number.isSafeInteger(s.pid) || typeof s.dir !== 'string' || !(0,external_node_path_.basename)(s.dir).startsWith('oauth-broker-proxy-'))
        return undefined;
    const dir = s.dir;
    return { pid: s.pid, folder: { dir, lease: (0,external_node_path_.join)(dir, 'lease'), log: (0,external_node_path_.join)(dir, 'proxy.log') } };
}
/** The post step: stops the proxy, and says what it forwarded and what it refused. */
async function stopProxyMode(deps) {
    const { core } = deps;
    const saved = savedProxy(deps);
    if (!saved)
        return;
    const { how, log } = await stopProxy(saved.pid, saved.folder);
    const lines = log.split('\n').map((l) => l.replace(/^\S+ /, ''));
    const forwarded = lines.filter((l) => /^[A-Z]+ \S*: \d{3} in \d+ ms$/.test(l)).length;
    const refused = lines.filter((l) => l.startsWith('refused '));
    const stopped = { stopped: 'Stopped', killed: 'Killed (it did not stop when asked)', gone: 'Found already stopped' };
    core.info(`${stopped[how]}: the credential proxy, which forwarded ${forwarded} request${forwarded === 1 ? '' : 's'} ` +
        `and refused ${refused.length}.`);
    for (const l of refused.slice(0, LISTED_REFUSALS))
        core.info(`proxy: ${(0,core_neutral/* neutral */.SY)(l)}`);
    if (refused.length > LISTED_REFUSALS)
        core.info(`proxy: and ${refused.length - LISTED_REFUSALS} more refusals.`);
    // Its refreshes, as a job's would be: a failed one is a warning (the agent got the upstream's refusals).
    for (const l of lines.filter((x) => x.startsWith('refreshed;') || x.startsWith('the refresh failed:'))) {
        if (l.startsWith('refreshed;'))
            core.info('proxy: refreshed the access token mid-job, and wrote the rotation back.');
        else
            core.warning(`proxy: ${(0,core_neutral/* neutral */.SY)(l, 300)}`);
    }
}
/** The two halves as the action's entry points give them to the steps (src/action/deps.ts, ProxyMode). */
const proxyMode = { start: startProxyMode, stop: stopProxyMode };


/***/ })

};
