// Where init's workflows go: `.github/workflows` under --dir. A file there is never replaced without
// asking (or --force); the folders made for it are named.
import { lstatSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError, systemCode } from '../../core/errors.js';
import { neutral } from '../../core/neutral.js';
import type { CliDeps } from '../deps.js';
import { UsageError } from '../verb.js';
import type { Questions } from './questions.js';
import type { Workflow } from './workflows.js';

export interface Planned {
  workflow: Workflow;
  path: string;
  /** Its path in the working copy: .github/workflows/NAME. */
  name: string;
  /** What init shows for it: relative to the current folder. */
  shown: string;
  action: 'create' | 'replace' | 'skip';
}

const WORKFLOWS = ['.github', 'workflows'];

/** --dir, checked: a folder that exists. */
export function checkDir(dir: string): string {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // absent
  }
  if (!isDir) throw new UsageError(`--dir: ${neutral(dir, 120)} is not a folder; give the repository's working copy.`);
  return dir;
}

const exists = (path: string): boolean => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

/** What to do with each file: one already there is replaced with --force or a yes, else left alone. */
export async function planFiles(
  dir: string,
  workflows: readonly Workflow[],
  force: boolean,
  q: Questions,
): Promise<Planned[]> {
  const plan: Planned[] = [];
  for (const workflow of workflows) {
    const path = join(dir, ...WORKFLOWS, workflow.file);
    const shown = relative(process.cwd(), path) || path;
    let action: Planned['action'] = 'create';
    if (exists(path)) {
      action = force || (await q.confirm(`${shown} exists: replace it with ${workflow.what}?`)) ? 'replace' : 'skip';
    }
    plan.push({ workflow, path, name: [...WORKFLOWS, workflow.file].join('/'), shown, action });
  }
  return plan;
}

/** Makes .github/workflows under `dir` as needed; the folders it made. */
function makeFolders(dir: string): string[] {
  const made: string[] = [];
  let at = dir;
  for (const part of WORKFLOWS) {
    at = join(at, part);
    if (exists(at)) continue;
    mkdirSync(at);
    made.push(relative(process.cwd(), at) || at);
  }
  return made;
}

/** Replaces a file by a rename, so a link there is replaced, never followed. */
function replaceFile(path: string, text: string): void {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, text, { flag: 'wx', mode: 0o644 });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Writes the plan; each file's line on stderr; the files written. */
export function writeFiles(dir: string, plan: readonly Planned[], deps: CliDeps): string[] {
  const written: string[] = [];
  const writing = plan.filter((p) => p.action !== 'skip');
  let made: string[];
  try {
    made = writing.length ? makeFolders(dir) : [];
  } catch (err) {
    throw new UserError(
      'OB_FILE',
      `--dir: cannot make .github/workflows in ${neutral(dir, 120)} (${systemCode(err)}).`,
      {
        cause: err,
      },
    );
  }
  for (const m of made) deps.stderr(`Created the folder ${m}.`);
  for (const p of plan) {
    if (p.action === 'skip') {
      deps.stderr(`Left ${p.shown} as it is: it exists (--force replaces it).`);
      continue;
    }
    try {
      if (p.action === 'replace') replaceFile(p.path, p.workflow.text);
      else writeFileSync(p.path, p.workflow.text, { flag: 'wx', mode: 0o644 });
    } catch (err) {
      if (systemCode(err) === 'EEXIST') {
        deps.stderr(`Left ${p.shown} as it is: it appeared meanwhile (--force replaces it).`);
        continue;
      }
      throw new UserError('OB_FILE', `cannot write ${neutral(p.shown, 120)} (${systemCode(err)}).`, { cause: err });
    }
    deps.stderr(`${p.action === 'replace' ? 'Replaced' : 'Wrote'} ${p.shown}: ${p.workflow.what}.`);
    written.push(p.shown);
  }
  return written;
}
