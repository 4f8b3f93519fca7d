// The two workflows `oauth-broker init` writes, as the README's recipes show them (its first workflow,
// and Recipes: Claude Code, Codex): the scheduled rotation, the only workflow that refreshes, and a job
// that uses the stored token without refreshing (`mode: check`) and runs the agent. Pinned to the
// release workflows pin; __tests__/cli/init.test.ts holds the pins to the README's.

/** What workflows pin: the release's major tag (README: Versions). */
export const BROKER_REF = 'oauth-broker/oauth-broker@v1';
const CHECKOUT_REF = 'actions/checkout@v7';
const CODEX_PACKAGE = '@openai/codex@0.171.0';
/** The rotation workflow's file, which `oauth-broker doctor` looks for first. */
export const ROTATION_FILE = 'oauth-broker-rotate.yml';
/** The secret the rotation workflow reads its `github-token` from, as the README's recipes name it. */
export const WRITER_SECRET = 'SECRETS_WRITER_TOKEN';

export type InitProvider = 'anthropic' | 'openai';

export interface Setup {
  provider: InitProvider;
  /** The secret that holds the login. */
  secret: string;
  /** The environment the secret belongs to, if it is an environment secret. */
  environment?: string;
}

export interface Workflow {
  /** The file name under .github/workflows. */
  file: string;
  /** What it is, in a few words for the lines init prints. */
  what: string;
  text: string;
}

/** A YAML scalar: plain when it is a plain word, else double-quoted (JSON's escapes are YAML's). */
function yamlString(s: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(s) ? s : JSON.stringify(s);
}

const indent = (lines: readonly string[], by: number): string[] => lines.map((l) => (l ? ' '.repeat(by) + l : l));
const text = (lines: readonly string[]): string => `${lines.join('\n')}\n`;
const secretRef = (name: string): string => `\${{ secrets.${name} }}`;

/** A job's `environment:`, when the secret is an environment's. */
const environmentLine = (s: Setup): string[] => (s.environment ? [`environment: ${yamlString(s.environment)}`] : []);

/** The broker step of the rotation: refresh, write back, alert. */
function rotationStep(s: Setup): string[] {
  return [
    `- uses: ${BROKER_REF}`,
    '  with:',
    ...indent(
      [
        ...(s.provider === 'openai' ? ['provider: openai'] : []),
        `credentials: ${secretRef(s.secret)}`,
        'mode: refresh',
        `secret-name: ${s.secret}`,
        ...(s.environment ? [`secret-environment: ${yamlString(s.environment)}`] : []),
        `github-token: ${secretRef(WRITER_SECRET)}`,
        s.provider === 'openai' ? 'credentials-file: none' : 'env-name: none',
        'alert: issue',
      ],
      4,
    ),
  ];
}

function rotation(s: Setup): Workflow {
  const claude = s.provider === 'anthropic';
  const lines = [
    `# Written by oauth-broker init: keeps the login in ${s.secret} fresh, the only workflow that refreshes it.`,
    '# A failed run opens an issue about the secret; the next success closes it.',
    `name: Rotate ${claude ? 'Claude' : 'Codex'} credentials`,
    'on:',
    '  schedule:',
    claude
      ? '    - cron: "17 */4 * * *" # access tokens live about 8 hours; scheduled runs can start late'
      : '    - cron: "41 5 * * *" # ChatGPT access tokens live days: once a day is plenty',
    '  workflow_dispatch:',
    'concurrency:',
    `  group: oauth-broker-rotate-${s.secret}`,
    '  cancel-in-progress: false',
    'permissions:',
    '  contents: read',
    "  issues: write # the alert issue, with the job's own token",
    'jobs:',
    '  rotate:',
    '    runs-on: ubuntu-latest',
    ...indent(environmentLine(s), 4),
    '    steps:',
    ...indent(rotationStep(s), 6),
  ];
  return { file: ROTATION_FILE, what: 'the rotation workflow', text: text(lines) };
}

/** README, Recipes: Claude Code. Answers @claude from the repository's own people. */
function claudeJob(s: Setup): Workflow {
  const lines = [
    `# Written by oauth-broker init: answers @claude with the login in ${s.secret}. The broker step makes no`,
    '# network call and holds no write token (mode: check): it fails in one line only if the rotation has',
    "# stalled. Claude acts with write access: only the repository's people start it.",
    'name: Claude',
    'on:',
    '  issue_comment:',
    '    types: [created]',
    'permissions:',
    '  contents: write',
    '  pull-requests: write',
    '  issues: write',
    '  id-token: write # claude-code-action exchanges it for its GitHub App token',
    'jobs:',
    '  claude:',
    '    if: >-',
    "      contains(github.event.comment.body, '@claude') &&",
    '      contains(fromJSON(\'["OWNER","MEMBER","COLLABORATOR"]\'), github.event.comment.author_association)',
    '    runs-on: ubuntu-latest',
    ...indent(environmentLine(s), 4),
    '    steps:',
    `      - uses: ${CHECKOUT_REF}`,
    `      - uses: ${BROKER_REF}`,
    '        id: claude',
    '        with:',
    `          credentials: ${secretRef(s.secret)}`,
    '          mode: check',
    '          min-ttl: 1h',
    '      - uses: anthropics/claude-code-action@v1',
    '        with:',
    `          claude_code_oauth_token: \${{ steps.claude.outputs.access-token }}`,
  ];
  return { file: 'claude.yml', what: 'a job that answers @claude', text: text(lines) };
}

/** README, Recipes: Codex. Reviews pull requests of this repository (forks get no secrets). */
function codexJob(s: Setup): Workflow {
  const lines = [
    `# Written by oauth-broker init: reviews pull requests with Codex and the login in ${s.secret}. The broker`,
    '# step writes ~/.codex/auth.json holding the access token only (mode: check): no write token here.',
    'name: Codex review',
    'on:',
    '  pull_request:',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  review:',
    '    if: github.event.pull_request.head.repo.full_name == github.repository # forks get no secrets',
    '    runs-on: ubuntu-latest',
    ...indent(environmentLine(s), 4),
    '    steps:',
    `      - uses: ${CHECKOUT_REF}`,
    '        with:',
    '          fetch-depth: 0',
    `      - uses: ${BROKER_REF}`,
    '        with:',
    '          provider: openai',
    `          credentials: ${secretRef(s.secret)}`,
    '          mode: check',
    '          min-ttl: 2h',
    `      - run: npm install -g ${CODEX_PACKAGE}`,
    '      - run: codex exec "Review the changes of this branch against origin/$BASE and list any bugs."',
    '        env:',
    `          BASE: \${{ github.base_ref }}`,
  ];
  return { file: 'codex-review.yml', what: 'a job that reviews pull requests with Codex', text: text(lines) };
}

/** The rotation workflow, then the job workflow, for that setup. */
export function workflowsFor(s: Setup): Workflow[] {
  return [rotation(s), s.provider === 'anthropic' ? claudeJob(s) : codexJob(s)];
}
