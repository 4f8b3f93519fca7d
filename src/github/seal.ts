// libsodium's sealed box, as GitHub documents for secrets. Loaded on first use only:
// the stored-token path never pays for the WebAssembly module.
import { UserError } from '../errors.js';

export async function sealForGitHub(plaintext: string, publicKeyBase64: string): Promise<string> {
  const { default: sodium } = await import('libsodium-wrappers');
  await sodium.ready;
  let key: Uint8Array;
  try {
    key = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
  } catch {
    key = new Uint8Array(0);
  }
  if (key.length !== sodium.crypto_box_PUBLICKEYBYTES) throw new UserError('GitHub returned a public key that is not a 32-byte base64 key; check github-api-url.');
  const sealed = sodium.crypto_box_seal(sodium.from_string(plaintext), key);
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}
