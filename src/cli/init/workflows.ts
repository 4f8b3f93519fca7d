// The two workflows `oauth-broker init` writes, from the README's recipes (Quick start): the scheduled
// rotation, the only workflow that refreshes, and a job that uses the stored token without refreshing
// (`mode: check`) and runs the agent's CLI. Pinned to the release workflows pin.

/** What workflows pin: the release's major tag (README: Releases). */
export const BROKER_REF = 'oauth-broker/oauth-broker@v1';
const CHECKOUT_REF = 'actions/checkout@v5';
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

interface Agent {
  /** Names the workflows and their files. */
  name: string;
  file: string;
  /** How often the rotation runs: Anthropic's access tokens live about 8 h, ChatGPT's days. */
  cron: string;
  cronNote: string;
  /** Extra inputs of the broker step in the rotation. */
  rotate: string[];
  /** Extra inputs of the broker step in the job. */
  job: string[];
  /** The steps after the broker's, indented as steps. */
  run: string[];
}

const AGENTS: Record<InitProvider, Agent> = {
  anthropic: {
    name: 'Claude',
    file: 'claude',
    cron: '17 */4 * * *',
    cronNote: 'every 4 h leaves at least 4 h on the stored token, even when a run starts late',
    rotate: ['env-name: none'],
    job: ['min-ttl: 1h'],
    run: [
      '# The broker set CLAUDE_CODE_OAUTH_TOKEN for the steps after it.',
      '- run: npm install -g @anthropic-ai/claude-code',
      '- run: claude -p "$PROMPT"',
      '  env:',
      `    PROMPT: \${{ inputs.prompt }}`,
    ],
  },
  openai: {
    name: 'Codex',
    file: 'codex',
    cron: '41 5 * * *',
    cronNote: 'ChatGPT access tokens live days: once a day is plenty',
    rotate: ['provider: openai', 'credentials-file: none'],
    job: ['provider: openai', 'min-ttl: 2h'],
    run: [
      '# The broker wrote ~/.codex/auth.json (the access token only; removed by its post step).',
      '- run: npm install -g @openai/codex',
      '- run: codex exec "$PROMPT"',
      '  env:',
      `    PROMPT: \${{ inputs.prompt }}`,
    ],
  },
};

/** A secret's name as a file name: CLAUDE_CREDENTIALS → claude-credentials. */
const slug = (name: string): string => name.toLowerCase().replace(/_/g, '-');

const indent = (lines: readonly string[], by: number): string[] => lines.map((l) => `${' '.repeat(by)}${l}`);

/** `environment:` of a job, when the secret is an environment's. */
const environmentLines = (s: Setup): string[] =>
  s.environment ? [`    environment: ${yamlString(s.environment)}`] : [];

/** A YAML scalar: plain when it is a plain word, else double-quoted (JSON's escapes are YAML's). */
function yamlString(s: string): string {
  return /^[A-Za-z0-9_.-]+$/.test(s) && !/^[0-9.-]/.test(s) ? s : JSON.stringify(s);
}

function rotation(s: Setup): Workflow {
  const a = AGENTS[s.provider];
  const text = [
    `# Written by oauth-broker init. Keeps the login in the secret ${s.secret} fresh: the only workflow that`,
    '# refreshes it. A failed run opens an issue about the secret; the next success closes it.',
    `name: Rotate ${a.name} credentials`,
    'on:',
    '  schedule:',
    `    - cron: "${a.cron}" # ${a.cronNote}`,
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
    ...environmentLines(s),
    '    steps:',
    `      - uses: ${BROKER_REF}`,
    '        with:',
    ...indent(
      [
        ...a.rotate.filter((l) => l.startsWith('provider:')),
        `credentials: \${{ secrets.${s.secret} }}`,
        'mode: refresh',
        `secret-name: ${s.secret}`,
        ...(s.environment ? [`secret-environment: ${yamlString(s.environment)}`] : []),
        `github-token: \${{ secrets.${WRITER_SECRET} }}`,
        ...a.rotate.filter((l) => !l.startsWith('provider:')),
        'alert: issue',
      ],
      10,
    ),
  ];
  return { file: `oauth-broker-rotate-${slug(s.secret)}.yml`, what: 'the rotation workflow', text: lines(text) };
}

function job(s: Setup): Workflow {
  const a = AGENTS[s.provider];
  const text = [
    `# Written by oauth-broker init. Runs ${a.name} with the login in the secret ${s.secret}. The broker step`,
    '# makes no network call and holds no token that writes secrets (mode: check): it fails, in one line,',
    '# only when the rotation has stalled. Start it from the Actions tab, or adapt its trigger.',
    `name: ${a.name}`,
    'on:',
    '  workflow_dispatch:',
    '    inputs:',
    '      prompt:',
    `        description: What to ask ${a.name}`,
    '        required: true',
    '        default: Summarise what this repository does, in five lines.',
    'permissions:',
    '  contents: read',
    'jobs:',
    `  ${a.file}:`,
    '    runs-on: ubuntu-latest',
    ...environmentLines(s),
    '    steps:',
    `      - uses: ${CHECKOUT_REF}`,
    `      - uses: ${BROKER_REF}`,
    '        with:',
    ...indent(
      [
        ...a.job.filter((l) => l.startsWith('provider:')),
        `credentials: \${{ secrets.${s.secret} }}`,
        'mode: check',
        ...a.job.filter((l) => !l.startsWith('provider:')),
      ],
      10,
    ),
    ...indent(a.run, 6),
  ];
  return { file: `oauth-broker-${a.file}.yml`, what: `a job that runs ${a.name}`, text: lines(text) };
}

const lines = (l: readonly string[]): string => `${l.join('\n')}\n`;

/** The rotation workflow, then the job workflow, for that setup. */
export function workflowsFor(s: Setup): Workflow[] {
  return [rotation(s), job(s)];
}
