/**
 * A stand-in for the GitHub REST secrets API (repository, environment and
 * organisation secrets). It really opens every sealed box: with libsodium to answer, and
 * with tweetnacl + tweetnacl-sealedbox-js, an implementation independent of the libsodium
 * the action uses, whenever a test reads the value, so a test passes only if the
 * ciphertext is what GitHub accepts. It also serves Actions variables (github-variables.ts),
 * issues, and workflows with their runs (github-workflows.ts). Every answer carries GitHub's Date
 * header, from the stand-in's own clock.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import sodium from 'libsodium-wrappers';
import nacl from 'tweetnacl';
import { rememberSecret } from './fake-tokens.js';
import {
  type Answer,
  byName,
  type Data,
  DOCS,
  isRecord,
  isValidName,
  message,
  notFound,
  paged,
} from './github-answers.js';
import {
  copyVariable,
  createVariable,
  deleteVariable,
  getVariable,
  listVariables,
  type StoredVariable,
  storeVariable,
  updateVariable,
  type VariableScope,
  type Visibility,
} from './github-variables.js';
import {
  listJobs,
  listRuns,
  listWorkflows,
  type JobStatus,
  type StoredJob,
  type StoredRun,
  type StoredWorkflow,
  type WorkflowState,
} from './github-workflows.js';
import { Delays, closeServer, readBody, listenOnLoopback } from './http.js';

export type { StoredVariable } from './github-variables.js';
export type { StoredRun, StoredWorkflow, WorkflowState } from './github-workflows.js';

// The package ships no types and only a CommonJS build for Node.
const sealedbox = createRequire(import.meta.url)('tweetnacl-sealedbox-js') as {
  open(ciphertext: Uint8Array, publicKey: Uint8Array, secretKey: Uint8Array): Uint8Array | null;
};

export type Permission = 'none' | 'read' | 'write';

export interface TokenSpec {
  /** job = the workflow's own GITHUB_TOKEN */
  kind: 'pat' | 'app' | 'job';
  /** 'owner/name' it can see; default all */
  repos?: string[];
  /** organisations it can see; default all */
  orgs?: string[];
  /** repository Secrets permission, default 'write' */
  secrets?: Permission;
  /** Environments permission, default 'write' */
  environments?: Permission;
  /** organisation Secrets permission, default 'write' */
  orgSecrets?: Permission;
  /** sent as github-authentication-token-expiration, e.g. '2026-12-01 00:00:00 UTC' */
  expiresAt?: string;
  /** repository Issues permission, default 'write'; the job's own token has one too */
  issues?: Permission;
  /** repository Variables permission (actions_variables), default 'write' */
  variables?: Permission;
  /** organisation Variables permission (organization_actions_variables), default 'write' */
  orgVariables?: Permission;
  /** repository Actions permission (workflows and their runs), default 'write'; the job's own token has one too */
  actions?: Permission;
}

export interface StoredSecret {
  name: string;
  /** decrypted plaintext */
  value: string;
  created_at: string;
  updated_at: string;
  visibility?: 'all' | 'private' | 'selected';
  selected_repository_ids?: number[];
}

/** Who wrote an issue or comment: a job token writes as github-actions[bot], an app as its bot, a PAT as its user. */
export interface IssueUser {
  login: string;
  type: 'User' | 'Bot';
}

export interface IssueComment {
  id: number;
  body: string;
  user: IssueUser;
  created_at: string;
}

export interface StoredIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  user: IssueUser;
  /** OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, … */
  author_association: string;
  created_at: string;
  updated_at: string;
  comments: IssueComment[];
  /** A pull request, which GitHub lists among the issues. */
  pull_request?: boolean;
}

export interface GitHubRequest {
  method: string;
  /** without prefix, without query */
  path: string;
  /** the status sent; 0 when a fault reset the socket or left it hanging */
  status: number;
  headers: IncomingHttpHeaders;
}

export interface GitHubFault {
  method?: string;
  pathIncludes?: string;
  /** Answer this status (body: a JSON error, or `body`) instead of processing the request. */
  status?: number;
  /** Added to the answer's headers, or replacing them; one of '' is not sent (`date: ''`: no Date at all). */
  headers?: Record<string, string>;
  body?: string;
  /** wait before applying the rest of the fault (or the normal answer) */
  delayMs?: number;
  /** GitHub's clock moves on this far first: the time a client waited, without waiting it. */
  advanceMs?: number;
  /** Reset the socket, or never answer, instead of processing the request. */
  action?: 'reset' | 'hang';
  /** Only requests whose path (without prefix) matches. */
  path?: RegExp;
  /** Answer as usual (the write happens), but with this body: a malformed success. */
  bodyAfter?: string;
  /**
   * Process the request as usual (the write happens), then lose its answer: reset the socket, never
   * answer, or answer this status instead (with bodyAfter, or a JSON error body). Ignored when the
   * fault also has action, status or body, which replace the processing itself.
   */
  after?: 'reset' | 'hang' | number;
}

/** Where variables (or secrets) live: a repository, one of its environments, or an organisation. */
export type Where = { repo: string; env?: string } | { org: string };

export interface GitHubServer {
  /** includes the prefix: what you would pass as github-api-url */
  url: string;
  addRepo(fullName: string, opts?: { id?: number; environments?: string[] }): void;
  addOrg(org: string): void;
  addToken(token: string, spec: TokenSpec): void;
  setRepoSecret(repo: string, name: string, value: string): void;
  setEnvSecret(repo: string, env: string, name: string, value: string): void;
  setOrgSecret(
    org: string,
    name: string,
    value: string,
    visibility: 'all' | 'private' | 'selected',
    selectedRepositoryIds?: number[],
  ): void;
  repoSecret(repo: string, name: string): StoredSecret | undefined;
  envSecret(repo: string, env: string, name: string): StoredSecret | undefined;
  orgSecret(org: string, name: string): StoredSecret | undefined;
  /** Names of the secrets stored there: a repository's, one of its environments', or an organisation's. */
  secretNames(where: Where): string[];
  /** An Actions variable, as stored (a copy), or undefined. Names are case-insensitive. */
  variable(where: Where, name: string): StoredVariable | undefined;
  /** Names of the variables stored there (upper-cased, sorted). */
  variableNames(where: Where): string[];
  /**
   * Creates or replaces a variable without GitHub's checks (name, size, limits), stamped by the
   * stand-in's clock. An organisation's is 'private' unless `access` says otherwise.
   */
  setVariable(where: Where, name: string, value: string, access?: { visibility: Visibility; ids?: number[] }): void;
  /** Adds a workflow (`state` active unless given); its id. */
  addWorkflow(repo: string, workflow: { path: string; name?: string; state?: WorkflowState }): number;
  /** A job of a workflow run's attempt, on `runner` (in progress unless `status` says otherwise); its id. */
  addJob(repo: string, job: { run: number; attempt: number; runner: string; status?: JobStatus }): number;
  /** Sets a job's status: `completed` once its runner finished it, or GitHub gave up on a dead one. */
  setJobStatus(repo: string, id: number, status: JobStatus): void;
  /** Sets a workflow's state: what enabling or disabling it does. */
  setWorkflowState(repo: string, id: number, state: WorkflowState): void;
  /** Adds a run of a workflow, stamped by the stand-in's clock (completed unless `status` says otherwise); its id. */
  addWorkflowRun(repo: string, id: number, run: { conclusion: string | null; status?: string; event?: string }): number;
  /** A repository's issues and pull requests, with their comments, in the order they were opened (copies). */
  issues(repo: string): StoredIssue[];
  /** An issue (or pull request) opened by someone other than the broker; its number. */
  addIssue(
    repo: string,
    issue: { title: string; body?: string; user?: IssueUser; association?: string; pullRequest?: boolean },
  ): number;
  publicKey: { key_id: string; key: string };
  requests: GitHubRequest[];
  /** the first fault matching a request is removed and applied to it (see GitHubFault: before or after processing) */
  faults: GitHubFault[];
  /** Answers without `x-github-request-id`, as behind a proxy that drops it. */
  dropRequestIds: boolean;
  /**
   * Moves the stand-in's clock, GitHub's, by ms: forward instead of waiting, or backward with a
   * negative ms, to skew GitHub's clock against the runner's (Date.now()). The clock stamps
   * created_at/updated_at and every answer's Date header; x-ratelimit-reset stays where it was.
   */
  advance(ms: number): void;
  /** GitHub's clock: the real one plus whatever advance() added, in ms since the epoch. */
  now(): number;
  /**
   * Moves the stand-in's clock to the start of its next whole second: whatever is written in the
   * next 1000 ms of real time shares one stamp, as on GitHub within one second.
   */
  startSecond(): void;
  close(): Promise<void>;
}

/** GitHub's documented limit on a secret value. */
export const MAX_SECRET_BYTES = 48 * 1024;

type PermissionKey = 'secrets' | 'environments' | 'orgSecrets' | 'issues' | 'variables' | 'orgVariables' | 'actions';

interface Repo {
  id: number;
  fullName: string;
  secrets: Map<string, StoredSecret>;
  variables: Map<string, StoredVariable>;
  /** keyed by lower-cased name: GitHub environment names are case-insensitive */
  environments: Map<string, Environment>;
  /** issues and pull requests share one sequence of numbers: number n is at n - 1 */
  issues: StoredIssue[];
  workflows: StoredWorkflow[];
  jobs: StoredJob[];
}

interface Environment {
  id: number;
  name: string;
  secrets: Map<string, StoredSecret>;
  variables: Map<string, StoredVariable>;
}

interface Org {
  id: number;
  login: string;
  secrets: Map<string, StoredSecret>;
  variables: Map<string, StoredVariable>;
}

/** A route resolved to its target and the permission it needs; `run` produces the answer. */
interface Route {
  repo?: string;
  org?: string;
  permission?: PermissionKey;
  access: 'read' | 'write';
  run(token: TokenSpec): Answer;
}

const PERMISSION_HEADER: Record<PermissionKey, string> = {
  secrets: 'secrets',
  environments: 'environments',
  orgSecrets: 'organization_secrets',
  issues: 'issues',
  variables: 'actions_variables',
  orgVariables: 'organization_actions_variables',
  actions: 'actions',
};
/** GitHub's limit on the body of an issue or comment. */
export const MAX_ISSUE_BODY = 65536;
const LEVEL: Record<Permission, number> = { none: 0, read: 1, write: 2 };

const API_VERSION = '2022-11-28';

/** GitHub's pages of secrets: 30 unless asked, at most 100. */
const SECRET_PAGES = { perPage: 30, max: 100 };

// GitHub's OpenAPI description of the secrets answers; repository and environment secrets share
// one schema, so each answer is checked against both operations.
type SecretJson = Data<'GET /repos/{owner}/{repo}/actions/secrets/{secret_name}'> &
  Data<'GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}'>;
type SecretList = Data<'GET /repos/{owner}/{repo}/actions/secrets'> &
  Data<'GET /repos/{owner}/{repo}/environments/{environment_name}/secrets'>;
type PublicKey = Data<'GET /repos/{owner}/{repo}/actions/secrets/public-key'> &
  Data<'GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key'> &
  Data<'GET /orgs/{org}/actions/secrets/public-key'>;

const secretJson = (s: StoredSecret): SecretJson => ({
  name: s.name,
  created_at: s.created_at,
  updated_at: s.updated_at,
});

/** Strict standard base64: Buffer.from would silently skip invalid characters. */
function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  return new Uint8Array(Buffer.from(text, 'base64'));
}

function randomKeyId(): string {
  // GitHub's key ids look like 18-digit decimal numbers.
  const n = BigInt(`0x${randomBytes(8).toString('hex')}`) % 900000000000000000n;
  return String(100000000000000000n + n);
}

function requestId(): string {
  const hex = (bytes: number): string => randomBytes(bytes).toString('hex').toUpperCase();
  return `${hex(2)}:${hex(2)}:${hex(3)}:${hex(4)}:${hex(4)}`;
}

const copy = (secret: StoredSecret | undefined): StoredSecret | undefined =>
  secret && {
    ...secret,
    ...(secret.selected_repository_ids ? { selected_repository_ids: [...secret.selected_repository_ids] } : {}),
  };

// One key pair for every stand-in of the process: making one costs a scalar multiplication in pure JS.
let keyPair: nacl.BoxKeyPair | undefined;
const sharedKeyPair = (): nacl.BoxKeyPair => (keyPair ??= nacl.box.keyPair());

class FakeGitHubServer implements GitHubServer {
  url = '';
  requests: GitHubRequest[] = [];
  faults: GitHubFault[] = [];
  dropRequestIds = false;
  readonly publicKey: { key_id: string; key: string };

  private readonly keyPair = sharedKeyPair();
  private readonly repos = new Map<string, Repo>();
  private readonly orgs = new Map<string, Org>();
  private readonly tokens = new Map<string, TokenSpec>();
  private readonly delays = new Delays();
  private nextId = 1000;
  private offsetMs = 0;
  private remaining = 5000;
  private readonly resetAt = Math.floor(Date.now() / 1000) + 3600;
  private readonly server = createServer((req, res) => {
    this.handle(req, res).catch((err: unknown) => {
      // A bug in the stand-in must surface as a failed request, not a hung test.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });

  constructor(private readonly prefix: string) {
    this.publicKey = { key_id: randomKeyId(), key: Buffer.from(this.keyPair.publicKey).toString('base64') };
  }

  async listen(): Promise<void> {
    this.url = `${await listenOnLoopback(this.server)}${this.prefix}`;
  }

  close(): Promise<void> {
    return closeServer(this.server, this.delays);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  startSecond(): void {
    this.offsetMs += 1000 - (this.now() % 1000);
  }

  // ---- test-side setup and inspection -------------------------------------

  addRepo(fullName: string, opts: { id?: number; environments?: string[] } = {}): void {
    let repo = this.repos.get(fullName.toLowerCase());
    if (!repo) {
      if (!/^[^/\s]+\/[^/\s]+$/.test(fullName)) throw new Error(`addRepo: expected owner/name, got ${fullName}`);
      const id = opts.id ?? this.nextId++;
      repo = {
        id,
        fullName,
        secrets: new Map(),
        variables: new Map(),
        environments: new Map(),
        issues: [],
        workflows: [],
        jobs: [],
      };
      this.repos.set(fullName.toLowerCase(), repo);
    } else if (opts.id !== undefined) {
      repo.id = opts.id;
    }
    for (const env of opts.environments ?? []) {
      if (!repo.environments.has(env.toLowerCase()))
        repo.environments.set(env.toLowerCase(), {
          id: this.nextId++,
          name: env,
          secrets: new Map(),
          variables: new Map(),
        });
    }
  }

  addOrg(org: string): void {
    if (!this.orgs.has(org.toLowerCase()))
      this.orgs.set(org.toLowerCase(), { id: this.nextId++, login: org, secrets: new Map(), variables: new Map() });
  }

  addToken(token: string, spec: TokenSpec): void {
    // A token GitHub knows is a secret the harness must never find in a log.
    rememberSecret(token);
    this.tokens.set(token, { ...spec });
  }

  setRepoSecret(repo: string, name: string, value: string): void {
    this.upsert(this.mustRepo(repo).secrets, name, value);
  }

  setEnvSecret(repo: string, env: string, name: string, value: string): void {
    this.upsert(this.mustEnv(repo, env).secrets, name, value);
  }

  setOrgSecret(
    org: string,
    name: string,
    value: string,
    visibility: Visibility,
    selectedRepositoryIds?: number[],
  ): void {
    this.upsert(this.mustOrg(org).secrets, name, value, visibility, selectedRepositoryIds);
  }

  repoSecret(repo: string, name: string): StoredSecret | undefined {
    return copy(this.repos.get(repo.toLowerCase())?.secrets.get(name.toUpperCase()));
  }

  envSecret(repo: string, env: string, name: string): StoredSecret | undefined {
    return copy(
      this.repos.get(repo.toLowerCase())?.environments.get(env.toLowerCase())?.secrets.get(name.toUpperCase()),
    );
  }

  orgSecret(org: string, name: string): StoredSecret | undefined {
    return copy(this.orgs.get(org.toLowerCase())?.secrets.get(name.toUpperCase()));
  }

  secretNames(where: Where): string[] {
    const store =
      'org' in where
        ? this.mustOrg(where.org).secrets
        : where.env === undefined
          ? this.mustRepo(where.repo).secrets
          : this.mustEnv(where.repo, where.env).secrets;
    return [...store.keys()].sort();
  }

  variable(where: Where, name: string): StoredVariable | undefined {
    return copyVariable(this.mustVariables(where).store.get(name.toUpperCase()));
  }

  variableNames(where: Where): string[] {
    return [...this.mustVariables(where).store.keys()].sort();
  }

  setVariable(where: Where, name: string, value: string, access?: { visibility: Visibility; ids?: number[] }): void {
    storeVariable(
      this.mustVariables(where),
      name,
      value,
      'org' in where ? (access ?? { visibility: 'private' }) : undefined,
    );
  }

  addWorkflow(repo: string, workflow: { path: string; name?: string; state?: WorkflowState }): number {
    const id = this.nextId++;
    const name = workflow.name ?? workflow.path.split('/').pop() ?? workflow.path;
    const state = workflow.state ?? 'active';
    this.mustRepo(repo).workflows.push({ id, name, path: workflow.path, state, created_at: this.stamp(), runs: [] });
    return id;
  }

  addJob(repo: string, job: { run: number; attempt: number; runner: string; status?: JobStatus }): number {
    const id = this.nextId++;
    const { run, attempt, runner } = job;
    const status = job.status ?? 'in_progress';
    this.mustRepo(repo).jobs.push({ id, run, attempt, runner, status, created_at: this.stamp() });
    return id;
  }

  setJobStatus(repo: string, id: number, status: JobStatus): void {
    const found = this.mustRepo(repo).jobs.find((j) => j.id === id);
    if (!found) throw new Error(`unknown job ${id} of ${repo}: call addJob first`);
    found.status = status;
  }

  setWorkflowState(repo: string, id: number, state: WorkflowState): void {
    const found = this.mustRepo(repo).workflows.find((w) => w.id === id);
    if (!found) throw new Error(`unknown workflow ${id} of ${repo}: call addWorkflow first`);
    found.state = state;
  }

  addWorkflowRun(
    repo: string,
    id: number,
    run: { conclusion: string | null; status?: string; event?: string },
  ): number {
    const found = this.mustRepo(repo).workflows.find((w) => w.id === id);
    if (!found) throw new Error(`unknown workflow ${id} of ${repo}: call addWorkflow first`);
    const stored: StoredRun = {
      id: this.nextId++,
      status: run.status ?? 'completed',
      conclusion: run.conclusion,
      event: run.event ?? 'schedule',
      created_at: this.stamp(),
    };
    found.runs.push(stored);
    return stored.id;
  }

  issues(repo: string): StoredIssue[] {
    return this.mustRepo(repo).issues.map((i) => ({
      ...i,
      user: { ...i.user },
      comments: i.comments.map((c) => ({ ...c })),
    }));
  }

  addIssue(
    repo: string,
    issue: { title: string; body?: string; user?: IssueUser; association?: string; pullRequest?: boolean },
  ): number {
    const author = { user: issue.user ?? { login: 'someone', type: 'User' as const }, association: issue.association };
    const added = this.openIssue(this.mustRepo(repo), issue.title, issue.body ?? '', author);
    if (issue.pullRequest) added.pull_request = true;
    return added.number;
  }

  private mustRepo(fullName: string): Repo {
    const repo = this.repos.get(fullName.toLowerCase());
    if (!repo) throw new Error(`unknown repository ${fullName}: call addRepo first`);
    return repo;
  }

  private mustEnv(fullName: string, env: string): Environment {
    const found = this.mustRepo(fullName).environments.get(env.toLowerCase());
    if (!found) throw new Error(`unknown environment ${env} of ${fullName}: pass it to addRepo`);
    return found;
  }

  private mustOrg(org: string): Org {
    const found = this.orgs.get(org.toLowerCase());
    if (!found) throw new Error(`unknown organisation ${org}: call addOrg first`);
    return found;
  }

  /**
   * A repository, one of its environments or an organisation, if known, with the URL its lists of
   * secrets and variables hang under (…/actions, or the environment's own URL).
   */
  private place(
    where: Where,
  ): { secrets: Map<string, StoredSecret>; variables: Map<string, StoredVariable>; base: string } | undefined {
    if ('org' in where) {
      const org = this.orgs.get(where.org.toLowerCase());
      return org && { ...org, base: `${this.url}/orgs/${org.login}/actions` };
    }
    const repo = this.repos.get(where.repo.toLowerCase());
    if (!repo || where.env === undefined)
      return repo && { ...repo, base: `${this.url}/repos/${repo.fullName}/actions` };
    const env = repo.environments.get(where.env.toLowerCase());
    return env && { ...env, base: `${this.url}/repos/${repo.fullName}/environments/${encodeURIComponent(env.name)}` };
  }

  private variableScope(where: Where): VariableScope | undefined {
    const found = this.place(where);
    const kind = 'org' in where ? 'org' : where.env === undefined ? 'repo' : 'env';
    return found && { kind, store: found.variables, url: `${found.base}/variables`, now: () => this.stamp() };
  }

  /** The test side's lookup: an unknown place is the test's mistake, named by the must* helpers. */
  private mustVariables(where: Where): VariableScope {
    if ('org' in where) this.mustOrg(where.org);
    else if (where.env === undefined) this.mustRepo(where.repo);
    else this.mustEnv(where.repo, where.env);
    return this.variableScope(where)!;
  }

  /** ISO timestamps like GitHub's: whole seconds of the stand-in's clock, so two writes in one second share one. */
  private stamp(): string {
    return new Date(Math.floor(this.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }

  /** Returns true when the secret was created, false when updated. */
  private upsert(
    store: Map<string, StoredSecret>,
    name: string,
    value: string | (() => string),
    visibility?: Visibility,
    selectedRepositoryIds?: number[],
  ): boolean {
    const key = name.toUpperCase();
    const now = this.stamp();
    const existing = store.get(key);
    const secret = { name: key, created_at: existing?.created_at ?? now, updated_at: now } as StoredSecret;
    if (typeof value === 'string') secret.value = value;
    else {
      let opened: string | undefined;
      Object.defineProperty(secret, 'value', { enumerable: true, get: () => (opened ??= value()) });
    }
    if (visibility) secret.visibility = visibility;
    if (visibility === 'selected') secret.selected_repository_ids = [...(selectedRepositoryIds ?? [])];
    store.set(key, secret);
    return existing === undefined;
  }

  // ---- HTTP ---------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = (await readBody(req)).toString('utf8');
    const method = (req.method ?? '').toUpperCase();
    const [rawPath = '', query = ''] = (req.url ?? '').split('?', 2);
    const underPrefix = rawPath === this.prefix || rawPath.startsWith(`${this.prefix}/`);
    const path = underPrefix ? rawPath.slice(this.prefix.length) || '/' : rawPath;
    const record = (status: number): void => {
      this.requests.push({ method, path, status, headers: req.headers });
    };

    const faultIndex = this.faults.findIndex(
      (f) =>
        (f.method === undefined || f.method.toUpperCase() === method) &&
        (f.pathIncludes === undefined || path.includes(f.pathIncludes)) &&
        (f.path === undefined || f.path.test(path)),
    );
    const fault = faultIndex >= 0 ? this.faults.splice(faultIndex, 1)[0] : undefined;
    if (fault?.delayMs) await this.delays.sleep(fault.delayMs);
    if (fault?.advanceMs) this.advance(fault.advanceMs);
    if (fault?.action === 'hang' || fault?.action === 'reset') {
      record(0);
      if (fault.action === 'reset') req.socket.destroy();
      return;
    }

    const token = this.tokenOf(req.headers);
    const faultBody = (status: number): string =>
      status === 204 ? '' : JSON.stringify({ message: `fault ${status}`, documentation_url: DOCS });
    if (fault && (fault.status !== undefined || fault.body !== undefined)) {
      const status = fault.status ?? 500;
      this.send(res, { status }, token, fault.headers, fault.body ?? faultBody(status));
      record(status);
      return;
    }

    if (req.headers['x-github-api-version'] !== API_VERSION) {
      // GitHub answers 400 to a version it does not serve; the broker pins the one it is tested with.
      const refused = message(400, `API version '${String(req.headers['x-github-api-version'])}' is not supported.`);
      this.send(res, refused, token, undefined);
      record(refused.status);
      return;
    }
    const answer = underPrefix ? this.route(method, path, query, req.headers, raw) : notFound();
    // Processed, and now the answer is lost: what a client sees when GitHub wrote but the network failed.
    if (fault?.after === 'reset' || fault?.after === 'hang') {
      record(0);
      if (fault.after === 'reset') req.socket.destroy();
      return;
    }
    if (typeof fault?.after === 'number') {
      this.send(res, { status: fault.after }, token, fault.headers, fault.bodyAfter ?? faultBody(fault.after));
      record(fault.after);
      return;
    }
    this.send(res, answer, token, fault?.headers, fault?.bodyAfter);
    record(answer.status);
  }

  private tokenOf(headers: IncomingHttpHeaders): TokenSpec | undefined {
    const match = /^(?:bearer|token)\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
    return match?.[1] === undefined ? undefined : this.tokens.get(match[1]);
  }

  private send(
    res: ServerResponse,
    answer: Answer,
    token: TokenSpec | undefined,
    extra: Record<string, string> | undefined,
    rawBody?: string,
  ): void {
    this.remaining = Math.max(0, this.remaining - 1);
    const headers: Record<string, string> = {
      // GitHub's clock, as GitHub sends it (IMF-fixdate): a client judges deadlines by it, not the runner's.
      date: new Date(this.now()).toUTCString(),
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(this.remaining),
      'x-ratelimit-reset': String(this.resetAt),
      'x-ratelimit-used': String(5000 - this.remaining),
      'x-ratelimit-resource': 'core',
      'x-github-request-id': this.dropRequestIds ? '' : requestId(),
      ...(token?.expiresAt ? { 'github-authentication-token-expiration': token.expiresAt } : {}),
      ...answer.headers,
      ...extra,
    };
    // A fault's header of '' is not sent: `date: ''` sends no Date at all (Node's http would add the real
    // clock's), `'x-github-request-id': ''` an answer that is not GitHub's own (a load balancer's).
    for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
    if (!('date' in headers)) res.sendDate = false;
    res.writeHead(answer.status, headers);
    if (rawBody !== undefined) res.end(rawBody);
    else res.end(answer.status === 204 || answer.body === undefined ? '' : JSON.stringify(answer.body));
  }

  /** Authentication, visibility and permissions in the order GitHub applies them. */
  private route(method: string, path: string, query: string, headers: IncomingHttpHeaders, raw: string): Answer {
    const route = this.match(method, path, query, raw);
    if (!route) return notFound();

    const authorization = headers.authorization;
    if (!authorization) return message(401, 'Requires authentication');
    const token = this.tokenOf(headers);
    if (!token) return message(401, 'Bad credentials');

    // Targets a token cannot see, or that do not exist, are both 404: GitHub does not tell them apart.
    if (route.repo !== undefined) {
      if (token.repos && !token.repos.some((r) => r.toLowerCase() === route.repo?.toLowerCase())) return notFound();
      if (!this.repos.has(route.repo.toLowerCase())) return notFound();
    }
    if (route.org !== undefined) {
      if (token.orgs && !token.orgs.some((o) => o.toLowerCase() === route.org?.toLowerCase())) return notFound();
      if (!this.orgs.has(route.org.toLowerCase())) return notFound();
    }

    if (route.permission) {
      const needed = `${PERMISSION_HEADER[route.permission]}=${route.access}`;
      // The job's own token never has a secrets permission; its issues permission is the workflow's to give.
      if (token.kind === 'job' && route.permission !== 'issues' && route.permission !== 'actions') {
        return message(403, 'Resource not accessible by integration', { 'x-accepted-github-permissions': needed });
      }
      if (LEVEL[token[route.permission] ?? 'write'] < LEVEL[route.access]) {
        const who = token.kind === 'pat' ? 'personal access token' : 'integration';
        return message(403, `Resource not accessible by ${who}`, { 'x-accepted-github-permissions': needed });
      }
    }
    return route.run(token);
  }

  private match(method: string, path: string, query: string, raw: string): Route | undefined {
    let segments: string[];
    try {
      segments = path.split('/').slice(1).map(decodeURIComponent);
    } catch {
      return undefined;
    }
    if (segments.at(-1) === '') segments.pop();
    const [root, a, b, c, d, e, f] = segments;
    const n = segments.length;
    const read = method === 'GET';
    const write = method === 'PUT';
    const remove = method === 'DELETE';

    if (root === 'repos' && a !== undefined && b !== undefined) {
      const repo = `${a}/${b}`;
      if (n === 3 && read) return { repo, access: 'read', run: () => this.getRepo(repo) };
      if (c === 'actions' && d === 'secrets' && n === 5 && read) {
        return {
          repo,
          permission: 'secrets',
          access: 'read',
          run: () => this.listSecrets({ repo }, query),
        };
      }
      if (c === 'actions' && d === 'variables')
        return this.variableRoute({ repo }, 'variables', method, segments.slice(5), query, raw);
      if (c === 'actions' && d === 'workflows' && read && (n === 5 || (n === 7 && f === 'runs'))) {
        const run = () =>
          e === undefined
            ? listWorkflows(this.url, this.mustRepo(repo), query)
            : listRuns(this.url, this.mustRepo(repo), e, query);
        return { repo, permission: 'actions', access: 'read', run };
      }
      // …/actions/runs/{run_id}/attempts/{attempt_number}/jobs
      if (c === 'actions' && d === 'runs' && read && n === 9 && f === 'attempts' && segments[8] === 'jobs') {
        const run = () => listJobs(this.url, this.mustRepo(repo), e as string, segments[7] as string, query);
        return { repo, permission: 'actions', access: 'read', run };
      }
      if (c === 'actions' && d === 'secrets' && n === 6 && e !== undefined) {
        const store = () => this.mustRepo(repo).secrets;
        if (e === 'public-key' && read)
          return { repo, permission: 'secrets', access: 'read', run: () => this.getKey() };
        if (read) return { repo, permission: 'secrets', access: 'read', run: () => this.getSecret(store(), e) };
        if (write)
          return { repo, permission: 'secrets', access: 'write', run: () => this.putSecret(store(), e, raw, false) };
        if (remove) return { repo, permission: 'secrets', access: 'write', run: () => this.deleteSecret(store(), e) };
      }
      if (c === 'issues') {
        const issues = (access: 'read' | 'write', run: Route['run']): Route => ({
          repo,
          permission: 'issues',
          access,
          run,
        });
        if (n === 4 && read) return issues('read', () => this.listIssues(repo, query));
        if (n === 4 && method === 'POST') return issues('write', (t) => this.createIssue(repo, raw, t));
        if (n === 5 && method === 'PATCH') return issues('write', () => this.updateIssue(repo, d, raw));
        if (n === 6 && e === 'comments' && method === 'POST')
          return issues('write', (t) => this.createComment(repo, d, raw, t));
        return undefined;
      }
      if (c === 'environments' && d !== undefined) {
        const env = d;
        // An unknown environment is a 404, checked after the token's permissions.
        const withEnv = (fn: (environment: Environment) => Answer) => (): Answer => {
          const found = this.repos.get(repo.toLowerCase())?.environments.get(env.toLowerCase());
          return found ? fn(found) : notFound();
        };
        if (n === 5 && read) {
          return { repo, access: 'read', run: withEnv((x) => ({ status: 200, body: { id: x.id, name: x.name } })) };
        }
        const envRoute = (access: 'read' | 'write', run: Route['run']): Route => ({
          repo,
          permission: 'environments',
          access,
          run,
        });
        if (e === 'secrets' && n === 6 && read)
          return envRoute(
            'read',
            withEnv(() => this.listSecrets({ repo, env }, query)),
          );
        if (e === 'variables')
          return this.variableRoute({ repo, env }, 'environments', method, segments.slice(6), query, raw);
        if (e === 'secrets' && n === 7 && f !== undefined) {
          if (f === 'public-key' && read)
            return envRoute(
              'read',
              withEnv(() => this.getKey()),
            );
          if (read)
            return envRoute(
              'read',
              withEnv((x) => this.getSecret(x.secrets, f)),
            );
          if (write)
            return envRoute(
              'write',
              withEnv((x) => this.putSecret(x.secrets, f, raw, false)),
            );
          if (remove)
            return envRoute(
              'write',
              withEnv((x) => this.deleteSecret(x.secrets, f)),
            );
        }
      }
      return undefined;
    }

    if (root === 'orgs' && a !== undefined) {
      const org = a;
      if (n === 2 && read) return { org, access: 'read', run: () => this.getOrg(org) };
      if (b === 'actions' && c === 'variables')
        return this.variableRoute({ org }, 'orgVariables', method, segments.slice(4), query, raw);
      if (b === 'actions' && c === 'secrets' && n === 4 && read)
        return { org, permission: 'orgSecrets', access: 'read', run: () => this.listSecrets({ org }, query) };
      if (b === 'actions' && c === 'secrets' && d !== undefined) {
        const store = () => this.mustOrg(org).secrets;
        if (n === 5 && d === 'public-key' && read)
          return { org, permission: 'orgSecrets', access: 'read', run: () => this.getKey() };
        if (n === 5 && read)
          return { org, permission: 'orgSecrets', access: 'read', run: () => this.getOrgSecret(org, d) };
        if (n === 5 && write)
          return { org, permission: 'orgSecrets', access: 'write', run: () => this.putSecret(store(), d, raw, true) };
        if (n === 5 && remove)
          return { org, permission: 'orgSecrets', access: 'write', run: () => this.deleteSecret(store(), d) };
        if (n === 6 && e === 'repositories' && read) {
          const run = () => this.listSelected({ org }, 'secrets', store().get(d.toUpperCase()), query);
          return { org, permission: 'orgSecrets', access: 'read', run };
        }
      }
      return undefined;
    }
    return undefined;
  }

  /** The routes under a place's …/variables; `rest` is what follows `variables` in the path. */
  private variableRoute(
    where: Where,
    permission: PermissionKey,
    method: string,
    rest: string[],
    query: string,
    raw: string,
  ): Route | undefined {
    // Looked up when the route runs: an unknown environment is a 404 after the permission check.
    const route = (access: 'read' | 'write', fn: (scope: VariableScope) => Answer): Route => ({
      ...('org' in where ? { org: where.org } : { repo: where.repo }),
      permission,
      access,
      run: () => {
        const scope = this.variableScope(where);
        return scope ? fn(scope) : notFound();
      },
    });
    const [name, sub] = rest;
    if (name === undefined && method === 'GET') return route('read', (s) => listVariables(s, query));
    if (name === undefined && method === 'POST') return route('write', (s) => createVariable(s, raw));
    if (name === undefined || rest.length > 2) return undefined;
    if (rest.length === 2) {
      if (sub !== 'repositories' || method !== 'GET' || !('org' in where)) return undefined;
      return route('read', (s) => this.listSelected(where, 'variables', s.store.get(name.toUpperCase()), query));
    }
    if (method === 'GET') return route('read', (s) => getVariable(s, name));
    if (method === 'PATCH') return route('write', (s) => updateVariable(s, name, raw));
    if (method === 'DELETE') return route('write', (s) => deleteVariable(s, name));
    return undefined;
  }

  // ---- handlers -----------------------------------------------------------

  private getKey(): Answer {
    return { status: 200, body: { ...this.publicKey } satisfies PublicKey };
  }

  private getRepo(fullName: string): Answer {
    const repo = this.mustRepo(fullName);
    const [owner = '', name = ''] = repo.fullName.split('/');
    return {
      status: 200,
      body: {
        id: repo.id,
        name,
        full_name: repo.fullName,
        private: true,
        owner: { login: owner },
        default_branch: 'main',
      },
    };
  }

  private getOrg(login: string): Answer {
    const org = this.mustOrg(login);
    return { status: 200, body: { login: org.login, id: org.id } };
  }

  /** GitHub's list: names and timestamps by name, in pages (30 unless asked, at most 100); never a value. */
  private listSecrets(where: Where, query: string): Answer {
    const found = this.place(where);
    if (!found) return notFound();
    const all = [...found.secrets.values()].sort(byName);
    const { items, headers } = paged(all, query, `${found.base}/secrets`, SECRET_PAGES);
    const body =
      'org' in where
        ? ({
            total_count: all.length,
            secrets: items.map((s) => this.orgSecretJson(s, `${found.base}/secrets`)),
          } satisfies Data<'GET /orgs/{org}/actions/secrets'>)
        : ({ total_count: all.length, secrets: items.map(secretJson) } satisfies SecretList);
    return { status: 200, body, ...(headers ? { headers } : {}) };
  }

  private deleteSecret(store: Map<string, StoredSecret>, name: string): Answer {
    return store.delete(name.toUpperCase()) ? { status: 204 } : notFound();
  }

  private getSecret(store: Map<string, StoredSecret>, name: string): Answer {
    const secret = store.get(name.toUpperCase());
    return secret ? { status: 200, body: secretJson(secret) } : notFound();
  }

  private getOrgSecret(login: string, name: string): Answer {
    const org = this.mustOrg(login);
    const secret = org.secrets.get(name.toUpperCase());
    if (!secret) return notFound();
    return { status: 200, body: this.orgSecretJson(secret, `${this.url}/orgs/${org.login}/actions/secrets`) };
  }

  private orgSecretJson(secret: StoredSecret, listUrl: string): Data<'GET /orgs/{org}/actions/secrets/{secret_name}'> {
    return {
      ...secretJson(secret),
      visibility: secret.visibility ?? 'private',
      ...(secret.visibility === 'selected'
        ? { selected_repositories_url: `${listUrl}/${secret.name}/repositories` }
        : {}),
    };
  }

  /** The repositories an organisation secret or variable is visible to, paged (30 unless asked, at most 100). */
  private listSelected(
    where: { org: string },
    list: 'secrets' | 'variables',
    item: StoredSecret | StoredVariable | undefined,
    query: string,
  ): Answer {
    const org = this.mustOrg(where.org);
    if (!item) return notFound();
    if (item.visibility !== 'selected') {
      const what = list === 'secrets' ? 'Secret' : 'Variable';
      return {
        status: 409,
        body: { message: `${what} ${item.name} does not have visibility 'selected'`, documentation_url: DOCS },
      };
    }
    const ids = item.selected_repository_ids ?? [];
    const base = `${this.url}/orgs/${org.login}/actions/${list}/${item.name}/repositories`;
    const { items, headers } = paged(ids, query, base, SECRET_PAGES);
    const byId = new Map([...this.repos.values()].map((r) => [r.id, r] as const));
    // Ids of repositories the test never added still round-trip, so a read-modify-write keeps them.
    const repositories = items.map((id) => {
      const repo = byId.get(id);
      const fullName = repo?.fullName ?? `${org.login}/repo-${id}`;
      return { id, name: fullName.split('/')[1], full_name: fullName };
    });
    return { status: 200, body: { total_count: ids.length, repositories }, ...(headers ? { headers } : {}) };
  }

  /** Who a token writes as, and how GitHub relates that author to the repository. */
  private authorOf(token: TokenSpec): { user: IssueUser; association: string } {
    if (token.kind === 'pat') return { user: { login: 'octocat', type: 'User' }, association: 'OWNER' };
    const login = token.kind === 'job' ? 'github-actions[bot]' : 'oauth-broker-app[bot]';
    return { user: { login, type: 'Bot' }, association: 'NONE' };
  }

  private openIssue(repo: Repo, title: string, body: string, author: { user: IssueUser; association?: string }) {
    const now = this.stamp();
    const issue: StoredIssue = {
      number: repo.issues.length + 1,
      title,
      body,
      state: 'open',
      state_reason: null,
      user: { ...author.user },
      author_association: author.association ?? 'NONE',
      created_at: now,
      updated_at: now,
      comments: [],
    };
    repo.issues.push(issue);
    return issue;
  }

  private issueJson(repo: Repo, i: StoredIssue): Record<string, unknown> {
    const url = `${this.url}/repos/${repo.fullName}/issues/${i.number}`;
    return {
      id: 1_000_000 + i.number,
      number: i.number,
      url,
      html_url: `https://github.example/${repo.fullName}/issues/${i.number}`,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.state_reason,
      user: { ...i.user },
      author_association: i.author_association,
      comments: i.comments.length,
      created_at: i.created_at,
      updated_at: i.updated_at,
      ...(i.pull_request ? { pull_request: { url: url.replace('/issues/', '/pulls/') } } : {}),
    };
  }

  /** GitHub's list: issues and pull requests, by state, sorted and paged as asked (newest first by default). */
  private listIssues(fullName: string, query: string): Answer {
    const repo = this.mustRepo(fullName);
    const params = new URLSearchParams(query);
    const state = params.get('state') ?? 'open';
    if (!['open', 'closed', 'all'].includes(state)) return message(422, 'Validation Failed');
    const perPage = Math.min(100, Math.max(1, Number(params.get('per_page')) || 30));
    const page = Math.max(1, Number(params.get('page')) || 1);
    const key = params.get('sort') === 'updated' ? 'updated_at' : 'created_at';
    const sign = params.get('direction') === 'asc' ? 1 : -1;
    const all = repo.issues
      .filter((i) => state === 'all' || i.state === state)
      .sort((a, b) => sign * (a[key].localeCompare(b[key]) || a.number - b.number));
    const body = all.slice((page - 1) * perPage, page * perPage).map((i) => this.issueJson(repo, i));
    return { status: 200, body };
  }

  /** A title and a body within GitHub's limits, from a JSON body; or GitHub's 4xx. */
  private issueFields(raw: string): { fields: Record<string, unknown> } | { refused: Answer } {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return { refused: message(400, 'Problems parsing JSON') };
    }
    if (!isRecord(body)) return { refused: message(400, 'Problems parsing JSON') };
    if (body.body !== undefined && typeof body.body !== 'string') return { refused: message(422, 'Validation Failed') };
    if (typeof body.body === 'string' && body.body.length > MAX_ISSUE_BODY) {
      const text = `Validation Failed: body is too long (maximum is ${MAX_ISSUE_BODY} characters)`;
      return { refused: message(422, text) };
    }
    return { fields: body };
  }

  private createIssue(fullName: string, raw: string, token: TokenSpec): Answer {
    const repo = this.mustRepo(fullName);
    const parsed = this.issueFields(raw);
    if ('refused' in parsed) return parsed.refused;
    const { fields } = parsed;
    if (typeof fields.title !== 'string' || fields.title.trim() === '') return message(422, 'Validation Failed');
    const issue = this.openIssue(repo, fields.title, (fields.body as string | undefined) ?? '', this.authorOf(token));
    return { status: 201, body: this.issueJson(repo, issue) };
  }

  /** The issue `number` of `fullName` and the fields of the request's body, or GitHub's refusal of them. */
  private issueRequest(fullName: string, number: string, raw: string) {
    const repo = this.mustRepo(fullName);
    const issue = /^\d+$/.test(number) ? repo.issues[Number(number) - 1] : undefined;
    if (!issue) return { refused: notFound() };
    const parsed = this.issueFields(raw);
    if ('refused' in parsed) return parsed;
    return { repo, issue, fields: parsed.fields };
  }

  private updateIssue(fullName: string, number: string, raw: string): Answer {
    const request = this.issueRequest(fullName, number, raw);
    if ('refused' in request) return request.refused;
    const { repo, issue, fields } = request;
    if (fields.state !== undefined) {
      if (fields.state !== 'open' && fields.state !== 'closed') return message(422, 'Validation Failed');
      issue.state = fields.state;
      issue.state_reason = typeof fields.state_reason === 'string' ? fields.state_reason : null;
    }
    if (typeof fields.title === 'string') issue.title = fields.title;
    if (typeof fields.body === 'string') issue.body = fields.body;
    issue.updated_at = this.stamp();
    return { status: 200, body: this.issueJson(repo, issue) };
  }

  private createComment(fullName: string, number: string, raw: string, token: TokenSpec): Answer {
    const request = this.issueRequest(fullName, number, raw);
    if ('refused' in request) return request.refused;
    const { issue, fields } = request;
    if (typeof fields.body !== 'string' || fields.body === '') return message(422, 'Validation Failed');
    const now = this.stamp();
    const comment: IssueComment = {
      id: this.nextId++,
      body: fields.body,
      user: this.authorOf(token).user,
      created_at: now,
    };
    issue.comments.push(comment);
    issue.updated_at = now;
    return { status: 201, body: { ...comment, user: { ...comment.user } } };
  }

  private putSecret(store: Map<string, StoredSecret>, name: string, raw: string, org: boolean): Answer {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return message(400, 'Problems parsing JSON');
    }
    if (!isRecord(body)) return message(400, 'Problems parsing JSON');
    if (!isValidName(name)) {
      return message(
        422,
        'Secret names can only contain alphanumeric characters ([a-z], [A-Z], [0-9]) or underscores (_), ' +
          'and must not start with GITHUB_ or a number.',
      );
    }

    let visibility: Visibility | undefined;
    let ids: number[] | undefined;
    if (org) {
      const v = body.visibility;
      if (v !== 'all' && v !== 'private' && v !== 'selected') {
        return message(422, 'Invalid request.\n\nvisibility must be one of all, private, selected.');
      }
      visibility = v;
      if (v === 'selected') {
        const given = body.selected_repository_ids;
        if (!Array.isArray(given) || !given.every((id) => Number.isInteger(id))) {
          return message(
            422,
            'Invalid request.\n\nselected_repository_ids must be an array of integers when visibility is selected.',
          );
        }
        ids = given as number[];
      }
    }

    if (typeof body.key_id !== 'string' || typeof body.encrypted_value !== 'string') {
      return message(422, 'Invalid request.\n\n"encrypted_value" and "key_id" are required.');
    }
    if (body.key_id !== this.publicKey.key_id) return message(422, 'Bad request - key_id does not match');
    const ciphertext = decodeBase64(body.encrypted_value);
    if (!ciphertext) return message(422, 'Bad request - encrypted_value is not valid base64');
    // GitHub's own answer comes from libsodium (fast); the value a test reads is opened again, then,
    // with tweetnacl-sealedbox-js, an implementation independent of the broker's, and must agree.
    // Claims (random values) are never read, so their pure-JS opening, milliseconds each, is never paid.
    let plaintext: Uint8Array | null = null;
    try {
      plaintext =
        ciphertext.length >= 48
          ? sodium.crypto_box_seal_open(ciphertext, this.keyPair.publicKey, this.keyPair.secretKey)
          : null;
    } catch {
      plaintext = null;
    }
    if (!plaintext) return message(422, 'Bad request - encrypted_value could not be decrypted with the public key');
    if (plaintext.length > MAX_SECRET_BYTES) return message(422, 'Secret value is too large: the limit is 48 KB');
    const text = Buffer.from(plaintext).toString('utf8');
    const independently = (): string => {
      const opened = sealedbox.open(ciphertext, this.keyPair.publicKey, this.keyPair.secretKey);
      if (!opened || Buffer.from(opened).toString('utf8') !== text)
        throw new Error(`tweetnacl does not open the sealed value of ${name} as libsodium does`);
      return text;
    };
    return this.upsert(store, name, independently, visibility, ids) ? { status: 201, body: {} } : { status: 204 };
  }
}

export async function startGitHubServer(opts: { prefix?: string } = {}): Promise<GitHubServer> {
  const prefix = (opts.prefix ?? '').replace(/\/+$/, '');
  if (prefix !== '' && !prefix.startsWith('/')) throw new Error(`prefix must start with '/': ${prefix}`);
  await sodium.ready;
  const server = new FakeGitHubServer(prefix);
  await server.listen();
  return server;
}
