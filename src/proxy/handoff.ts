// What the main step hands the proxy process, through a pipe it reads once (never its environment,
// its command line or a file): the only way the live token reaches it.
import type { ProxiedProvider } from './guard.js';

export interface Handoff {
  v: 1;
  provider: ProxiedProvider;
  /** Where admitted requests go (proxy-upstream, checked by src/action/inputs.ts). */
  upstream: string;
  placeholder: string;
  accessToken: string;
  /** When it expires, epoch ms; absent when unknown. */
  expiresAt?: number;
  /**
   * The credentials as the secret holds them now (the copy the proxy refreshes), and the action's inputs
   * the refresh reads (src/action/inputs.ts): the proxy refreshes as a job holding that copy would.
   */
  credentials: string;
  inputs: Record<string, string>;
  /** openai: https with this key and certificate (src/proxy/cert.ts), and the CLI's own refresh answered. */
  tls?: { key: string; cert: string };
  ownRefresh?: { refreshToken: string; answer: Record<string, string> };
  /** A file the post step removes: the proxy stops once it is gone. */
  lease: string;
  /**
   * The runner's process (the main step's parent): the proxy stops once it is gone. 0: none to watch (in
   * a job's container, where the step's parent is outside it); the lease and the container's end remain.
   */
  watch: number;
}

/** What the proxy process tells the main step once, over the IPC channel, before it lets go. */
export type Ready = { url: string } | { error: string };

const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** The handoff as sent, or undefined when it is not one (the proxy then refuses to start). */
export function parseHandoff(text: string): Handoff | undefined {
  let h: Partial<Handoff>;
  try {
    h = JSON.parse(text) as Partial<Handoff>;
  } catch {
    return undefined;
  }
  const inputs = h?.inputs as Record<string, unknown> | undefined;
  const valid =
    h?.v === 1 &&
    (h.provider === 'anthropic' || h.provider === 'openai') &&
    (h.tls === undefined || (isString(h.tls?.key) && isString(h.tls?.cert))) &&
    (h.ownRefresh === undefined ||
      (isString(h.ownRefresh?.refreshToken) && typeof h.ownRefresh?.answer === 'object')) &&
    [h.upstream, h.placeholder, h.accessToken, h.lease, h.credentials].every(isString) &&
    (h.expiresAt === undefined || Number.isFinite(h.expiresAt)) &&
    typeof inputs === 'object' &&
    inputs !== null &&
    Object.values(inputs).every((v) => typeof v === 'string') &&
    Number.isSafeInteger(h.watch) &&
    (h.watch as number) >= 0;
  return valid ? (h as Handoff) : undefined;
}
