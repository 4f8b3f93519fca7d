export const id = 430;
export const ids = [430];
export const modules = {

/***/ 8430:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  updateAlert: () => (/* binding */ updateAlert)
});

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/neutral.ts
var neutral = __webpack_require__(8272);
// EXTERNAL MODULE: ./src/github/api.ts
var github_api = __webpack_require__(8943);
// EXTERNAL MODULE: ./src/github/answers.ts
var answers = __webpack_require__(3948);
;// CONCATENATED MODULE: ./src/github/issues.ts
// The issues of the workflow's repository, for alerts (src/action/alert.ts): the same client
// and retry hook as the secrets, with the job's own token. Answers are checked before use.




// Sorted by last change: an alert still open was commented on by the run that last failed.
const PER_PAGE = 100;
const MAX_PAGES = 10;
// Anyone may open an issue in a public repository, marker and all: only one written by an app
// (the job's token is one) or by someone with write access is taken for the broker's.
const TRUSTED_AUTHORS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);
// A create is not retried once GitHub may have acted: a second would be a duplicate (src/github/api.ts).
const ONCE = { once: true };
const isObject = (v) => typeof v === 'object' && v !== null;
function isAlert(issue, marker) {
    if (!isObject(issue) || 'pull_request' in issue)
        return false;
    const user = issue.user;
    const trusted = user?.type === 'Bot' || TRUSTED_AUTHORS.has(String(issue.author_association));
    return trusted && typeof issue.body === 'string' && issue.body.includes(marker);
}
function numberOf(data, doing) {
    const n = isObject(data) ? data.number : undefined;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1)
        throw (0,answers/* malformed */.Qm)(doing, 'the answer has no number');
    return n;
}
function updatedAtOf(issue, doing) {
    const at = Date.parse(String(isObject(issue) ? issue.updated_at : undefined));
    if (!Number.isFinite(at))
        throw (0,answers/* malformed */.Qm)(doing, 'an issue has no updated_at');
    return at;
}
/** What to do about a refused issues call, by GitHub's status. */
function fixFor(status, repository) {
    if (status === 0)
        return "check github-api-url and the runner's network";
    if (status === 401)
        return 'alert-token is invalid or expired; leave it at its default, github.token';
    if (status === 403)
        return 'give the job the permission issues: write (README: Alerts)';
    if (status === 404)
        return `check that alert-token can see ${repository}`;
    if (status === 410)
        return `issues are turned off in ${repository}; turn them on, or set alert: none`;
    return 'the next run tries again';
}
class Issues {
    api;
    owner;
    repo;
    repository;
    constructor(api, owner, repo) {
        this.api = api;
        this.owner = owner;
        this.repo = repo;
        this.repository = `${owner}/${repo}`;
    }
    /** The open issue whose body holds `marker`, from a trusted author. */
    async find(marker) {
        const doing = `list the open issues of ${this.repository}`;
        for (let page = 1; page <= MAX_PAGES; page++) {
            const { data } = await this.call(doing, () => 
            // https://docs.github.com/rest/issues/issues#list-repository-issues
            this.api.request('GET /repos/{owner}/{repo}/issues', {
                owner: this.owner,
                repo: this.repo,
                state: 'open',
                sort: 'updated',
                direction: 'desc',
                per_page: PER_PAGE,
                page,
            }));
            if (!Array.isArray(data))
                throw (0,answers/* malformed */.Qm)(doing, 'the answer is not a list');
            const found = data.find((issue) => isAlert(issue, marker));
            if (found)
                return { number: numberOf(found, doing), updatedAt: updatedAtOf(found, doing) };
            if (data.length < PER_PAGE)
                return undefined;
        }
        return undefined;
    }
    /** Opens an issue; its number. */
    async open(title, body) {
        const doing = `open an issue in ${this.repository}`;
        const at = { owner: this.owner, repo: this.repo };
        // https://docs.github.com/rest/issues/issues#create-an-issue
        const { data } = await this.call(doing, () => this.api.request('POST /repos/{owner}/{repo}/issues', { ...at, title, body, request: ONCE }));
        return numberOf(data, doing);
    }
    async comment(issue, body) {
        const at = { owner: this.owner, repo: this.repo, issue_number: issue };
        await this.call(`comment on issue #${issue} of ${this.repository}`, () => 
        // https://docs.github.com/rest/issues/comments#create-an-issue-comment
        this.api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...at, body, request: ONCE }));
    }
    /** Says why in a comment, then closes the issue as done. */
    async close(issue, body) {
        await this.comment(issue, body);
        const at = { owner: this.owner, repo: this.repo, issue_number: issue };
        await this.call(`close issue #${issue} of ${this.repository}`, () => 
        // https://docs.github.com/rest/issues/issues#update-an-issue
        this.api.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
            ...at,
            state: 'closed',
            state_reason: 'completed',
        }));
    }
    async call(doing, send) {
        try {
            return await send();
        }
        catch (err) {
            if (!(err instanceof github_api/* GitHubHttpError */.I))
                throw err;
            if (err.status >= 200 && err.status < 400)
                throw (0,answers/* malformed */.Qm)(doing, `${err.githubMessage} (HTTP ${err.status})`);
            const said = err.status ? `GitHub answered ${err.status} ${(0,neutral/* neutral */.SY)(err.githubMessage, 60)}` : err.githubMessage;
            const code = err.status === 401 || err.status === 403 ? 'OB_GITHUB_ACCESS' : 'OB_GITHUB';
            throw new errors/* UserError */.yo(code, `alert: could not ${doing}: ${said}; ${fixFor(err.status, this.repository)}.`, {
                cause: err,
            });
        }
    }
}

;// CONCATENATED MODULE: ./src/github/markdown.ts
// Text from outside, inert in GitHub Markdown: it goes in code, where nothing is a mention,
// a link or HTML, behind backticks that no run of the text can match, so it cannot close them.
function longestRun(text) {
    return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}
/** A fenced code block that shows `text` as it is, whatever it holds. */
function codeBlock(text, info) {
    const fence = '`'.repeat(Math.max(3, longestRun(text) + 1));
    return `${fence}${info}\n${text}\n${fence}`;
}
/** An inline code span that shows one line of `text` as it is. */
function code(text) {
    const ticks = '`'.repeat(longestRun(text) + 1);
    // A span may not start or end with its own delimiter's character: a space in between, which Markdown drops.
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${text}${pad}${ticks}`;
}

// EXTERNAL MODULE: ./src/github/target.ts
var target = __webpack_require__(3738);
// EXTERNAL MODULE: ./src/action/deps.ts + 1 modules
var action_deps = __webpack_require__(831);
;// CONCATENATED MODULE: ./src/action/alert.ts
// alert: issue (README: Alerts). A run that fails opens one issue about its secret in the
// workflow's repository, or comments on the one open; so does a run that finds the refresh
// token itself expiring within days; the next run that succeeds closes it. Loaded only with
// alert: issue. It never changes the step's result: whatever fails here is one warning line.








// A login about to expire is said again once a day, not on every scheduled run.
const REMIND_AFTER_MS = 86_400_000;
// The log's lines, not all of a long story: GitHub takes bodies of at most 65536 characters.
const MAX_LINES = 40;
const MAX_LINE_CHARS = 1000;
const NEVER_A_SECRET = 'oauth-broker never writes a secret here.';
/** Opens, comments on or closes the issue about the target; a failure to is a warning, nothing more. */
async function updateAlert(deps, cfg, alert, masker, problem) {
    const { core } = deps;
    const repository = `${alert.owner}/${alert.repo}`;
    const run = runLink(deps.env, repository);
    try {
        // Only a PAT sends its expiry, and the warning about it names github-token.
        const api = new github_api/* GitHubApi */.y(cfg.githubApiUrl, alert.token, { ...(0,action_deps/* githubDeps */.kZ)(deps), warning: () => undefined });
        const issues = new Issues(api, alert.owner, alert.repo);
        const marker = markerOf(alert.target);
        const open = await issues.find(marker);
        if (!problem) {
            if (!open)
                return;
            await issues.close(open.number, `This is resolved: ${run ?? 'a later run'} succeeded. Closing.`);
            core.info(`Closed issue #${open.number} of ${repository}: this run succeeded.`);
            return;
        }
        if ('refreshExpiresAt' in problem && open && deps.now() - open.updatedAt < REMIND_AFTER_MS) {
            core.info(`Issue #${open.number} of ${repository} is open and was updated within a day; not commenting again.`);
            return;
        }
        // What the log showed is redacted already; the whole body is too, against every value masked.
        const body = (0,errors/* redact */.E$)(bodyOf(cfg, alert.target, problem, run, deps.now()), masker.values);
        if (open) {
            await issues.comment(open.number, body);
            core.info(`Commented on issue #${open.number} of ${repository}, which is about ${alert.target.name}.`);
        }
        else {
            const number = await issues.open((0,errors/* redact */.E$)(titleOf(alert, problem), masker.values), `${marker}\n${body}`);
            core.info(`Opened issue #${number} of ${repository} about ${alert.target.name}.`);
        }
    }
    catch (err) {
        core.warning((0,errors/* describeError */.Uc)(err, masker.values));
    }
}
/**
 * What identifies the issue of a target: a comment, hidden in its body, whole, so no name is
 * taken for another it begins. Names are compared as GitHub does, whatever their case; an
 * environment's is encoded, so no name can end the comment.
 */
function markerOf(t) {
    const at = t.kind === 'org'
        ? `org/${t.org}`
        : `${t.kind}/${t.owner}/${t.repo}${t.kind === 'env' ? `/${encodeURIComponent(t.environment)}` : ''}`;
    return `<!-- oauth-broker-alert: ${at.toLowerCase()}/${t.name.toLowerCase()} -->`;
}
/** An issue title is plain text: only a name an input gave that may hold anything is made one plain line. */
function titleOf(alert, problem) {
    const t = alert.target;
    let scope = '';
    if (t.kind === 'env')
        scope = ` (environment ${(0,neutral/* neutral */.SY)(t.environment, 60)})`;
    else if (t.kind === 'org')
        scope = ` (organization ${t.org})`;
    else if (`${t.owner}/${t.repo}`.toLowerCase() !== `${alert.owner}/${alert.repo}`.toLowerCase())
        scope = ` (${t.owner}/${t.repo})`;
    const what = 'failed' in problem
        ? 'could not be rotated'
        : `needs a new login by ${new Date(problem.refreshExpiresAt).toISOString().slice(0, 10)}`;
    return `oauth-broker: ${t.name}${scope} ${what}`;
}
/** The secret, in Markdown: every name in code, where nothing in it is a mention, link or markup. */
function describe(t) {
    const name = code(t.name);
    if (t.kind === 'org')
        return `the organization secret ${name} of ${code(t.org)}`;
    const repo = code(`${t.owner}/${t.repo}`);
    if (t.kind === 'repo')
        return `the repository secret ${name} of ${repo}`;
    return `the environment secret ${name} of ${repo} (environment ${code((0,neutral/* neutral */.SY)(t.environment, 200))})`;
}
/** A link to this run, built from the runner's variables only when each is what the runner sets. */
function runLink(env, repository) {
    const id = env.GITHUB_RUN_ID ?? '';
    let server;
    try {
        server = new URL(env.GITHUB_SERVER_URL ?? '');
    }
    catch {
        return undefined;
    }
    if (!/^\d{1,20}$/.test(id) || !['https:', 'http:'].includes(server.protocol))
        return undefined;
    const base = `${server.origin}${server.pathname.replace(/\/+$/, '')}`;
    return `[run ${id}](${base}/${repository}/actions/runs/${id})`;
}
function bodyOf(cfg, t, problem, run, now) {
    const seen = run ?? 'a workflow run';
    const relogin = codeBlock((0,target/* reloginCommand */.Cd)(cfg.provider.id, t), 'sh');
    if ('failed' in problem) {
        const { line, details } = problem.failed;
        const shown = [line, ...details].slice(0, MAX_LINES).map((l) => (0,neutral/* neutral */.SY)(l, MAX_LINE_CHARS));
        return [
            `oauth-broker could not rotate ${describe(t)} in ${seen}. What failed, as the log shows it:`,
            codeBlock(shown.join('\n'), 'text'),
            '**What to do.** The first line above names the fix; most failures need only that, then a re-run. ' +
                'If it says to log in again (the stored refresh token is spent, revoked or expired), make a new login ' +
                'for CI and store it (README: First login):',
            relogin,
            `The next run that succeeds closes this issue. ${NEVER_A_SECRET}`,
        ].join('\n\n');
    }
    return [
        `The refresh token in ${describe(t)} ${(0,duration/* describeExpiry */.Ts)(problem.refreshExpiresAt, now)}, as its provider ` +
            `said when it issued it (seen in ${seen}). Runs go on working until then; after that, the login is lost.`,
        '**What to do.** Make a new login for CI before then and store it (README: First login):',
        relogin,
        `The next run that succeeds after that closes this issue. ${NEVER_A_SECRET}`,
    ].join('\n\n');
}


/***/ })

};
