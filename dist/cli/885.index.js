"use strict";
exports.id = 885;
exports.ids = [885];
exports.modules = {

/***/ 2885:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verb: () => (/* binding */ verb)
/* harmony export */ });
/* harmony import */ var _core_checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5950);
/* harmony import */ var _github_seal_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7286);
/* harmony import */ var _value_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3263);
/* harmony import */ var _verb_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5525);
// `oauth-broker seal`: the sealed value for a public key fetched elsewhere, without any network
// (the air-gapped hand-over). Only libsodium is loaded: no HTTP client, no GitHub client.




// GitHub's key ids are decimal numbers; anything printable up to this length is passed on as given.
const KEY_ID = /^[\x21-\x7e]{1,100}$/;
/** The key from --key-file (the JSON of GET …/secrets/public-key) or --public-key with --key-id. */
async function keyOf(args, from, deps) {
    const file = (0,_verb_js__WEBPACK_IMPORTED_MODULE_3__/* .option */ .uK)(args, 'key-file');
    const key = (0,_verb_js__WEBPACK_IMPORTED_MODULE_3__/* .option */ .uK)(args, 'public-key');
    const keyId = (0,_verb_js__WEBPACK_IMPORTED_MODULE_3__/* .option */ .uK)(args, 'key-id');
    if (file && (key || keyId))
        throw new _verb_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('--key-file, or --public-key with --key-id: give one.');
    if (file) {
        if (file === '-' && from === '-')
            throw new _verb_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('--key-file - and --from -: only one can be standard input.');
        return keyFile(await (0,_verb_js__WEBPACK_IMPORTED_MODULE_3__/* .readFrom */ .zP)(file, deps, 'key-file'), file);
    }
    if (!key || !keyId) {
        throw new _verb_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(key || keyId
            ? `--${key ? 'key-id' : 'public-key'} is missing.`
            : 'give --key-file, or --public-key with --key-id.');
    }
    if (!(0,_github_seal_js__WEBPACK_IMPORTED_MODULE_1__/* .checkPublicKey */ .$z)(key))
        throw new _verb_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('--public-key: is not a 32-byte base64 public key.');
    if (!KEY_ID.test(keyId))
        throw new _verb_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('--key-id: is not a key id.');
    return { key_id: keyId, key };
}
function keyFile(text, file) {
    const k = (0,_verb_js__WEBPACK_IMPORTED_MODULE_3__/* .parsedJson */ .U4)(text);
    if (typeof k?.key_id === 'string' && KEY_ID.test(k.key_id) && typeof k.key === 'string' && (0,_github_seal_js__WEBPACK_IMPORTED_MODULE_1__/* .checkPublicKey */ .$z)(k.key)) {
        return { key_id: k.key_id, key: k.key };
    }
    throw (0,_core_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(`--key-file ${file}`, 'is not the {"key_id","key"} of GET …/secrets/public-key', 'fetch it again (oauth-broker public-key)');
}
const verb = {
    usage: [
        'seal (--public-key KEY --key-id ID | --key-file F) [--from FILE|-]',
        '  Prints {"encrypted_value","key_id"}: the credentials sealed with the public key of a secret, for',
        '  oauth-broker put (or the REST API) to store. No network at all. --key-file takes the JSON that',
        '  GET …/secrets/public-key returns (oauth-broker public-key prints it). --from defaults to - (standard',
        '  input); refused when over 48 KB or not credentials the action accepts.',
    ].join('\n'),
    options: {
        'public-key': { type: 'string' },
        'key-id': { type: 'string' },
        'key-file': { type: 'string' },
        from: { type: 'string' },
    },
    async run(args, deps) {
        const from = (0,_verb_js__WEBPACK_IMPORTED_MODULE_3__/* .option */ .uK)(args, 'from') ?? '-';
        const key = await keyOf(args, from, deps);
        const value = await (0,_value_js__WEBPACK_IMPORTED_MODULE_2__/* .readSecretValue */ .k)(from, deps);
        const encrypted = await (0,_github_seal_js__WEBPACK_IMPORTED_MODULE_1__/* .sealForGitHub */ .oH)(value, key.key);
        deps.stdout(`${JSON.stringify({ encrypted_value: encrypted, key_id: key.key_id })}\n`);
        deps.stderr(`Sealed with key ${key.key_id}; store it with oauth-broker put --sealed.`);
    },
};


/***/ }),

/***/ 7286:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $z: () => (/* binding */ checkPublicKey),
/* harmony export */   oH: () => (/* binding */ sealForGitHub)
/* harmony export */ });
/* unused harmony export sodium */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
// libsodium's sealed box, as GitHub documents for secrets. Loaded on first use only:
// the stored-token path never pays for the WebAssembly module.

const PUBLIC_KEY_BYTES = 32;
/** The key's bytes when it is strict standard base64 of a 32-byte key (Buffer alone would skip bad characters). */
function keyBytes(publicKeyBase64) {
    if (publicKeyBase64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(publicKeyBase64))
        return undefined;
    const key = new Uint8Array(Buffer.from(publicKeyBase64, 'base64'));
    return key.length === PUBLIC_KEY_BYTES ? key : undefined;
}
/** Whether GitHub's answer holds a key that can seal: checked before a refresh, not at the write. */
function checkPublicKey(publicKeyBase64) {
    return keyBytes(publicKeyBase64) !== undefined;
}
let loading;
/**
 * libsodium, ready; the first call starts loading it. Its loader compiles the WebAssembly with the
 * asynchronous `WebAssembly.instantiate`, whose background compile left the refresh path idle for about
 * 100 ms on two cores busy loading the GitHub client (npm run bench). So while libsodium loads,
 * instantiating from bytes compiles on the main thread: the same module, without the wait.
 */
function sodium() {
    loading ??= (async () => {
        const wasm = globalThis.WebAssembly;
        const instantiate = wasm.instantiate;
        wasm.instantiate = async (source, imports, ...options) => {
            // A compiled module (from any realm) is instantiated as before; only bytes are compiled here.
            if (Object.prototype.toString.call(source) === '[object WebAssembly.Module]') {
                return instantiate.call(wasm, source, imports, ...options);
            }
            const module = new wasm.Module(source, ...options);
            return { module, instance: new wasm.Instance(module, imports) };
        };
        try {
            const { default: s } = await __webpack_require__.e(/* import() */ 768).then(__webpack_require__.bind(__webpack_require__, 4768));
            await s.ready;
            return s;
        }
        finally {
            wasm.instantiate = instantiate;
        }
    })();
    return loading;
}
async function sealForGitHub(plaintext, publicKeyBase64) {
    const key = keyBytes(publicKeyBase64);
    if (!key)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('OB_GITHUB', 'GitHub returned a public key that is not a 32-byte base64 key; check github-api-url.');
    const s = await sodium();
    const sealed = s.crypto_box_seal(s.from_string(plaintext), key);
    return s.to_base64(sealed, s.base64_variants.ORIGINAL);
}


/***/ })

};
;