// npm run demo: the bundled action, run as the runner runs it, against local stand-ins
// of Anthropic's token endpoint, GitHub's secrets API and the Actions cache service.
// Nothing leaves 127.0.0.1.
import { createHash } from 'node:crypto';
import { cleanupRuns, runAction, runMainThenPost, type RunResult } from '../__tests__/support/runner.js';
import { REPO, startStandIns, stopStandIns } from '../__tests__/support/stand-ins.js';
import { fakeToken } from '../__tests__/support/fake-tokens.js';

const SECRET = 'CLAUDE_CREDENTIALS';
const PAT = fakeToken('pat');
const fp = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 12);

/** Prints a step's log as the Actions UI shows it: masked values as ***, commands rendered. */
function show(title: string, r: RunResult): void {
  const masks = [...r.masks].sort((a, b) => b.length - a.length);
  const mask = (s: string): string => masks.reduce((t, m) => (m ? t.split(m).join('***') : t), s);
  console.log(`\n── ${title} (exit ${r.code}) ${'─'.repeat(Math.max(0, 60 - title.length))}`);
  for (const line of r.stdout.split('\n')) {
    if (!line || line.startsWith('::add-mask::') || line.startsWith('::debug::')) continue;
    const m = /^::(error|warning|notice)::(.*)$/.exec(line);
    console.log(
      '  ' +
        mask(m ? `${m[1][0].toUpperCase()}${m[1].slice(1)}: ${m[2].replace(/%0A/g, ' ').replace(/%25/g, '%')}` : line),
    );
  }
  if (Object.keys(r.outputs).length) {
    console.log('  outputs:');
    for (const [k, v] of Object.entries(r.outputs)) console.log(`    ${k} = ${mask(v)}`);
  }
  for (const [k, v] of Object.entries(r.env)) console.log(`  env ${k} = ${mask(v)}`);
}

const standIns = await startStandIns(PAT);
const { oauth, gh: github, cache } = standIns;
try {
  const { refreshToken, accessToken } = oauth.issue(['user:inference', 'user:profile']);
  const expired = JSON.stringify({
    claudeAiOauth: {
      accessToken,
      refreshToken,
      expiresAt: Date.now() - 60_000,
      scopes: ['user:inference', 'user:profile'],
      subscriptionType: 'max',
    },
  });
  github.setRepoSecret(REPO, SECRET, expired);
  console.log(`Stand-ins: token endpoint ${oauth.tokenUrl}, GitHub API ${github.url}, cache service ${cache.url}.`);
  console.log(`Secret ${SECRET} of ${REPO} holds Claude Code credentials whose access token expired a minute ago.`);

  const inputs = {
    credentials: expired,
    'secret-name': SECRET,
    'secret-repository': REPO,
    'github-token': PAT,
    'github-api-url': github.url,
    'token-url': oauth.tokenUrl,
  };
  const env = { ...cache.env('refs/heads/main'), OAUTH_BROKER_POLL_MS: '500' };
  const first = await runMainThenPost({ inputs: { ...inputs, 'credentials-file': 'auto' }, env, debug: false });
  show('uses: oauth-broker (main)', first.main);
  show('Post oauth-broker', first.post);

  const stored = github.repoSecret(REPO, SECRET)!;
  const doc = JSON.parse(stored.value) as {
    claudeAiOauth: { accessToken: string; refreshToken: string; subscriptionType: string };
  };
  console.log('\nGitHub stand-in opened the sealed box with its private key:');
  console.log(
    `  ${SECRET} updated ${stored.updated_at}; access token fingerprint ${fp(doc.claudeAiOauth.accessToken)} ` +
      `(the step's output: ${first.main.outputs.fingerprint})`,
  );
  console.log(
    `  subscriptionType kept: ${doc.claudeAiOauth.subscriptionType}; ` +
      `old refresh token live at the provider: ${oauth.isLive(refreshToken)}; ` +
      `new one live: ${oauth.isLive(doc.claudeAiOauth.refreshToken)}`,
  );

  let calls = oauth.requests.length + github.requests.length;
  const next = await runAction('main', { inputs: { ...inputs, credentials: stored.value }, env, debug: false });
  show('a later job, with the updated secret', next);
  console.log(`\nNetwork calls made by that job: ${oauth.requests.length + github.requests.length - calls}.`);

  // A job queued before the rotation still holds the old value: its refresh token is spent.
  calls = oauth.requests.length;
  const stale = await runAction('main', { inputs, env, debug: false });
  show('a job queued before the rotation, with the old secret value', stale);
  console.log(
    `\nCalls it made to the provider: ${oauth.requests.length - calls}; ` +
      `spent tokens presented at the provider so far: ${oauth.reuseCount}.`,
  );
  if ([first.main.code, first.post.code, next.code, stale.code].some((c) => c !== 0)) process.exitCode = 1;
} finally {
  await stopStandIns(standIns);
  await cleanupRuns();
}
