// Bundles each entry point with ncc into dist/<entry>/. Heavy modules (libsodium, the
// GitHub client, the cache library) stay behind dynamic import()s, which ncc emits as
// separate chunks: the stored-token path never parses them.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';

const sources = { main: 'src/action/main.ts', post: 'src/action/post.ts', cli: 'src/cli/index.ts' };
const entries = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(sources);
for (const entry of entries) {
  rmSync(`dist/${entry}`, { recursive: true, force: true });
  execFileSync(
    'npx',
    ['ncc', 'build', sources[entry], '-o', `dist/${entry}`, '--minify', '--license', 'licenses.txt', '--quiet'],
    { stdio: 'inherit' },
  );
}
// The CLI runs as a program too: ./dist/cli/index.js.
if (entries.includes('cli')) chmodSync('dist/cli/index.js', 0o755);
