export const id = 286;
export const ids = [286];
export const modules = {

/***/ 7286:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkPublicKey: () => (/* binding */ checkPublicKey),
/* harmony export */   sealForGitHub: () => (/* binding */ sealForGitHub),
/* harmony export */   sodium: () => (/* binding */ sodium)
/* harmony export */ });
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
        wasm.instantiate = async (source, imports) => {
            if (source instanceof wasm.Module)
                return instantiate.call(wasm, source, imports);
            const module = new wasm.Module(source);
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
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('GitHub returned a public key that is not a 32-byte base64 key; check github-api-url.');
    const s = await sodium();
    const sealed = s.crypto_box_seal(s.from_string(plaintext), key);
    return s.to_base64(sealed, s.base64_variants.ORIGINAL);
}


/***/ })

};
