// node -r this file: when the process exits, every file it has required and every Node built-in
// it has loaded (as `node:NAME`) are written to $LOADED_LOG, so a test can tell which of the CLI
// bundle's chunks (CommonJS) and which costly built-ins a command really loaded.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (!process.env.LOADED_LOG) return;
  const builtins = process.moduleLoadList
    .filter((m) => m.startsWith('NativeModule '))
    .map((m) => `node:${m.slice(13)}`);
  writeFileSync(process.env.LOADED_LOG, `${[...Object.keys(require.cache), ...builtins].join('\n')}\n`);
});
