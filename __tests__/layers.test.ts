// The floors of src/ (docs/development.md, "Layout"): core ← github ← store ← action, cli ← proxy. A file
// imports from its own folder or a floor below, never up and never sideways; only the entry points wire
// floors above their own. Each folder's main file says, in its header, what the folder may import.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { repoRoot } from './support/runner.js';

const SRC = join(repoRoot, 'src');
const FLOOR: Record<string, number> = { core: 0, github: 1, store: 2, action: 3, cli: 3, proxy: 4 };
/** Where each folder says what belongs there and what it may import. */
const MAIN_FILE: Record<string, string> = {
  core: 'core/errors.ts',
  github: 'github/api.ts',
  store: 'store/claims.ts',
  action: 'action/main.ts',
  cli: 'cli/index.ts',
  proxy: 'proxy/main.ts',
};
/** The processes' entry points: they give the steps what lives above them (src/action/deps.ts, ProxyMode). */
const ENTRY_POINTS = new Set(['action/main.ts', 'action/post.ts', 'cli/index.ts', 'proxy/main.ts']);

const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
const folderOf = (file: string): string => file.split('/')[0];

/** What a file loads at run time, as paths under src/: static and dynamic imports, re-exports; not types. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const found = [
    ...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gm),
    ...text.matchAll(/\bimport\('(\.[^']+)'\)/g),
  ].map((m) => m[1]);
  return found.map((spec) => relative(SRC, resolve(dirname(join(SRC, file)), spec)).replace(/\.js$/, '.ts'));
}

const graph = new Map(files.map((f) => [f, importsOf(f)]));

describe('the floors of src/', () => {
  it('every folder has a floor, and every import names a file that exists', () => {
    expect(new Set(files.map(folderOf))).toEqual(new Set(Object.keys(FLOOR)));
    const missing = [...graph].flatMap(([f, deps]) => deps.filter((d) => !graph.has(d)).map((d) => `${f} -> ${d}`));
    expect(missing).toEqual([]);
  });

  it('a file imports from its own folder or a floor below; only an entry point reaches up', () => {
    const wrong = [...graph].flatMap(([f, deps]) =>
      deps
        .filter((d) => folderOf(d) !== folderOf(f) && !ENTRY_POINTS.has(f))
        .filter((d) => FLOOR[folderOf(d)] >= FLOOR[folderOf(f)])
        .map((d) => `${f} -> ${d}`),
    );
    expect(wrong).toEqual([]);
  });

  it('no import circle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (f: string, path: string[]): void => {
      state.set(f, 'open');
      for (const d of graph.get(f) ?? []) {
        if (state.get(d) === 'open') circles.push([...path.slice(path.indexOf(d)), d].join(' -> '));
        else if (!state.has(d)) visit(d, [...path, d]);
      }
      state.set(f, 'done');
    };
    for (const f of files) if (!state.has(f)) visit(f, [f]);
    expect(circles).toEqual([]);
  });

  it.each(Object.entries(MAIN_FILE))(
    "%s's main file says what belongs there and what it may import",
    (folder, file) => {
      const header = /^(?:#!.*\n)?((?:\/\/.*\n)+)/.exec(readFileSync(join(SRC, file), 'utf8'))?.[1] ?? '';
      const said = /May import: ([^.]*)\./.exec(header.replace(/\n\/\/ /g, ' '))?.[1];
      const below = Object.keys(FLOOR).filter((f) => FLOOR[f] < FLOOR[folder]);
      expect(said === 'nothing of the others' ? [] : said?.split(', ')).toEqual(below);
    },
  );
});
