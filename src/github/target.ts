// Which secret the rotated credentials go to; named in logs without loading the REST client.

export type SecretTarget =
  | { kind: 'repo'; owner: string; repo: string; name: string }
  | { kind: 'env'; owner: string; repo: string; environment: string; name: string }
  | { kind: 'org'; org: string; name: string };

export function describeTarget(t: SecretTarget): string {
  if (t.kind === 'repo') return `repository secret ${t.name} of ${t.owner}/${t.repo}`;
  if (t.kind === 'env') return `environment secret ${t.name} of ${t.owner}/${t.repo} (environment ${t.environment})`;
  return `organization secret ${t.name} of ${t.org}`;
}

/**
 * A claim's name, or its settled twin's (docs/design.md, "The claim"): the only secrets the
 * broker creates or deletes.
 */
export const CLAIM_NAME = /^OAUTH_BROKER_([0-9A-F]{20})_(\d+)(_S)?$/i;

/** A word for a POSIX shell: as it is when plain, else single-quoted. */
function shellWord(s: string): string {
  return /^[A-Za-z0-9_.,:/@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The CLI commands that make a new login and store it in the target (README: First login). */
export function reloginCommand(provider: string, t: SecretTarget): string {
  let where = t.kind === 'org' ? `--org ${t.org}` : `--repo ${t.owner}/${t.repo}`;
  where += ` --secret ${t.name}`;
  if (t.kind === 'env') where += ` --environment ${shellWord(t.environment)}`;
  return `oauth-broker login --provider ${provider} --out - | oauth-broker seed ${where} --from -`;
}
