// libsodium's sealed box, as GitHub documents for secrets. Loaded on first use only:
// the stored-token path never pays for the WebAssembly module.
import { UserError } from '../core/errors.js';

const PUBLIC_KEY_BYTES = 32;

/** The key's bytes when it is strict standard base64 of a 32-byte key (Buffer alone would skip bad characters). */
function keyBytes(publicKeyBase64: string): Uint8Array | undefined {
  if (publicKeyBase64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(publicKeyBase64)) return undefined;
  const key = new Uint8Array(Buffer.from(publicKeyBase64, 'base64'));
  return key.length === PUBLIC_KEY_BYTES ? key : undefined;
}

/** Whether GitHub's answer holds a key that can seal: checked before a refresh, not at the write. */
export function checkPublicKey(publicKeyBase64: string): boolean {
  return keyBytes(publicKeyBase64) !== undefined;
}

let loading: Promise<typeof import('libsodium-wrappers')['default']> | undefined;

/** The part of the WebAssembly global libsodium's loader calls (the compiler's lib has no DOM types). */
interface Wasm {
  instantiate(source: unknown, imports?: unknown, ...options: unknown[]): Promise<unknown>;
  Module: new (bytes: unknown, ...options: unknown[]) => object;
  Instance: new (module: object, imports?: unknown) => object;
}

/**
 * libsodium, ready; the first call starts loading it. Its loader compiles the WebAssembly with the
 * asynchronous `WebAssembly.instantiate`, whose background compile left the refresh path idle for about
 * 100 ms on two cores busy loading the GitHub client (npm run bench). So while libsodium loads,
 * instantiating from bytes compiles on the main thread: the same module, without the wait.
 */
export function sodium(): Promise<typeof import('libsodium-wrappers')['default']> {
  loading ??= (async () => {
    const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;
    const instantiate = wasm.instantiate;
    wasm.instantiate = async (source, imports, ...options) => {
      // A compiled module (from any realm) is instantiated as before; only bytes are compiled here.
      if (Object.prototype.toString.call(source) === '[object WebAssembly.Module]') {
        return instantiate.call(wasm, source, imports, ...options);
      }
      const module = new wasm.Module(source, ...options);
      return { module, instance: new wasm.Instance(module, imports) };
    };
    try {
      const { default: s } = await import('libsodium-wrappers');
      await s.ready;
      return s;
    } finally {
      wasm.instantiate = instantiate;
    }
  })();
  return loading;
}

export async function sealForGitHub(plaintext: string, publicKeyBase64: string): Promise<string> {
  const key = keyBytes(publicKeyBase64);
  if (!key)
    throw new UserError(
      'OB_GITHUB',
      'GitHub returned a public key that is not a 32-byte base64 key; check github-api-url.',
    );
  const s = await sodium();
  const sealed = s.crypto_box_seal(s.from_string(plaintext), key);
  return s.to_base64(sealed, s.base64_variants.ORIGINAL);
}
