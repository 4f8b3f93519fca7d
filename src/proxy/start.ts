// proxy: true (docs/proxy.md): the main step starts the credential proxy with the live access token
// and hands later steps its URL and placeholders; the post step stops it, whatever happened before.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseCredentials, serializeCredentials } from '../core/formats/index.js';
import { UserError } from '../core/errors.js';
import { jwtClaims } from '../core/jwt.js';
import { neutral } from '../core/neutral.js';
import { throwawayCertificates } from './cert.js';
import { OWN_REFRESH_PATH, type ProxiedProvider } from './guard.js';
import type { Handoff } from './handoff.js';
import { launchProxy, proxyFolder, stopProxy, type ProxyFolder } from './launch.js';
import { anthropicPlaceholder, placeholderJwt, refreshPlaceholder } from './placeholders.js';
import { REFRESH_INPUTS, copyAfter } from './renew.js';
import type { Deps, ProxyMode } from '../action/deps.js';
import { PLACEHOLDER_LIFE_MS, publish, type Outcome, type Proxied } from '../action/export.js';
import type { Config } from '../action/inputs.js';
import type { Masker } from '../action/mask.js';
import { PROXY_STATE, sealed, unsealed } from '../action/state.js';

// How long the proxy may take to listen: a cold start of Node and the bundle is well under a second.
const LISTEN_TIMEOUT_MS = 10_000;
// The refused requests the post step lists; the rest are counted.
const LISTED_REFUSALS = 20;

/** Where the proxy's bundle is: dist/proxy beside the running step's dist/main. */
function bundledScript(): string {
  return join(dirname(process.argv[1] ?? '.'), '..', 'proxy', 'index.js');
}

/** What the provider's CLI gets instead of the tokens, and what the proxy needs to serve it. */
interface Plan {
  held: Proxied['held'];
  handoff: Pick<Handoff, 'tls' | 'ownRefresh'>;
  /** Once the proxy listens at `url`: the variables and the config file that point the CLI at it. */
  pointTo(url: string): Pick<Proxied, 'env' | 'config'>;
}

function plan(cfg: Config, out: Outcome, folder: ProxyFolder, now: number): Plan {
  if (cfg.provider.id !== 'openai') {
    return {
      held: { accessToken: anthropicPlaceholder() },
      handoff: {},
      pointTo: (url) => ({ env: { ANTHROPIC_BASE_URL: url } }),
    };
  }
  // Codex: https only, so a throwaway CA it trusts; JWT placeholders keeping the claims it reads; its own
  // refresh sent to the proxy, which answers with the same placeholders.
  const idClaims = jwtClaims(out.creds.idToken) ?? {};
  const far = now + PLACEHOLDER_LIFE_MS;
  const held = {
    accessToken: placeholderJwt(jwtClaims(out.creds.accessToken) ?? idClaims, far),
    idToken: placeholderJwt(idClaims, far),
    refreshToken: refreshPlaceholder(),
  };
  const { ca, cert, key } = throwawayCertificates();
  const caFile = join(folder.dir, 'ca.pem');
  writeFileSync(caFile, ca, { mode: 0o644 });
  const configFile = (cfg.proxy as NonNullable<Config['proxy']>).configFile as string;
  const answer = { access_token: held.accessToken, refresh_token: held.refreshToken, id_token: held.idToken };
  return {
    held,
    handoff: { tls: { key, cert }, ownRefresh: { refreshToken: held.refreshToken, answer } },
    pointTo: (url) => ({
      env: {
        CODEX_HOME: dirname(configFile),
        CODEX_CA_CERTIFICATE: caFile,
        CODEX_REFRESH_TOKEN_URL_OVERRIDE: `${url}${OWN_REFRESH_PATH}`,
      },
      config: {
        path: configFile,
        content: `chatgpt_base_url = "${url}/backend-api/"\nopenai_base_url = "${url}/backend-api/codex"\n`,
      },
    }),
  };
}

/** Starts the proxy with the outcome's access token, then hands later steps the placeholders. */
export async function startProxyMode(deps: Deps, cfg: Config, out: Outcome, masker: Masker, now: number) {
  const { core } = deps;
  const upstream = (cfg.proxy as NonNullable<Config['proxy']>).upstream;
  const folder = proxyFolder(deps.env.RUNNER_TEMP || tmpdir());
  const p = plan(cfg, out, folder, now);
  masker.mask(p.held.accessToken, p.held.idToken, p.held.refreshToken);
  let pid = 0;
  let url: string;
  try {
    url = await launchProxy({
      script: deps.proxyScript ?? bundledScript(),
      folder,
      env: deps.env,
      handoff: {
        provider: cfg.provider.id as ProxiedProvider,
        upstream,
        placeholder: p.held.accessToken,
        ...p.handoff,
        accessToken: out.creds.accessToken ?? '',
        ...(out.creds.expiresAt === undefined ? {} : { expiresAt: out.creds.expiresAt }),
        // The copy the proxy refreshes: what this job wrote, or what it held (src/proxy/renew.ts copyAfter).
        credentials: out.stored ?? serializeCredentials(copyAfter(parseCredentials(core.getInput('credentials')), out)),
        inputs: Object.fromEntries(REFRESH_INPUTS.map((name) => [name, core.getInput(name)])),
      },
      // In a job's container the step's parent is outside it (0), or the container's first process (1).
      watch: process.ppid > 1 ? process.ppid : 0,
      timeoutMs: LISTEN_TIMEOUT_MS,
      spawned: (id) => {
        pid = id;
        // From here on the post step stops it, whatever happens to this step.
        core.saveState(PROXY_STATE, sealed(core, PROXY_STATE, JSON.stringify({ pid, dir: folder.dir })));
      },
    });
  } catch (err) {
    const { log } = await stopProxy(pid, folder);
    throw new UserError(
      'OB_PROXY',
      `proxy: the credential proxy did not start (${neutral((err as Error).message, 80)}); run again, or set ` +
        'proxy: false.',
      { cause: err, details: log.split('\n').filter(Boolean).slice(-5) },
    );
  }
  core.info(`Started the credential proxy (pid ${pid}); its log is ${folder.log}.`);
  try {
    await publish(core, cfg, out, now, { url, held: p.held, ...p.pointTo(url) });
  } catch (err) {
    await stopProxy(pid, folder);
    throw err;
  }
}

/** The proxy the main step started for these inputs, if it says so; else nothing to stop. */
function savedProxy(deps: Deps): { pid: number; folder: ProxyFolder } | undefined {
  const { core } = deps;
  const opened = unsealed(core, PROXY_STATE, core.getState(PROXY_STATE));
  if ('untrusted' in opened) {
    core.warning("proxy: ignoring saved state that this step's main step did not write; no process is stopped.");
    return undefined;
  }
  const s = JSON.parse(opened.text) as { pid?: unknown; dir?: unknown };
  if (!Number.isSafeInteger(s.pid) || typeof s.dir !== 'string' || !basename(s.dir).startsWith('oauth-broker-proxy-'))
    return undefined;
  const dir = s.dir;
  return { pid: s.pid as number, folder: { dir, lease: join(dir, 'lease'), log: join(dir, 'proxy.log') } };
}

/** The post step: stops the proxy, and says what it forwarded and what it refused. */
export async function stopProxyMode(deps: Deps): Promise<void> {
  const { core } = deps;
  const saved = savedProxy(deps);
  if (!saved) return;
  const { how, log } = await stopProxy(saved.pid, saved.folder);
  const lines = log.split('\n').map((l) => l.replace(/^\S+ /, ''));
  const forwarded = lines.filter((l) => /^[A-Z]+ \S*: \d{3} in \d+ ms$/.test(l)).length;
  const refused = lines.filter((l) => l.startsWith('refused '));
  const stopped = { stopped: 'Stopped', killed: 'Killed (it did not stop when asked)', gone: 'Found already stopped' };
  core.info(
    `${stopped[how]}: the credential proxy, which forwarded ${forwarded} request${forwarded === 1 ? '' : 's'} ` +
      `and refused ${refused.length}.`,
  );
  for (const l of refused.slice(0, LISTED_REFUSALS)) core.info(`proxy: ${neutral(l)}`);
  if (refused.length > LISTED_REFUSALS) core.info(`proxy: and ${refused.length - LISTED_REFUSALS} more refusals.`);
  // Its refreshes, as a job's would be: a failed one is a warning (the agent got the upstream's refusals).
  for (const l of lines.filter((x) => x.startsWith('refreshed;') || x.startsWith('the refresh failed:'))) {
    if (l.startsWith('refreshed;'))
      core.info('proxy: refreshed the access token mid-job, and wrote the rotation back.');
    else core.warning(`proxy: ${neutral(l, 300)}`);
  }
}

/** The two halves as the action's entry points give them to the steps (src/action/deps.ts, ProxyMode). */
export const proxyMode: ProxyMode = { start: startProxyMode, stop: stopProxyMode };
