// The runner's proxy variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, upper or lower case) for every
// request the broker sends itself: the provider's token endpoint and GitHub. Which proxy a URL takes
// is @actions/http-client's own decision, so the broker agrees with the cache library and the runner.
// Node's global fetch ignores these variables, so a proxied request goes through undici's ProxyAgent.

type Route = (url: URL) => { fetch: typeof fetch; dispatcher: unknown } | undefined;

/**
 * The fetch of the action and the CLI: the proxy where one applies, else the broker's own client
 * (src/core/transport.ts), loaded with the first request: a run that sends none never parses it.
 */
export function brokerFetch(env: Record<string, string | undefined>): typeof fetch {
  let loading: Promise<typeof fetch> | undefined;
  const direct = (async (input: string | URL, init?: RequestInit) => {
    loading ??= import('./transport.js').then((m) => m.nodeFetch());
    return (await loading)(input, init);
  }) as typeof fetch;
  return proxyAwareFetch(env, direct);
}

const VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

/**
 * `direct` for URLs no proxy applies to; the proxy otherwise. Nothing is loaded until a request is
 * sent, and nothing at all without a proxy variable: the stored-token path stays as lean as before.
 */
export function proxyAwareFetch(env: Record<string, string | undefined>, direct: typeof fetch): typeof fetch {
  if (!VARIABLES.some((name) => env[name])) return direct;
  let routing: Promise<Route> | undefined;
  return (async (input: string | URL | Request, init?: RequestInit) => {
    routing ??= router();
    const route = await routing;
    const url = new URL(input instanceof Request ? input.url : String(input));
    const proxied = route(url);
    if (!proxied) return direct(input, init);
    return proxied.fetch(url, { ...init, dispatcher: proxied.dispatcher } as RequestInit);
  }) as typeof fetch;
}

async function router(): Promise<Route> {
  const [{ HttpClient }, { getProxyUrl }, undici] = await Promise.all([
    import('@actions/http-client'),
    import('@actions/http-client/lib/proxy'),
    import('undici'),
  ]);
  // @actions/http-client builds the ProxyAgent (credentials in the proxy URL included); one per proxy.
  const agents = new Map<string, unknown>();
  const proxiedFetch = undici.fetch as unknown as typeof fetch;
  return (url) => {
    const proxy = getProxyUrl(url);
    if (!proxy?.hostname) return undefined;
    if (!agents.has(proxy.href)) agents.set(proxy.href, new HttpClient().getAgentDispatcher(url.href));
    return { fetch: proxiedFetch, dispatcher: agents.get(proxy.href) };
  };
}
