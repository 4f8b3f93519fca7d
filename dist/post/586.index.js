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
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1983);
// The action's own HTTP client for what it sends itself (GitHub's API, the provider's token endpoint):
// fetch's interface over node:http and node:https. Node parses HTTP natively; undici parses it in
// WebAssembly, and the process's exit waits for the optimising compile of that parser, set off by a
// few answers: 42 ms against 13 ms (docs/design.md, "Transport"). Answers are undici's Response, as fetch's.
// It never follows a redirect, and it tells src/core/http.ts which failures came before the
// request could be written (DNS, TCP, the TLS handshake): those surely sent nothing.



const REDIRECT = new Set([301, 302, 303, 307, 308]);
// Answers that carry no body, whatever their headers say.
const NULL_BODY = new Set([204, 205, 304]);
/** fetch over node:http(s); `agents` replace the default keep-alive pools (tests trust their own CA with them). */
function nodeFetch(agents = {}) {
    const pools = {
        'http:': agents.http ?? new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent({ keepAlive: true }),
        'https:': agents.https ?? new node_https__WEBPACK_IMPORTED_MODULE_1__.Agent({ keepAlive: true }),
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
    // No compressed answers: there is nothing here to decompress them.
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
        const req = client.request(url, { method: request.method, headers: request.headers, agent, signal });
        // Until the connection is up (TLS included), nothing of the request can have reached the server.
        let connected = false;
        req.on('socket', (socket) => {
            if (req.reusedSocket)
                connected = true;
            else
                socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => (connected = true));
        });
        req.on('error', (err) => {
            if (signal?.aborted)
                return reject(signal.reason);
            if (!connected)
                (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .failedConnecting */ .y3)(err);
            reject(new TypeError('fetch failed', { cause: err }));
        });
        req.on('response', (res) => {
            const status = res.statusCode ?? 0;
            if ((init.redirect === 'error' && REDIRECT.has(status)) || status < 200 || status > 599) {
                req.destroy();
                const why = status < 200 || status > 599 ? `an answer with status ${status}` : 'unexpected redirect';
                return reject(new TypeError('fetch failed', { cause: new Error(why) }));
            }
            const headers = new undici.Headers();
            for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
                headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
            const empty = NULL_BODY.has(status) || request.method === 'HEAD';
            if (empty)
                res.resume();
            const body = empty ? null : streamed(res, signal);
            const answer = new undici.Response(body, { status, statusText: res.statusMessage ?? '', headers });
            // As fetch's: the URL asked for (no redirect is followed).
            Object.defineProperty(answer, 'url', { value: url.href });
            resolve(answer);
        });
        req.end(request.body);
    });
}
/** The answer's body; a connection lost while it streams fails its read as fetch's does, a timeout with its reason. */
async function* streamed(res, signal) {
    try {
        for await (const chunk of res)
            yield chunk;
    }
    catch (err) {
        throw signal?.aborted ? signal.reason : new TypeError('terminated', { cause: err });
    }
}


/***/ })

};
