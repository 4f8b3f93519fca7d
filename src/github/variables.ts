// GitHub Actions variables where a secret lives: the repository, one of its environments or the
// organisation. The claims between jobs are variables (docs/design.md, "Coordination") because a create
// is create-only (409 when the name exists) and a value can be read back, which a secret's cannot.
import { isJsonObject } from '../core/checks.js';
import { UserError } from '../core/errors.js';
import { GitHubHttpError, type GitHubApi } from './api.js';
import { malformed } from './answers.js';
import { explain } from './explain.js';
import { type SecretPlace, WRITE_CHECK } from './target.js';

export interface Variable {
  name: string;
  value: string;
  /** GitHub's stamps, epoch ms (whole seconds). */
  createdAt: number;
  updatedAt: number;
}

/** What a create found: made by this request, there already, or unknown (the answer was lost). */
export type Created = 'created' | 'exists' | 'unknown';

type Answer = Promise<{ status: number; data: unknown }>;
type Again = () => Promise<Record<string, unknown>>;

interface Endpoints {
  create(name: string, value: string): Answer;
  get(name: string): Answer;
  /** `again`, when given, gives the value anew for each attempt after the first (src/github/api.ts, Attempts). */
  update(name: string, value: string, again?: Again): Answer;
  remove(name: string, once: boolean): Answer;
  list(page: number): Answer;
}

// GitHub's largest page of variables.
const PER_PAGE = 30;
// 1,000 variables (an organisation's limit) and a bound on a server that never says it is done.
const MAX_PAGES = 40;

function endpoints(api: GitHubApi, p: SecretPlace): Endpoints {
  const send = api.request;
  // `once`: never retried once GitHub may have acted; the caller reads the variable back instead.
  const once = { request: { once: true } };
  if (p.kind === 'repo') {
    const at = { owner: p.owner, repo: p.repo };
    return {
      // https://docs.github.com/rest/actions/variables#create-a-repository-variable
      create: (name, value) => send('POST /repos/{owner}/{repo}/actions/variables', { ...at, name, value, ...once }),
      // https://docs.github.com/rest/actions/variables#get-a-repository-variable
      get: (name) => send('GET /repos/{owner}/{repo}/actions/variables/{name}', { ...at, name }),
      // https://docs.github.com/rest/actions/variables#update-a-repository-variable
      update: (name, value, again) =>
        send('PATCH /repos/{owner}/{repo}/actions/variables/{name}', { ...at, name, value, request: { again } }),
      // https://docs.github.com/rest/actions/variables#delete-a-repository-variable
      remove: (name, o) =>
        send('DELETE /repos/{owner}/{repo}/actions/variables/{name}', { ...at, name, ...(o ? once : {}) }),
      // https://docs.github.com/rest/actions/variables#list-repository-variables
      list: (page) => send('GET /repos/{owner}/{repo}/actions/variables', { ...at, per_page: PER_PAGE, page }),
    };
  }
  if (p.kind === 'env') {
    const at = { owner: p.owner, repo: p.repo, environment_name: p.environment };
    return {
      // https://docs.github.com/rest/actions/variables#create-an-environment-variable
      create: (name, value) =>
        send('POST /repos/{owner}/{repo}/environments/{environment_name}/variables', { ...at, name, value, ...once }),
      // https://docs.github.com/rest/actions/variables#get-an-environment-variable
      get: (name) =>
        send('GET /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}', { ...at, name }),
      // https://docs.github.com/rest/actions/variables#update-an-environment-variable
      update: (name, value, again) =>
        send('PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}', {
          ...at,
          name,
          value,
          request: { again },
        }),
      // https://docs.github.com/rest/actions/variables#delete-an-environment-variable
      remove: (name, o) =>
        send('DELETE /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}', {
          ...at,
          name,
          ...(o ? once : {}),
        }),
      // https://docs.github.com/rest/actions/variables#list-environment-variables
      list: (page) =>
        send('GET /repos/{owner}/{repo}/environments/{environment_name}/variables', {
          ...at,
          per_page: PER_PAGE,
          page,
        }),
    };
  }
  const org = p.org;
  return {
    // Visible to no repository: a claim is the broker's, not a workflow's.
    // https://docs.github.com/rest/actions/variables#create-an-organization-variable
    create: (name, value) =>
      send('POST /orgs/{org}/actions/variables', {
        org,
        name,
        value,
        visibility: 'selected',
        selected_repository_ids: [],
        ...once,
      }),
    // https://docs.github.com/rest/actions/variables#get-an-organization-variable
    get: (name) => send('GET /orgs/{org}/actions/variables/{name}', { org, name }),
    // https://docs.github.com/rest/actions/variables#update-an-organization-variable
    update: (name, value, again) =>
      send('PATCH /orgs/{org}/actions/variables/{name}', { org, name, value, request: { again } }),
    // https://docs.github.com/rest/actions/variables#delete-an-organization-variable
    remove: (name, o) => send('DELETE /orgs/{org}/actions/variables/{name}', { org, name, ...(o ? once : {}) }),
    // https://docs.github.com/rest/actions/variables#list-organization-variables
    list: (page) => send('GET /orgs/{org}/actions/variables', { org, per_page: PER_PAGE, page }),
  };
}

/** A variable as GitHub answers it, checked; `doing` names the request for the error line. */
function variableOf(data: unknown, doing: string, apiUrl: string): Variable {
  const created = isJsonObject(data) && typeof data.created_at === 'string' ? Date.parse(data.created_at) : NaN;
  const updated = isJsonObject(data) && typeof data.updated_at === 'string' ? Date.parse(data.updated_at) : NaN;
  if (!isJsonObject(data) || typeof data.name !== 'string' || typeof data.value !== 'string') {
    throw malformed(doing, 'the answer is not a variable', apiUrl);
  }
  if (!Number.isFinite(created) || !Number.isFinite(updated)) throw malformed(doing, 'the answer has no dates', apiUrl);
  return { name: data.name, value: data.value, createdAt: created, updatedAt: updated };
}

/** Whether GitHub may have acted on a request that got no success answer. */
const mayHaveActed = (err: unknown): boolean => err instanceof GitHubHttpError && err.ambiguous;

export class Variables {
  constructor(
    private readonly api: GitHubApi,
    private readonly place: SecretPlace,
  ) {}

  private explain(err: unknown, doing: string): Error {
    return explain(err, this.place, doing, this.api.wording, 'variables');
  }

  /**
   * Creates the variable if no variable has that name. Called once the place is known to exist,
   * so a 404 means a GitHub without Actions variables.
   */
  async create(name: string, value: string): Promise<Created> {
    try {
      await endpoints(this.api, this.place).create(name, value);
      return 'created';
    } catch (err) {
      if (err instanceof GitHubHttpError && err.status === 409) return 'exists';
      if (mayHaveActed(err)) return 'unknown';
      if (err instanceof GitHubHttpError && err.status === 404) {
        throw new UserError(
          'OB_GITHUB',
          `${this.api.wording.apiUrl}: GitHub answered 404 to creating an Actions variable; the broker needs ` +
            'GitHub.com or GitHub Enterprise Server 3.9 or later.',
          { cause: err, details: 'Jobs holding the same credentials coordinate through Actions variables.' },
        );
      }
      throw this.explain(err, `create the variable ${name}`);
    }
  }

  async read(name: string): Promise<Variable | undefined> {
    const doing = `read the variable ${name}`;
    try {
      return variableOf((await endpoints(this.api, this.place).get(name)).data, doing, this.api.wording.apiUrl);
    } catch (err) {
      if (err instanceof GitHubHttpError && err.status === 404) return undefined;
      throw this.explain(err, doing);
    }
  }

  /**
   * Sets the value, whoever made the variable: GitHub has no compare-and-set. `again`, when given, makes
   * the value anew for each retry (from what the variable holds by then).
   */
  async update(name: string, value: string, again?: () => Promise<string>): Promise<void> {
    const fresh = again && (async () => ({ value: await again() }));
    try {
      await endpoints(this.api, this.place).update(name, value, fresh);
    } catch (err) {
      throw this.explain(err, `update the variable ${name}`);
    }
  }

  /**
   * Deletes it: 'removed', 'absent', or 'unknown' when `once` and the answer was lost (a repeat
   * could delete a variable another job has made since under the same name).
   */
  async remove(name: string, once = false): Promise<'removed' | 'absent' | 'unknown'> {
    try {
      await endpoints(this.api, this.place).remove(name, once);
      return 'removed';
    } catch (err) {
      if (err instanceof GitHubHttpError && err.status === 404) return 'absent';
      if (once && mayHaveActed(err)) return 'unknown';
      throw this.explain(err, `delete the variable ${name}`);
    }
  }

  /** The variables whose names start with `prefix` (upper case), every page read. */
  async list(prefix: string): Promise<Variable[]> {
    const doing = 'list the variables beside the secret';
    const found: Variable[] = [];
    for (let page = 1, seen = 0; page <= MAX_PAGES; page++) {
      let data: unknown;
      try {
        data = (await endpoints(this.api, this.place).list(page)).data;
      } catch (err) {
        throw this.explain(err, doing);
      }
      const items = isJsonObject(data) && Array.isArray(data.variables) ? (data.variables as unknown[]) : undefined;
      if (!items) throw malformed(doing, 'the answer has no list of variables', this.api.wording.apiUrl);
      for (const item of items) {
        const v = variableOf(item, doing, this.api.wording.apiUrl);
        if (v.name.toUpperCase().startsWith(prefix)) found.push(v);
      }
      seen += items.length;
      const total =
        isJsonObject(data) && Number.isSafeInteger(data.total_count) ? (data.total_count as number) : undefined;
      if (items.length < PER_PAGE || (total !== undefined && seen >= total)) return found;
    }
    throw malformed(doing, `the list did not end after ${MAX_PAGES} pages`, this.api.wording.apiUrl);
  }
}

/**
 * Proves the token may write Actions variables there, as the claims between jobs do: creates the
 * broker's check variable (not a claim's name: no job ever reads it), then removes it at once.
 */
export async function checkVariablesWrite(api: GitHubApi, p: SecretPlace, note: string): Promise<void> {
  const variables = new Variables(api, p);
  await variables.create(WRITE_CHECK, note);
  await variables.remove(WRITE_CHECK);
}
