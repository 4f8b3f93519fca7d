// jest's globalSetup: every temp dir the tests make lives under one root, removed when jest exits
// (passed or failed), so no run leaves anything in the system's temp dir. os.tmpdir() reads
// TMPDIR, and the workers jest starts after this inherit it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup() {
  const root = mkdtempSync(join(tmpdir(), 'oauth-broker-jest-'));
  process.env.TMPDIR = root;
  process.on('exit', () => rmSync(root, { recursive: true, force: true }));
}
