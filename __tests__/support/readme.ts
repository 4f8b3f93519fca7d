// The README as the tests read it: its text and lines, its YAML blocks parsed, the workflows among them,
// the `uses:` lines, and GitHub's anchors and links of Markdown.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { repoRoot } from './runner.js';

/** The product's `uses:`, as every README workflow pins it. */
export const BROKER = 'oauth-broker/oauth-broker@v1';

export interface Step {
  uses?: string;
  id?: string;
  run?: string;
  with?: Record<string, string | number>;
  env?: Record<string, string>;
}
export interface Job {
  if?: string;
  env?: Record<string, string>;
  permissions?: unknown;
  steps: Step[];
}
export interface Workflow {
  name?: string;
  on?: Record<string, unknown>;
  permissions?: unknown;
  env?: Record<string, string>;
  jobs?: Record<string, Job>;
}

export const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
export const lines = readme.split('\n');
/** The README's YAML blocks, parsed. */
export const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => load(m[1]) as unknown);
export const isObject = (b: unknown): b is Record<string, unknown> =>
  typeof b === 'object' && b !== null && !Array.isArray(b);
export const workflows = blocks.filter((b): b is Workflow => isObject(b) && 'jobs' in b);

/** The README workflow of that name. */
export function workflow(name: string): Workflow {
  const w = workflows.find((x) => x.name === name);
  if (!w) throw new Error(`the README has no workflow named ${name}`);
  return w;
}

/** What every `uses:` line of the README names. */
export const usesLines = lines.filter((l) => /^\s*-?\s*uses:/.test(l)).map((l) => l.replace(/^\s*-?\s*uses:\s*/, ''));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens, -1 for a repeat. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const h = fenced ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (!h) continue;
    const base = h[1]
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

/** Every `[text](target)` outside code blocks and code spans. */
export function links(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
}
