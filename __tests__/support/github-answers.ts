// What the GitHub stand-in's routes share: GitHub's error bodies, its naming rules for secrets and
// variables, its pages (per_page, page, the Link header), and the types GitHub's OpenAPI description
// gives each operation's success, so the stand-in's answers are checked against it when typechecked.
import type { Endpoints } from '@octokit/types';

export const DOCS = 'https://docs.github.com/rest';

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The body of an operation's success, as GitHub's OpenAPI description (via @octokit/types) gives it. */
export type Data<K extends keyof Endpoints> = Endpoints[K]['response']['data'];
/** The status of an operation's success, as GitHub's OpenAPI description gives it. */
export type Status<K extends keyof Endpoints> = Endpoints[K]['response']['status'];

export const message = (status: number, text: string, headers?: Record<string, string>): Answer => ({
  status,
  body: { message: text, documentation_url: DOCS, status: String(status) },
  ...(headers ? { headers } : {}),
});
export const notFound = (): Answer => message(404, 'Not Found');

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON object body, or GitHub's 400. */
export function jsonObject(raw: string): { body: Record<string, unknown> } | { refused: Answer } {
  try {
    const body: unknown = JSON.parse(raw);
    if (isRecord(body)) return { body };
  } catch {
    // answered below, like any body that is not an object
  }
  return { refused: message(400, 'Problems parsing JSON') };
}

/** Secret and variable names alike: letters, digits, underscore; not starting with GITHUB_ or a digit. */
export function isValidName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^GITHUB_/i.test(name);
}

/** GitHub's lists of secrets and variables: by name (GitHub documents no order; names are unique). */
export const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);

/**
 * One page of a list as GitHub pages it: `per_page` defaults to `sizes.perPage` and is capped at
 * `sizes.max` (silently, as GitHub does), `page` counts from 1, and a Link header names the next and
 * last pages (and the first and previous ones after the first), with `base` as the list's URL.
 */
export function paged<T>(
  all: readonly T[],
  query: string,
  base: string,
  sizes: { perPage: number; max: number },
): { items: T[]; headers?: Record<string, string> } {
  const params = new URLSearchParams(query);
  const perPage = Math.min(sizes.max, Math.max(1, Math.floor(Number(params.get('per_page'))) || sizes.perPage));
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const items = all.slice((page - 1) * perPage, page * perPage);
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  const link = (n: number, rel: string): string => `<${base}?per_page=${perPage}&page=${n}>; rel="${rel}"`;
  // In GitHub's order: prev, next, last, first.
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, lastPage), 'prev'));
  if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { items, ...(links.length ? { headers: { link: links.join(', ') } } : {}) };
}
