// The release a workflow pins (`uses: oauth-broker/oauth-broker@v1`): .github/workflows/release.yml
// runs on a tag vX.Y.Z, checks the tag against package.json and dist/ against a fresh build, creates
// the GitHub release with the CHANGELOG section as notes, and moves vX. Its checks run here in bash.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { repoRoot } from './support/runner.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { push?: { tags?: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { env?: Record<string, string>; steps: Step[] }>;
}

const text = readFileSync(join(repoRoot, '.github', 'workflows', 'release.yml'), 'utf8');
const release = load(text) as Workflow;
const job = Object.values(release.jobs)[0];
const steps = job.steps;
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const changelog = readFileSync(join(repoRoot, 'CHANGELOG.md'), 'utf8');

/** How a workflow writes an expression, `${{ … }}`. */
const expression = (e: string): string => `\${{ ${e} }}`;

/** The one step whose `run` matches. */
function step(what: RegExp): Step {
  const found = steps.filter((s) => s.run && what.test(s.run));
  if (found.length !== 1) throw new Error(`release.yml has ${found.length} steps running ${what}, not 1`);
  return found[0];
}

/** Runs a step's script in bash, in a scratch copy of what it reads, as the runner would. */
function runScript(s: Step, env: Record<string, string>, files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'oauth-broker-release-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const r = spawnSync('bash', ['-eo', 'pipefail', '-c', s.run!], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { ...r, dir };
}

describe('release.yml', () => {
  it('runs on a pushed tag vX.Y.Z, and may write the repository’s contents, nothing else', () => {
    expect(release.on.push?.tags).toEqual(['v*.*.*']);
    expect(Object.keys(release.on)).toEqual(['push']);
    expect(release.permissions).toEqual({ contents: 'write' });
    expect(job.env?.TAG).toBe(expression('github.ref_name'));
  });

  it('pins every action by commit, its version in a comment', () => {
    const uses = text.split('\n').filter((l) => /^\s*(-\s*)?uses:/.test(l));
    expect(uses.length).toBeGreaterThanOrEqual(2);
    for (const line of uses) expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    expect(steps[0].uses).toMatch(/^actions\/checkout@/);
    expect(steps[0].with?.ref).toBe(expression('github.ref'));
  });

  it('installs exactly, builds, fails when dist/ differs from the build, then releases and moves vX', () => {
    const order = [
      /^npm ci\b/m,
      /^npm run build$/m,
      /git status --porcelain -- dist/,
      /^npm pack\b/m,
      /gh release create "\$TAG" .*--notes-file notes\.md/s,
      /git tag -f "\$major"\s+git push -f origin "\$major"/,
    ].map((re) => steps.indexOf(step(re)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(step(/git status --porcelain -- dist/).run).toMatch(/exit 1/);
  });

  it('refuses a tag that is not v + package.json’s version', () => {
    const check = step(/require\("\.\/package\.json"\)\.version/);
    const files = { 'package.json': JSON.stringify({ version: pkg.version }) };
    expect(runScript(check, { TAG: `v${pkg.version}` }, files).status).toBe(0);
    const wrong = runScript(check, { TAG: 'v0.0.1' }, files);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toMatch(/^::error::the tag v0\.0\.1 is not v/);
  });

  it('takes the release notes from the CHANGELOG section of the tag, and refuses a tag without one', () => {
    const notes = step(/CHANGELOG\.md > notes\.md/);
    const r = runScript(notes, { TAG: `v${pkg.version}` }, { 'CHANGELOG.md': changelog });
    expect(r.status).toBe(0);
    const written = readFileSync(join(r.dir, 'notes.md'), 'utf8');
    const section = changelog
      .split(/^## /m)
      .find((s) => s.startsWith(`${pkg.version}\n`) || s.startsWith(`${pkg.version} `));
    expect(section).toBeDefined();
    expect(written.trim()).toBe(section!.slice(section!.indexOf('\n') + 1).trim());
    const none = runScript(notes, { TAG: 'v0.0.1' }, { 'CHANGELOG.md': changelog });
    expect(none.status).toBe(1);
    expect(none.stdout).toMatch(/^::error::CHANGELOG\.md has no section "## 0\.0\.1"/);
  });

  it('moves vX only to the newest release of that major version', () => {
    const move = step(/git tag -f "\$major"/);
    const dir = mkdtempSync(join(tmpdir(), 'oauth-broker-tags-'));
    const git = (...args: string[]) => {
      const r = spawnSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: dir },
      });
      if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
      return r.stdout.trim();
    };
    git('init', '-q', '--bare', 'origin.git');
    git('init', '-q', 'work');
    const inWork = (...args: string[]) => git('-C', 'work', ...args);
    inWork('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'a');
    inWork('tag', 'v1.1.0');
    inWork('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'b');
    inWork('tag', 'v1.0.1'); // a patch of an older line, released after 1.1.0
    inWork('remote', 'add', 'origin', join(dir, 'origin.git'));
    const runIn = (tag: string) =>
      spawnSync('bash', ['-eo', 'pipefail', '-c', move.run!], {
        cwd: join(dir, 'work'),
        env: { PATH: process.env.PATH ?? '', HOME: dir, TAG: tag },
        encoding: 'utf8',
      });
    const older = runIn('v1.0.1');
    expect(older.status).toBe(0);
    expect(older.stdout).toContain('v1 stays where it is');
    expect(git('--git-dir', 'origin.git', 'tag', '--list')).toBe('');
    inWork('checkout', '-q', 'v1.1.0');
    expect(runIn('v1.1.0').status).toBe(0);
    expect(git('--git-dir', 'origin.git', 'rev-parse', 'v1')).toBe(inWork('rev-parse', 'v1.1.0^{commit}'));
  });
});

describe('CHANGELOG.md', () => {
  it('has the package version as its top section', () => {
    const top = /^## (\S+)/m.exec(changelog)?.[1];
    expect(top).toBe(pkg.version);
  });
});
