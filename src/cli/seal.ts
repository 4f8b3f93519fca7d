// `oauth-broker seal`: the sealed value for a public key fetched elsewhere, without any network
// (the air-gapped hand-over). Only libsodium is loaded: no HTTP client, no GitHub client.
import { invalid } from '../core/checks.js';
import type { PublicKey } from '../github/answers.js';
import { checkPublicKey, sealForGitHub } from '../github/seal.js';
import type { CliDeps } from './deps.js';
import { readSecretValue } from './value.js';
import { type Args, option, parsedJson, readFrom, UsageError, type Verb } from './verb.js';

// GitHub's key ids are decimal numbers; anything printable up to this length is passed on as given.
const KEY_ID = /^[\x21-\x7e]{1,100}$/;

/** The key from --key-file (the JSON of GET …/secrets/public-key) or --public-key with --key-id. */
async function keyOf(args: Args, from: string, deps: CliDeps): Promise<PublicKey> {
  const file = option(args, 'key-file');
  const key = option(args, 'public-key');
  const keyId = option(args, 'key-id');
  if (file && (key || keyId)) throw new UsageError('--key-file, or --public-key with --key-id: give one.');
  if (file) {
    if (file === '-' && from === '-')
      throw new UsageError('--key-file - and --from -: only one can be standard input.');
    return keyFile(await readFrom(file, deps, 'key-file'), file);
  }
  if (!key || !keyId) {
    throw new UsageError(
      key || keyId
        ? `--${key ? 'key-id' : 'public-key'} is missing.`
        : 'give --key-file, or --public-key with --key-id.',
    );
  }
  if (!checkPublicKey(key)) throw new UsageError('--public-key: is not a 32-byte base64 public key.');
  if (!KEY_ID.test(keyId)) throw new UsageError('--key-id: is not a key id.');
  return { key_id: keyId, key };
}

function keyFile(text: string, file: string): PublicKey {
  const k = parsedJson(text) as Partial<PublicKey> | undefined;
  if (typeof k?.key_id === 'string' && KEY_ID.test(k.key_id) && typeof k.key === 'string' && checkPublicKey(k.key)) {
    return { key_id: k.key_id, key: k.key };
  }
  throw invalid(
    `--key-file ${file}`,
    'is not the {"key_id","key"} of GET …/secrets/public-key',
    'fetch it again (oauth-broker public-key)',
  );
}

export const verb: Verb = {
  usage: [
    'seal (--public-key KEY --key-id ID | --key-file F) [--from FILE|-]',
    '  Prints {"encrypted_value","key_id"}: the credentials sealed with the public key of a secret, for',
    '  oauth-broker put (or the REST API) to store. No network at all. --key-file takes the JSON that',
    '  GET …/secrets/public-key returns (oauth-broker public-key prints it). --from defaults to - (standard',
    '  input); refused when over 48 KB or not credentials the action accepts.',
  ].join('\n'),
  options: {
    'public-key': { type: 'string' },
    'key-id': { type: 'string' },
    'key-file': { type: 'string' },
    from: { type: 'string' },
  },
  async run(args: Args, deps: CliDeps): Promise<void> {
    const from = option(args, 'from') ?? '-';
    const key = await keyOf(args, from, deps);
    const value = await readSecretValue(from, deps);
    const encrypted = await sealForGitHub(value, key.key);
    deps.stdout(`${JSON.stringify({ encrypted_value: encrypted, key_id: key.key_id })}\n`);
    deps.stderr(`Sealed with key ${key.key_id}; store it with oauth-broker put --sealed.`);
  },
};
