// Bundles each entry point with ncc into dist/<entry>/. Heavy modules (libsodium, the
// GitHub client, the cache library) stay behind dynamic import()s, which ncc emits as
// separate chunks: the stored-token path never parses them.
//
// The CLI is bundled as CommonJS, the action as ESM (the package's own type). Node's ESM loader
// alone costs a start about a fifth of `node -e 0` (an empty .mjs against it), and `oauth-broker status`
// must start within 1.5x of that; the bundle resolves ESM-only packages (@octokit/core) itself,
// so nothing in it needs Node's ESM loader. Its own package.json says so, also in a copy of
// dist/cli carried without the rest of the repository.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ncc from '@vercel/ncc';

const sources = {
  main: { file: 'src/action/main.ts', esm: true },
  post: { file: 'src/action/post.ts', esm: true },
  // proxy: true: the credential proxy, a process of its own that the main step starts (src/proxy/launch.ts).
  proxy: { file: 'src/proxy/main.ts', esm: true },
  cli: { file: 'src/cli/index.ts', esm: false },
};
const entries = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(sources);
for (const entry of entries) {
  const { file, esm } = sources[entry];
  const out = `dist/${entry}`;
  rmSync(out, { recursive: true, force: true });
  const { code, assets } = await ncc(resolve(file), { esm, minify: true, license: 'licenses.txt', quiet: true });
  write(join(out, 'index.js'), code);
  for (const [name, asset] of Object.entries(assets)) write(join(out, name), asset.source);
  if (!esm) write(join(out, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
}
// The CLI runs as a program too: ./dist/cli/index.js.
if (entries.includes('cli')) chmodSync('dist/cli/index.js', 0o755);

function write(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content, { mode: 0o644 });
}
