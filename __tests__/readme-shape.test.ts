// The README's shape: at most 400 lines, the product's `uses:` line on the first screen, a table of
// contents and links that resolve (in docs/ too), and every section an error line points to.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { anchors, BROKER, lines, links, readme, usesLines, workflow } from './support/readme.js';
import { repoRoot } from './support/runner.js';

describe('the README', () => {
  it('is at most 400 lines', () => {
    expect(lines.length).toBeLessThanOrEqual(400);
  });

  it('shows a complete workflow pinned to @v1 on its first screen, then the two commands to try it', () => {
    const first = lines.findIndex((l) => /uses: oauth-broker\/oauth-broker@/.test(l));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(60);
    expect(lines[first].trim()).toBe(`- uses: ${BROKER}`);
    expect(workflow('Rotate Claude credentials')).toBeDefined();
    const demo = lines.findIndex((l) => l.startsWith('npm ci && npm run demo'));
    const test = lines.findIndex((l) => l.startsWith('npm test'));
    expect([demo, test].every((i) => i > first && i < 60)).toBe(true);
    for (const ref of usesLines.filter((u) => u.startsWith('oauth-broker/'))) expect(ref).toBe(BROKER);
  });

  it('has a table of contents linking every section, and each link lands on a heading', () => {
    const own = anchors(readme);
    const start = lines.indexOf('## Contents');
    expect(start).toBeGreaterThan(0);
    const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
    const toc = links(lines.slice(start, end).join('\n'));
    const sections = lines.filter((l) => /^## /.test(l) && l !== '## Contents');
    for (const s of sections) {
      const anchor = [...anchors(s)][0];
      expect([s, toc.includes(`#${anchor}`)]).toEqual([s, true]);
    }
    for (const link of links(readme).filter((l) => l.startsWith('#')))
      expect([link, own.has(link.slice(1))]).toEqual([link, true]);
  });

  it('and the docs link only to files and headings that exist', () => {
    const files = ['README.md', 'CHANGELOG.md', ...readdirSync(join(repoRoot, 'docs')).map((f) => `docs/${f}`)];
    const docLinks = links(readme).filter((l) => l.startsWith('docs/'));
    expect(docLinks.length).toBeGreaterThanOrEqual(4);
    for (const file of files.filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      for (const link of links(text).filter((l) => !/^[a-z]+:/.test(l))) {
        const [path, anchor] = link.split('#');
        const target = path ? normalize(join(dirname(file), path)) : file;
        expect([file, link, existsSync(join(repoRoot, target))]).toEqual([file, link, true]);
        if (anchor && target.endsWith('.md')) {
          const found = anchors(readFileSync(join(repoRoot, target), 'utf8')).has(anchor);
          expect([file, link, found]).toEqual([file, link, true]);
        }
      }
    }
  });

  it('has every section the error lines point to ("README: <section>")', () => {
    const sections = lines.filter((l) => /^#{2,3} /.test(l)).map((l) => l.replace(/^#+\s+/, ''));
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    const pointers = new Set(
      sources(join(repoRoot, 'src')).flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/README: ([A-Z][\w -]*?)[)."]/g)].map((m) => m[1]),
      ),
    );
    expect(pointers.size).toBeGreaterThanOrEqual(3);
    for (const p of pointers) expect([p, sections.some((s) => s.startsWith(p))]).toEqual([p, true]);
  });
});
