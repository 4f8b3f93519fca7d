export const id = 586;
export const ids = [586];
export const modules = {

/***/ 3586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nodeFetch: () => (/* binding */ nodeFetch)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1983);
// The broker's own HTTP client, the action's and the CLI's (GitHub's API, the provider's token endpoint):
// fetch's interface over node:http and node:https. Node parses HTTP natively; undici parses it in
// WebAssembly, and the process's exit waits for the optimising compile of that parser, set off by a
// few answers: 42 ms against 13 ms (docs/design.md, "Transport"). Answers are undici's Response, as fetch's.
// It never follows a redirect, and it tells src/core/http.ts whether a failure came before the
// request could be written (DNS, TCP, the TLS handshake: surely nothing sent) or after.





const REDIRECT = new Set([301, 302, 303, 307, 308]);
// Answers that carry no body, whatever their headers say.
const NULL_BODY = new Set([204, 205, 304]);
// What fetch decompresses.
const DECODERS = {
    gzip: () => node_zlib__WEBPACK_IMPORTED_MODULE_3__.createGunzip(),
    'x-gzip': () => node_zlib__WEBPACK_IMPORTED_MODULE_3__.createGunzip(),
    deflate: () => node_zlib__WEBPACK_IMPORTED_MODULE_3__.createInflate(),
    br: () => node_zlib__WEBPACK_IMPORTED_MODULE_3__.createBrotliDecompress(),
};
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
        const undici = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19));
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
            if (signal?.aborted)
                return reject(signal.reason);
            (0,_http_js__WEBPACK_IMPORTED_MODULE_4__/* .failedWhile */ .ho)(connected ? 'connected' : 'connecting', err);
            reject(new TypeError('fetch failed', { cause: err }));
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
    if (!(socket instanceof node_tls__WEBPACK_IMPORTED_MODULE_2__.TLSSocket))
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
/** The body as sent, or decompressed: none is asked for, but a server may compress all the same. */
function decoded(res, encoding) {
    const decoder = DECODERS[(encoding ?? '').trim().toLowerCase()];
    if (!decoder)
        return res;
    const plain = decoder();
    res.on('error', (err) => plain.destroy(err));
    return res.pipe(plain);
}
/** The answer's body; a connection lost while it streams fails its read as fetch's does, a timeout with its reason. */
async function* streamed(body, signal) {
    try {
        for await (const chunk of body)
            yield chunk;
    }
    catch (err) {
        throw signal?.aborted ? signal.reason : new TypeError('terminated', { cause: err });
    }
}


/***/ })

};
