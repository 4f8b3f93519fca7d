// Fails, naming file:line, for any line over 120 characters in the sources (.ts, .mjs, .js,
// .yml), outside dist/ and node_modules. Biome formats code to 120 columns but does not break
// long strings or comments; this catches those. Markdown is exempt. Run by `npm run lint`.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAX = 120;
// The repository, or the directory given (for the script's own test).
const root = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));
const EXTENSIONS = new Set(['.ts', '.mjs', '.js', '.yml', '.yaml']);
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'coverage', 'build']);

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* sources(join(dir, entry.name));
    } else if (entry.isFile() && EXTENSIONS.has(extname(entry.name))) {
      yield join(dir, entry.name);
    }
  }
}

const long = [];
for (const file of sources(root)) {
  const name = relative(root, file).split('\\').join('/');
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if ([...line].length > MAX) long.push(`${name}:${i + 1}: ${[...line].length} characters`);
    });
}
if (long.length) {
  console.error(`Lines longer than ${MAX} characters (break the string or comment):`);
  for (const l of long) console.error(`  ${l}`);
  process.exit(1);
}
