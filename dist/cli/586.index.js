"use strict";
exports.id = 586;
exports.ids = [586];
exports.modules = {

/***/ 1983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ classifyFetchError),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   Yf: () => (/* binding */ unsendable),
/* harmony export */   ho: () => (/* binding */ failedWhile)
/* harmony export */ });
/* harmony import */ var node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3053);
/* harmony import */ var node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0__);
// What a failed fetch tells us about whether the request reached the other side.

/** Codes meaning the connection was never made: the request cannot have been seen. */
const NOT_SENT = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
]);
/**
 * Node's names for what OpenSSL's certificate verification finds (X509_V_ERR_*), and the hostname
 * check Node adds after it. Only a handshake verifies a certificate, so any of them means the
 * connection never carried a request, whoever raised it.
 */
const CERTIFICATE = new Set([
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_CRL',
    'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
    'UNABLE_TO_DECRYPT_CRL_SIGNATURE',
    'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
    'CERT_SIGNATURE_FAILURE',
    'CRL_SIGNATURE_FAILURE',
    'CERT_NOT_YET_VALID',
    'CERT_HAS_EXPIRED',
    'CRL_NOT_YET_VALID',
    'CRL_HAS_EXPIRED',
    'ERROR_IN_CERT_NOT_BEFORE_FIELD',
    'ERROR_IN_CERT_NOT_AFTER_FIELD',
    'ERROR_IN_CRL_LAST_UPDATE_FIELD',
    'ERROR_IN_CRL_NEXT_UPDATE_FIELD',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'CERT_CHAIN_TOO_LONG',
    'CERT_REVOKED',
    'INVALID_CA',
    'PATH_LENGTH_EXCEEDED',
    'INVALID_PURPOSE',
    'CERT_UNTRUSTED',
    'CERT_REJECTED',
    'HOSTNAME_MISMATCH',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** A certificate the runner trusts, for another host. */
const WRONG_NAME = new Set(['HOSTNAME_MISMATCH', 'ERR_TLS_CERT_ALTNAME_INVALID']);
/** TLS codes that also occur on an open connection (a bad record): a handshake failure only while connecting. */
const isTlsProtocol = (code) => code === 'EPROTO' || code.startsWith('ERR_SSL_');
/**
 * Where errors struck, as the clients say. While connecting (DNS, TCP, the proxy's tunnel, the TLS
 * handshake): undici (Node's own fetch and the bundled one behind the proxy alike) publishes each such
 * error on this channel, then fails the requests that were waiting for that connection with the very
 * same error; src/core/transport.ts names its own, and also those met once connected. A request waiting
 * for its connection has not been written. So such an error proves the request never left, by what
 * happened rather than by its code: an ECONNRESET in a handshake is not sent, one after the request was
 * written may have arrived, whatever its code. Weak: only errors still referenced are kept.
 */
const stages = new WeakMap();
(0,node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0__.subscribe)('undici:client:connectError', (message) => failedWhile('connecting', message?.error));
/** Where a client's error struck: while connecting (nothing was sent) or once connected (it may have arrived). */
function failedWhile(stage, error) {
    if (error && typeof error === 'object')
        stages.set(error, stage);
}
/** Where the error or one of its causes struck, when a client said. */
function stageOf(err) {
    for (const e of causes(err)) {
        const stage = stages.get(e);
        if (stage)
            return stage;
    }
    return undefined;
}
/** The error and the first few of its causes: fetch wraps what the socket or proxy said. */
function* causes(err) {
    for (let e = err, i = 0; i < 4 && e && typeof e === 'object'; i++, e = e.cause) {
        yield e;
    }
}
function causeCodes(err) {
    const codes = [];
    for (const e of causes(err))
        if (typeof e.code === 'string')
            codes.push(e.code);
    return codes;
}
// undici's ProxyAgent when the proxy answers CONNECT with anything but 200: no tunnel, nothing sent.
const TUNNEL_REFUSED = /^Proxy response \((\d{3})\) !== 200 when HTTP Tunneling$/;
function tunnelRefused(err) {
    for (const e of causes(err)) {
        const m = TUNNEL_REFUSED.exec(String(e.message));
        if (m)
            return m[1];
    }
    return undefined;
}
/** Why fetch would refuse `url` without connecting, or undefined: checked before a token is put in a request. */
function unsendable(url) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return 'the URL does not parse';
    }
    if (u.username || u.password)
        return 'the URL holds a user name or password';
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
        return 'the URL is not http(s)';
    return undefined;
}
/**
 * The network errors undici's fetch makes before it dispatches anything, by their exact text (they
 * carry no code). Some also follow a redirect, after a request was sent; no fetch of the broker
 * follows one (`redirect: 'error'` or `'manual'`), so here they concern the URL asked for.
 */
const FETCH_REFUSED = {
    'bad port': "the URL's port is one fetch never connects to",
    'unknown scheme': 'the URL is not http(s)',
    'URL scheme must be a HTTP(S) scheme': 'the URL is not http(s)',
    'not implemented... yet...': 'the URL is not http(s)',
};
/** Fetch refused the request before dispatching it: why, or undefined. Never quotes the error (it may hold the URL). */
function refusedByFetch(err) {
    const top = err;
    if (!top || typeof top !== 'object')
        return undefined;
    // The Request constructor's own TypeError; its message quotes the URL, password included.
    const withCredentials = /^Request cannot be constructed from a URL that includes credentials/;
    if (top.name === 'TypeError' && withCredentials.test(`${top.message}`))
        return 'the URL holds a user name or password';
    // A URL that does not parse: fetch's "Failed to parse URL", or the proxy routing's own new URL().
    if (causeCodes(err).includes('ERR_INVALID_URL'))
        return 'the URL does not parse';
    if (top.name === 'TypeError' && top.message === 'fetch failed') {
        const inner = top.cause ?? {};
        if (inner.code === undefined && typeof inner.message === 'string' && Object.hasOwn(FETCH_REFUSED, inner.message))
            return FETCH_REFUSED[inner.message];
    }
    return undefined;
}
/** What went wrong while connecting, the connection surely unmade; `codes` are the error's and its causes'. */
function connectFailure(codes, err) {
    const refused = tunnelRefused(err);
    if (refused)
        return { notSent: true, reason: `the proxy refused the connection (HTTP ${refused})` };
    const tls = codes.find((c) => CERTIFICATE.has(c) || isTlsProtocol(c));
    if (tls) {
        const lasting = isTlsProtocol(tls) ? 'handshake' : WRONG_NAME.has(tls) ? 'name' : 'certificate';
        return { notSent: true, reason: `TLS handshake failed (${tls})`, lasting };
    }
    const code = codes[0];
    if (code === 'ECONNREFUSED')
        return { notSent: true, reason: 'connection refused' };
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return { notSent: true, reason: `cannot connect (${code})`, unresolved: code };
    if (code && NOT_SENT.has(code))
        return { notSent: true, reason: `cannot connect (${code})` };
    return { notSent: true, reason: code ? `connection lost while connecting (${code})` : 'could not connect' };
}
function classifyFetchError(err, timeoutMs) {
    const refused = refusedByFetch(err);
    if (refused)
        return { notSent: true, reason: `refused before sending (${refused})`, lasting: 'url' };
    const name = err?.name;
    if (name === 'TimeoutError' || name === 'AbortError')
        return { notSent: false, reason: `no answer within ${Math.round(timeoutMs / 1000)}s` };
    const codes = causeCodes(err);
    const code = codes[0];
    // Known to have happened while connecting; else, unless known to have happened once connected, the
    // codes only a connection not yet made can have.
    const stage = stageOf(err);
    if (stage === 'connecting' && [...causes(err)].some((e) => e.name === 'TimeoutError')) {
        return { notSent: true, reason: `could not connect within ${Math.round(timeoutMs / 1000)}s` };
    }
    if (stage === 'connecting' || tunnelRefused(err))
        return connectFailure(codes, err);
    if (stage !== 'connected' && (codes.some((c) => CERTIFICATE.has(c)) || (code && NOT_SENT.has(code))))
        return connectFailure(codes, err);
    if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE')
        return { notSent: false, reason: 'connection dropped before the answer arrived' };
    return { notSent: false, reason: code ? `network error (${code})` : 'network error' };
}
/** `retry-after` in seconds or as an HTTP date → ms, or undefined. */
function retryAfterMs(v, now) {
    if (!v)
        return undefined;
    if (/^\d+$/.test(v.trim()))
        return Number(v) * 1000;
    const at = Date.parse(v);
    return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}


/***/ }),

/***/ 3586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_BODY_BYTES: () => (/* binding */ MAX_BODY_BYTES),
/* harmony export */   nodeFetch: () => (/* binding */ nodeFetch)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1983);
// The broker's own HTTP client, the action's and the CLI's (GitHub's API, the provider's token endpoint):
// fetch's interface over node:http and node:https. Node parses HTTP natively; undici parses it in
// WebAssembly, and the process's exit waits for the optimising compile of that parser, set off by a
// few answers: 42 ms against 13 ms (docs/design.md, "Transport"). Answers are undici's Response, as fetch's.
// It never follows a redirect, and it tells src/core/http.ts whether a failure came before the
// request could be written (DNS, TCP, the TLS handshake: surely nothing sent) or after.






const REDIRECT = new Set([301, 302, 303, 307, 308]);
// Answers that carry no body, whatever their headers say.
const NULL_BODY = new Set([204, 205, 304]);
// What fetch decompresses, as leniently as fetch (and curl): a stream cut short still gives what it holds.
const LENIENT = { flush: node_zlib__WEBPACK_IMPORTED_MODULE_4__.constants.Z_SYNC_FLUSH, finishFlush: node_zlib__WEBPACK_IMPORTED_MODULE_4__.constants.Z_SYNC_FLUSH };
const DECODERS = {
    gzip: () => node_zlib__WEBPACK_IMPORTED_MODULE_4__.createGunzip(LENIENT),
    'x-gzip': () => node_zlib__WEBPACK_IMPORTED_MODULE_4__.createGunzip(LENIENT),
    deflate: () => node_zlib__WEBPACK_IMPORTED_MODULE_4__.createInflate(LENIENT),
    br: () => node_zlib__WEBPACK_IMPORTED_MODULE_4__.createBrotliDecompress({
        flush: node_zlib__WEBPACK_IMPORTED_MODULE_4__.constants.BROTLI_OPERATION_FLUSH,
        finishFlush: node_zlib__WEBPACK_IMPORTED_MODULE_4__.constants.BROTLI_OPERATION_FLUSH,
    }),
};
// As fetch: more codings than this in one answer is an attack on memory, not an answer.
const MAX_CODINGS = 5;
// An answer the broker reads whole (a token set, a page of GitHub's API) is a few kilobytes; this
// bounds what a broken server or a compression bomb can make the step hold in memory.
const MAX_BODY_BYTES = 8 * 1024 * 1024;
// Idle connections are closed after this, before a server closes them under a request (undici's default).
const IDLE_MS = 4000;
/** fetch over node:http(s); `agents` replace the default keep-alive pools (tests trust their own CA with them). */
function nodeFetch(agents = {}) {
    const pools = {
        'http:': agents.http ?? new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent({ keepAlive: true, timeout: IDLE_MS }),
        'https:': agents.https ?? new node_https__WEBPACK_IMPORTED_MODULE_1__.Agent({ keepAlive: true, timeout: IDLE_MS }),
    };
    return (async (input, init = {}) => {
        const url = target(input);
        const undici = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19));
        const request = outgoing(undici, init);
        return exchange(undici, url, request, init, pools[url.protocol]);
    });
}
/**
 * The URL, refused as fetch refuses it, before anything connects: one that does not parse (its
 * ERR_INVALID_URL), one with a user name or password (the Request constructor's TypeError, without
 * the URL), one that is not http(s).
 */
function target(input) {
    const url = new URL(String(input));
    if (url.username || url.password) {
        throw new TypeError('Request cannot be constructed from a URL that includes credentials');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new TypeError('fetch failed', { cause: new Error('URL scheme must be a HTTP(S) scheme') });
    }
    return url;
}
/** Method, headers (checked as fetch checks them) and body; the body's length is always stated. */
function outgoing(undici, init) {
    // Every request of the broker refuses redirects or reads them itself; following one would take the token along.
    if (init.redirect !== 'manual' && init.redirect !== 'error') {
        throw new Error(`nodeFetch follows no redirect: redirect must be 'manual' or 'error', not ${init.redirect}`);
    }
    const headers = {};
    for (const [name, value] of new undici.Headers(init.headers)) {
        headers[name] = value;
    }
    // Asks for no compression; an answer compressed all the same is decompressed (`decoded`).
    headers['accept-encoding'] ??= 'identity';
    const method = (init.method ?? 'GET').toUpperCase();
    if (init.body === undefined || init.body === null)
        return { method, headers };
    if (typeof init.body !== 'string')
        throw new Error('nodeFetch sends text bodies only');
    const body = Buffer.from(init.body, 'utf8');
    headers['content-length'] = String(body.length);
    return { method, headers, body };
}
/** Sends the request and resolves with the answer once its headers arrive; its body streams. */
function exchange(undici, url, request, init, agent) {
    const signal = init.signal ?? undefined;
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const client = url.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__ : node_http__WEBPACK_IMPORTED_MODULE_0__;
        const req = client.request(url, { method: request.method, headers: request.headers, agent });
        let res;
        // The signal's reason fails whatever is under way: the wait for the answer, or the read of its body.
        const abort = () => (res ?? req).destroy(signal?.reason);
        signal?.addEventListener('abort', abort, { once: true });
        req.once('close', () => signal?.removeEventListener('abort', abort));
        // Until the connection is up (TLS included), nothing of the request can have reached the server.
        let connected = false;
        req.on('socket', (socket) => {
            if (req.reusedSocket || established(socket))
                connected = true;
            else
                socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => (connected = true));
        });
        req.on('error', (err) => {
            // A timeout once connected is fetch's own (it may have arrived); one before is a connection never made.
            if (signal?.aborted && connected)
                return reject(signal.reason);
            const cause = signal?.aborted ? signal.reason : err;
            (0,_http_js__WEBPACK_IMPORTED_MODULE_5__/* .failedWhile */ .ho)(connected ? 'connected' : 'connecting', cause);
            reject(new TypeError('fetch failed', { cause }));
        });
        req.on('response', (answer) => {
            res = answer;
            try {
                resolve(responseOf(undici, url, request, init, answer, signal));
            }
            catch (err) {
                // An answer Node reads and fetch would refuse: the request was sent.
                req.destroy();
                reject(new TypeError('fetch failed', { cause: err }));
            }
        });
        req.end(request.body);
    });
}
/** The connection is up, TLS included: a socket that served a request before, queued for this one. */
function established(socket) {
    if (socket.pending)
        return false;
    if (!(socket instanceof node_tls__WEBPACK_IMPORTED_MODULE_3__.TLSSocket))
        return true;
    const protocol = socket.getProtocol();
    return protocol !== null && protocol !== 'unknown';
}
/** The answer as fetch's Response; throws for one fetch would refuse. */
function responseOf(undici, url, request, init, res, signal) {
    const status = res.statusCode ?? 0;
    if (status < 200 || status > 599)
        throw new Error(`an answer with status ${status}`);
    if (init.redirect === 'error' && REDIRECT.has(status))
        throw new Error('unexpected redirect');
    const headers = new undici.Headers();
    for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
        headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
    const empty = NULL_BODY.has(status) || request.method === 'HEAD';
    if (empty)
        res.resume();
    const body = empty ? null : streamed(decoded(res, headers.get('content-encoding')), signal);
    // fetch takes a reason phrase of visible characters only; Node's parser takes more.
    const statusText = (res.statusMessage ?? '').replace(/[^\t\x20-\x7e\x80-\xff]/g, '');
    const answer = new undici.Response(body, { status, statusText, headers });
    // As fetch's: the URL asked for (no redirect is followed).
    Object.defineProperty(answer, 'url', { value: url.href });
    return answer;
}
/**
 * The body as sent, or decompressed as fetch does: none is asked for, but a server may compress all
 * the same, in several codings (undone last first); a coding fetch does not know leaves it as sent.
 */
function decoded(res, encoding) {
    const codings = encoding ? encoding.toLowerCase().split(',') : [];
    if (codings.length > MAX_CODINGS)
        throw new Error(`an answer in ${codings.length} content codings`);
    const decoders = codings.reverse().map((coding) => DECODERS[coding.trim()]);
    if (!decoders.length || decoders.some((decoder) => !decoder))
        return res;
    const streams = decoders.map((decoder) => decoder());
    // Every stream is destroyed on any error, and the error reaches the reader: never an unhandled one.
    (0,node_stream__WEBPACK_IMPORTED_MODULE_2__.pipeline)([res, ...streams], () => undefined);
    return streams[streams.length - 1];
}
/**
 * The answer's body; a connection lost while it streams fails its read as fetch's does, a timeout with
 * its reason, and so does a body over MAX_BODY_BYTES (the request was sent: it may have arrived).
 */
async function* streamed(body, signal) {
    let bytes = 0;
    try {
        for await (const chunk of body) {
            bytes += chunk.length;
            if (bytes > MAX_BODY_BYTES)
                throw new Error(`an answer over ${MAX_BODY_BYTES / 1024 / 1024} MiB`);
            yield chunk;
        }
    }
    catch (err) {
        throw signal?.aborted ? signal.reason : new TypeError('terminated', { cause: err });
    }
    finally {
        // Read no further (the size limit, or a reader that stopped): the connection goes, not into the pool.
        if (!body.readableEnded)
            body.destroy();
    }
}


/***/ })

};
;