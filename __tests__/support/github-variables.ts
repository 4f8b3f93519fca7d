/**
 * GitHub Actions variables as the GitHub stand-in serves them, for a repository, one of its
 * environments or an organisation: POST creates only (409 for a name that exists, whatever its
 * case), GET reads the value back, PATCH and DELETE are unconditional, and lists come in pages of
 * at most 30. Names follow the rules of secret names and are stored upper-cased; values and counts
 * are held to GitHub's limits. Every success is typed by GitHub's OpenAPI description, so a field
 * GitHub renames or retypes fails the typecheck here.
 */
import {
  type Answer,
  byName,
  type Data,
  isValidName,
  jsonObject,
  message,
  notFound,
  paged,
  type Status,
} from './github-answers.js';

export type Visibility = 'all' | 'private' | 'selected';

export interface StoredVariable {
  /** upper-cased, as GitHub stores it */
  name: string;
  value: string;
  created_at: string;
  updated_at: string;
  /** organisation variables only */
  visibility?: Visibility;
  /** organisation variables whose visibility is 'selected' only */
  selected_repository_ids?: number[];
}

export type VariableKind = 'repo' | 'env' | 'org';

/** GitHub's documented limit on a variable's value, in bytes of UTF-8. */
export const MAX_VARIABLE_BYTES = 48 * 1024;
/** GitHub's documented limits on how many variables one repository, environment or organisation holds. */
export const MAX_VARIABLES: Readonly<Record<VariableKind, number>> = { repo: 500, env: 100, org: 1000 };
/** GitHub's pages of variables: 10 unless asked, at most 30 (its OpenAPI description's variables-per-page). */
export const VARIABLE_PAGES = { perPage: 10, max: 30 } as const;

/** Where the variables of a request live. */
export interface VariableScope {
  kind: VariableKind;
  /** keyed by the upper-cased name */
  store: Map<string, StoredVariable>;
  /** the list's URL (…/variables): for Link headers and selected_repositories_url */
  url: string;
  /** a timestamp of the stand-in's clock */
  now(): string;
}

// ---- GitHub's OpenAPI description of the answers ---------------------------
// Repository and environment variables share one schema; each is checked against both operations.

const R = '/repos/{owner}/{repo}/actions/variables';
const E = '/repos/{owner}/{repo}/environments/{environment_name}/variables';
const O = '/orgs/{org}/actions/variables';
export type VariableJson = Data<`GET ${typeof R}/{name}`> & Data<`GET ${typeof E}/{name}`>;
export type OrgVariableJson = Data<`GET ${typeof O}/{name}`>;
type VariableList = Data<`GET ${typeof R}`> & Data<`GET ${typeof E}`>;
type OrgVariableList = Data<`GET ${typeof O}`>;
type Created = Data<`POST ${typeof R}`> & Data<`POST ${typeof E}`> & Data<`POST ${typeof O}`>;
const CREATED: Status<`POST ${typeof R}`> & Status<`POST ${typeof E}`> & Status<`POST ${typeof O}`> = 201;
type Done<M extends 'PATCH' | 'DELETE'> = Status<`${M} ${typeof R}/{name}`> &
  Status<`${M} ${typeof E}/{name}`> &
  Status<`${M} ${typeof O}/{name}`>;
const DONE: Done<'PATCH'> & Done<'DELETE'> = 204;

export function variableJson(v: StoredVariable): VariableJson {
  return { name: v.name, value: v.value, created_at: v.created_at, updated_at: v.updated_at };
}

export function orgVariableJson(v: StoredVariable, listUrl: string): OrgVariableJson {
  return {
    ...variableJson(v),
    visibility: v.visibility ?? 'private',
    ...(v.visibility === 'selected' ? { selected_repositories_url: `${listUrl}/${v.name}/repositories` } : {}),
  };
}

// ---- the routes -------------------------------------------------------------

const exists = (): Answer => message(409, 'Already exists - Variable already exists');
const missing = (field: string): Answer => message(422, `Invalid request.\n\n"${field}" wasn't supplied.`);
const notA = (field: string, value: unknown, type: string): Answer =>
  message(422, `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(value)} is not ${type}.`);

/** A name GitHub accepts, or its 422. */
function checkName(name: unknown): Answer | undefined {
  if (typeof name !== 'string') return notA('name', name, 'a string');
  if (isValidName(name)) return undefined;
  return message(
    422,
    'Variable names can only contain alphanumeric characters ([a-z], [A-Z], [0-9]) or underscores (_), ' +
      'and must not start with GITHUB_ or a number.',
  );
}

/**
 * A value GitHub accepts, or its 422. An empty value is refused: GitHub's web form refuses one and
 * whether the API does is not documented, so a client must not depend on storing "".
 */
function checkValue(value: unknown): Answer | undefined {
  if (typeof value !== 'string') return notA('value', value, 'a string');
  if (value === '') return message(422, 'Invalid request.\n\n"value" must not be empty.');
  if (Buffer.byteLength(value, 'utf8') > MAX_VARIABLE_BYTES)
    return message(422, 'Variable value is too large: the limit is 48 KB');
  return undefined;
}

/** An organisation variable's visibility after this request (current: what it is now), or GitHub's 422. */
function checkVisibility(
  body: Record<string, unknown>,
  current?: StoredVariable,
): { visibility: Visibility; ids?: number[] } | { refused: Answer } {
  const visibility = body.visibility ?? current?.visibility;
  if (visibility !== 'all' && visibility !== 'private' && visibility !== 'selected')
    return { refused: message(422, 'Invalid request.\n\nvisibility must be one of all, private, selected.') };
  if (visibility !== 'selected') return { visibility };
  // Selected repositories kept from before, unless the request names others.
  const given = body.selected_repository_ids ?? current?.selected_repository_ids;
  if (!Array.isArray(given) || !given.every((id) => Number.isInteger(id))) {
    const text =
      'Invalid request.\n\nselected_repository_ids must be an array of integers when visibility is selected.';
    return { refused: message(422, text) };
  }
  return { visibility, ids: [...(given as number[])] };
}

const LIMIT_WORDS: Record<VariableKind, string> = { repo: 'repository', env: 'environment', org: 'organization' };

/** POST …/variables: creates only; the answer to a name that exists is 409, whatever the case. */
export function createVariable(scope: VariableScope, raw: string): Answer {
  const parsed = jsonObject(raw);
  if ('refused' in parsed) return parsed.refused;
  const { body } = parsed;
  if (body.name === undefined) return missing('name');
  if (body.value === undefined) return missing('value');
  const refused = checkName(body.name) ?? checkValue(body.value);
  if (refused) return refused;
  const access = scope.kind === 'org' ? checkVisibility(body) : undefined;
  if (access && 'refused' in access) return access.refused;
  const name = (body.name as string).toUpperCase();
  if (scope.store.has(name)) return exists();
  const limit = MAX_VARIABLES[scope.kind];
  if (scope.store.size >= limit) {
    // GitHub documents the limit, not the words of its refusal: these are the stand-in's own.
    return message(422, `Validation Failed: this ${LIMIT_WORDS[scope.kind]} already has ${limit} variables`);
  }
  storeVariable(scope, name, body.value as string, access);
  return { status: CREATED, body: {} satisfies Created };
}

export function getVariable(scope: VariableScope, name: string): Answer {
  const v = scope.store.get(name.toUpperCase());
  if (!v) return notFound();
  return { status: 200, body: scope.kind === 'org' ? orgVariableJson(v, scope.url) : variableJson(v) };
}

/** PATCH …/variables/{name}: unconditional (no compare-and-set); may rename; updated_at moves. */
export function updateVariable(scope: VariableScope, name: string, raw: string): Answer {
  const current = scope.store.get(name.toUpperCase());
  if (!current) return notFound();
  const parsed = jsonObject(raw);
  if ('refused' in parsed) return parsed.refused;
  const { body } = parsed;
  const refused =
    (body.name === undefined ? undefined : checkName(body.name)) ??
    (body.value === undefined ? undefined : checkValue(body.value));
  if (refused) return refused;
  const access = scope.kind === 'org' ? checkVisibility(body, current) : undefined;
  if (access && 'refused' in access) return access.refused;
  const renamed = typeof body.name === 'string' ? body.name.toUpperCase() : current.name;
  if (renamed !== current.name && scope.store.has(renamed)) return exists();

  scope.store.delete(current.name);
  const updated: StoredVariable = {
    name: renamed,
    value: typeof body.value === 'string' ? body.value : current.value,
    created_at: current.created_at,
    updated_at: scope.now(),
  };
  if (access) updated.visibility = access.visibility;
  if (access?.ids) updated.selected_repository_ids = access.ids;
  scope.store.set(renamed, updated);
  return { status: DONE };
}

export function deleteVariable(scope: VariableScope, name: string): Answer {
  return scope.store.delete(name.toUpperCase()) ? { status: DONE } : notFound();
}

/** GET …/variables: names, values and timestamps by name, paged (10 by default, at most 30). */
export function listVariables(scope: VariableScope, query: string): Answer {
  const all = [...scope.store.values()].sort(byName);
  const { items, headers } = paged(all, query, scope.url, VARIABLE_PAGES);
  const body =
    scope.kind === 'org'
      ? ({
          total_count: all.length,
          variables: items.map((v) => orgVariableJson(v, scope.url)),
        } satisfies OrgVariableList)
      : ({ total_count: all.length, variables: items.map(variableJson) } satisfies VariableList);
  return { status: 200, body, ...(headers ? { headers } : {}) };
}

/** Creates or replaces a variable as it is, without GitHub's checks: the test-side setter. */
export function storeVariable(
  scope: Pick<VariableScope, 'store' | 'now'>,
  name: string,
  value: string,
  access?: { visibility: Visibility; ids?: number[] },
): void {
  const key = name.toUpperCase();
  const now = scope.now();
  const v: StoredVariable = {
    name: key,
    value,
    created_at: scope.store.get(key)?.created_at ?? now,
    updated_at: now,
  };
  if (access) v.visibility = access.visibility;
  if (access?.visibility === 'selected') v.selected_repository_ids = [...(access.ids ?? [])];
  scope.store.set(key, v);
}

/** A copy a test can keep or change without changing the stand-in's. */
export function copyVariable(v: StoredVariable | undefined): StoredVariable | undefined {
  return (
    v && { ...v, ...(v.selected_repository_ids ? { selected_repository_ids: [...v.selected_repository_ids] } : {}) }
  );
}
