// `npm ci` prints no engine warning (EBADENGINE) on the Nodes `engines` names, 20 and 24: every
// package in package-lock.json whose `engines.node` is given accepts them. A dependency that asks
// for a newer Node is held back in `overrides` (content-type: 3.x asks for Node 22), never hidden.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './support/runner.js';

interface Lock {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
}
interface Pkg {
  engines: { node: string };
  dependencies?: Record<string, string>;
  overrides?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as Lock;
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Pkg;

type Version = [number, number, number];
const parse = (v: string): Version => {
  const [a, b, c] = v.replace(/^v/, '').split('.');
  return [Number(a), Number(b ?? 0), Number(c ?? 0)];
};
const cmp = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/**
 * Whether `version` satisfies `range`, for the forms npm ranges take in these lock files: `*`, `X`,
 * `X.Y`, `X.x`, `X.*`, comparators (`>=`, `>`, `<=`, `<`, `=`, spaces allowed after them), `^` and
 * `~`, ANDed by spaces and ORed by `||`. A form it does not know fails the test, never passes.
 */
function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((alternative) => {
    const comparators = alternative
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean);
    if (comparators.length === 0) return true;
    return comparators.every((c) => {
      const m = /^(>=|<=|>|<|=|\^|~)?v?(\*|x|\d+)(?:\.(\*|x|\d+))?(?:\.(\*|x|\d+))?$/i.exec(c);
      if (!m) throw new Error(`a range form this test does not know: ${JSON.stringify(c)} in ${JSON.stringify(range)}`);
      const [, op = '', ...parts] = m;
      const wild = (p: string | undefined) => p === undefined || p === '*' || p.toLowerCase() === 'x';
      const given = parts.findIndex(wild); // how many parts are numbers: -1 means all three
      const n = given === -1 ? 3 : given;
      if (n === 0) return op === '' || op === '>=' || op === '<=' || op === '=';
      const low = [0, 1, 2].map((i) => (i < n ? Number(parts[i]) : 0)) as Version;
      // The first version past a partial one (X → X+1.0.0, X.Y → X.Y+1.0).
      const next = (k: number): Version =>
        [0, 1, 2].map((i) => (i < k ? low[i] + (i === k - 1 ? 1 : 0) : 0)) as Version;
      const within = (hi: Version) => cmp(v, low) >= 0 && cmp(v, hi) < 0;
      switch (op) {
        case '':
        case '=':
          return n === 3 ? cmp(v, low) === 0 : within(next(n));
        case '>=':
          return cmp(v, low) >= 0;
        case '>':
          return n === 3 ? cmp(v, low) > 0 : cmp(v, next(n)) >= 0;
        case '<':
          return cmp(v, low) < 0;
        case '<=':
          return n === 3 ? cmp(v, low) <= 0 : cmp(v, next(n)) < 0;
        case '^': {
          const k = low[0] > 0 || n === 1 ? 1 : low[1] > 0 || n === 2 ? 2 : 3;
          return within(next(k));
        }
        default: // ~
          return within(next(n === 1 ? 1 : 2));
      }
    });
  });
}

// The ends of each major version engines names, and the Nodes CI runs (.ci/run, .ci/node24).
const NODES = ['20.0.0', '20.20.2', '24.0.0', '24.22.3'];

describe('engines', () => {
  it('names Node 20 and 24, and the package needs no dependency at run time (dist/ bundles them)', () => {
    expect(pkg.engines.node).toBe('20 || 24');
    for (const node of NODES) expect([node, satisfies(node, pkg.engines.node)]).toEqual([node, true]);
    expect(satisfies('22.0.0', pkg.engines.node)).toBe(false);
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('every package in package-lock.json accepts Node 20 and 24', () => {
    const refused: string[] = [];
    let checked = 0;
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = !entry.engines || Array.isArray(entry.engines) ? undefined : entry.engines.node;
      if (range === undefined) continue;
      checked++;
      for (const node of NODES)
        if (!satisfies(node, range)) refused.push(`${path || 'the root'}@${entry.version}: node ${range}, not ${node}`);
    }
    expect(checked).toBeGreaterThan(100);
    expect(refused).toEqual([]);
  });

  it('holds content-type back, since 3.x asks for Node 22', () => {
    expect(pkg.overrides?.['content-type']).toMatch(/^2\./);
    expect(satisfies('20.20.2', '>=22')).toBe(false);
  });

  it('reads ranges as npm does (semver, where it is installed)', () => {
    const ranges = new Set(
      Object.values(lock.packages).flatMap((e) =>
        e.engines && !Array.isArray(e.engines) && e.engines.node ? [e.engines.node] : [],
      ),
    );
    const samples = [
      ...ranges,
      '>=0.6.11 <=0.7.0 || >=0.7.3',
      '^0.2.3',
      '~1.2',
      '<=20',
      '>20',
      '20.x',
      '6.* || 8.* || >= 10.*',
    ];
    let semver: { satisfies(v: string, r: string): boolean } | undefined;
    try {
      semver = createRequire(import.meta.url)('semver');
    } catch {
      // Not installed: the hand-written cases below still hold.
    }
    const versions = ['0.7.1', '0.7.3', '0.2.9', '1.2.9', '1.3.0', ...NODES, '21.0.0', '22.1.0'];
    if (semver)
      for (const r of samples)
        for (const v of versions) expect([r, v, satisfies(v, r)]).toEqual([r, v, semver.satisfies(v, r)]);
    expect(satisfies('0.7.1', '>=0.6.11 <=0.7.0 || >=0.7.3')).toBe(false);
    expect(satisfies('20.20.2', '^14.15.0 || ^16.10.0 || >=18.0.0')).toBe(true);
    expect(satisfies('24.0.0', '18 || 20 || >=22')).toBe(true);
    expect(satisfies('21.5.0', '18 || 20 || >=22')).toBe(false);
  });
});
