"use strict";
exports.id = 201;
exports.ids = [201];
exports.modules = {

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


/***/ })

};
;