// The user agent names the version users run: the one package.json (and so the release tag) says.
import { readFileSync } from 'node:fs';
import { USER_AGENT, VERSION } from '../src/core/version.js';

it("VERSION is package.json's version, and the user agent carries it", () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(VERSION).toBe(pkg.version);
  expect(USER_AGENT.startsWith(`oauth-broker/${pkg.version} `)).toBe(true);
});
