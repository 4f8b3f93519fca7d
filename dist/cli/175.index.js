"use strict";
exports.id = 175;
exports.ids = [175];
exports.modules = {

/***/ 8792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ timings),
/* harmony export */   i: () => (/* binding */ MIN_ATTEMPT_MS)
/* harmony export */ });
// The process environment as passed in, and the tuning knobs read from it.
/**
 * An attempt at the provider with less time than this before its claim's deadline is not started
 * (src/core/refresh.ts); a lease is never shorter than it (src/store/protocol.ts). A constant beside the
 * lease, here so that the claims' protocol needs nothing of the refresh itself.
 */
const MIN_ATTEMPT_MS = 3_000;
/** Whole milliseconds up to `max`; anything else is the default. */
function knob(v, d, max) {
    return v && /^\d{1,10}$/.test(v) && Number(v) <= max ? Number(v) : d;
}
function timings(env) {
    return {
        // At most a minute: a write's attempt must land well within OLD_COPY_AFTER_MS (src/core/marker.ts).
        httpTimeoutMs: knob(env.OAUTH_BROKER_HTTP_TIMEOUT_MS, 30_000, 60_000),
        retryBaseMs: knob(env.OAUTH_BROKER_RETRY_BASE_MS, 1_000, 60_000),
        // The first wait before reading another job's claim again; it doubles (src/store/claims.ts).
        pollMs: knob(env.OAUTH_BROKER_POLL_MS, 250, 60_000),
        cacheTimeoutMs: knob(env.OAUTH_BROKER_CACHE_TIMEOUT_MS, 60_000, 600_000),
        // A holder's answer must be in before this ends (src/store/protocol.ts): a dead holder costs about a minute.
        // At most an hour, far under the CLI's lease, the longest a claim other jobs read may carry.
        leaseMs: knob(env.OAUTH_BROKER_LEASE_MS, 60_000, 3_600_000),
    };
}


/***/ }),

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

/***/ 38:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ isLoopbackHost),
/* harmony export */   q: () => (/* binding */ httpUrl)
/* harmony export */ });
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
// The URLs a credential is sent to (a token endpoint, GitHub's API), checked before any is used.

/** The names of this machine's loopback interface, as a URL's hostname spells them. */
const isLoopbackHost = (hostname) => ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
/** A URL as error lines quote it: never with the user name or password it may hold. */
function quoted(value) {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    let shown = url ? value : value.replace(/^[^@]*@/, '***@');
    if (url && (url.username || url.password)) {
        [url.username, url.password] = ['***', ''];
        shown = url.href;
    }
    return (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(shown);
}
/** `value` as a URL a token may be sent to: https, or plain http to this machine only. */
function httpUrl(input, value) {
    const q = quoted(value);
    let url;
    try {
        url = new URL(value);
    }
    catch (err) {
        throw (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(input, `${q} is not a URL`, undefined, { cause: err });
    }
    // fetch refuses to send such a URL; and what is in it would be printed wherever the URL is.
    if (url.username || url.password)
        throw (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(input, `${q} holds a user name or password`, 'remove it');
    // Plain http only to this machine: a token must never cross a network in clear.
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
        throw (0,_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(input, `${q} must be an https URL`);
    }
    return value.replace(/\/+$/, '');
}


/***/ })

};
;