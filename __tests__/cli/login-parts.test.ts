// The parts of `oauth-broker login` a run of the bundle cannot reach in reasonable time or on
// this platform, in-process with a CliDeps of the test's own: the 15-minute wait on a test
// clock, the browser each platform opens, the callback server's edges, the exchange's failures.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserError } from '../../src/core/errors.js';
import { authorize } from '../../src/cli/login/authorize.js';
import { browserCommand, showAddress } from '../../src/cli/login/browser.js';
import { codeFromPaste, codeFromQuery, ForeignAnswer } from '../../src/cli/login/callback.js';
import { deviceCode } from '../../src/cli/login/device.js';
import { exchangeCode } from '../../src/cli/login/exchange.js';
import { listenOnce } from '../../src/cli/login/loopback.js';
import { fakeToken } from '../support/fake-tokens.js';
import { closedPort } from '../support/http.js';
import { type LoginServer, OPENAI_CLIENT_ID, startLoginServer } from '../support/login-server.js';
import { testDeps } from '../support/test-deps.js';

const URL_ = 'https://auth.example/authorize?a=1&b=(2)';

describe('the browser a login opens', () => {
  it.each([
    { env: { BROWSER: 'none' }, platform: 'linux', launch: undefined },
    { env: { BROWSER: 'none', DISPLAY: ':0' }, platform: 'darwin', launch: undefined },
    {
      env: { BROWSER: 'firefox --new-window' },
      platform: 'linux',
      launch: { file: 'firefox', args: ['--new-window', URL_] },
    },
    {
      env: { BROWSER: 'my-browser --url=%s --flag' },
      platform: 'linux',
      launch: { file: 'my-browser', args: [`--url=${URL_}`, '--flag'] },
    },
    { env: {}, platform: 'darwin', launch: { file: 'open', args: [URL_] } },
    // cmd.exe would end the address at `&`.
    {
      env: {},
      platform: 'win32',
      launch: { file: 'cmd', args: ['/c', 'start', '', 'https://auth.example/authorize?a=1^&b=^(2^)'] },
    },
    { env: {}, platform: 'linux', launch: undefined },
    { env: { DISPLAY: ':0' }, platform: 'linux', launch: { file: 'xdg-open', args: [URL_] } },
    { env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'freebsd', launch: { file: 'xdg-open', args: [URL_] } },
  ] as const)('$platform with $env', ({ env, platform, launch }) => {
    expect(browserCommand(URL_, env, platform)).toEqual(launch);
  });

  it('prints the address always, and a browser that cannot start as one line', async () => {
    const ran: Array<[string, readonly string[], unknown]> = [];
    const deps = testDeps({
      env: { DISPLAY: ':0' },
      run: async (file, args, options) => {
        ran.push([file, args, options]);
        return { code: 3, stdout: '' };
      },
    });
    showAddress(URL_, 'Open this:', deps);
    await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toEqual([['xdg-open', [URL_], { timeoutMs: 0 }]]);
    expect(deps.lines).toEqual([
      'Open this:',
      URL_,
      'Could not open a browser (xdg-open exited 3); open the address above.',
    ]);
  });
});

describe('what comes back from the authorize page', () => {
  it.each([
    [new URLSearchParams({ state: 's' }), "the browser's redirect has no code"],
    [new URLSearchParams({ code: 'c' }), "the browser's redirect has no state"],
    [new URLSearchParams({ error: 'weird code!', state: 's' }), 'refused the login (an unrecognised error code)'],
  ])('refuses %s', (query, line) => {
    expect(() => codeFromQuery(query, 's', "the browser's redirect")).toThrow(line);
  });

  it.each([
    [{ code: 'c' }, 'has no state'],
    [{ code: 'c', state: 'other' }, 'belongs to another login'],
    [{ error: 'access_denied' }, 'has no state'],
    [{ error: 'access_denied', state: 'other' }, 'belongs to another login'],
  ])('an answer that is not this login’s, an error included, is a ForeignAnswer: %j', (query, line) => {
    const read = () => codeFromQuery(new URLSearchParams(query), 's', 'the redirect');
    expect(read).toThrow(ForeignAnswer);
    expect(read).toThrow(`the redirect ${line}`);
  });

  it('takes the address of the paste page in place of CODE#STATE, and refuses a bare word for an address', () => {
    const address = 'https://platform.claude.com/oauth/code/callback?code=the-code&state=s';
    expect(codeFromPaste(` ${address} `, 's', 'CODE#STATE')).toBe('the-code');
    expect(() => codeFromPaste('the-code#s', 's', 'address')).toThrow(
      'the pasted text is not the address the browser was sent to; run the login again and copy all of it.',
    );
  });
});

describe('the authorize page', () => {
  it('gives up after 15 minutes without an answer, on the test clock', async () => {
    const deps = testDeps({ env: { BROWSER: 'none' }, ask: () => new Promise<string>(() => {}) });
    const request = {
      authorizeUrl: 'https://auth.example/authorize?tenant=ci',
      clientId: 'c',
      redirectUri: 'https://ci.example/done',
      paste: 'address' as const,
    };
    await expect(authorize(request, deps)).rejects.toThrow(
      new UserError('OB_LOGIN', 'no answer from the login page within 15 minutes; run the login again.'),
    );
    const address = new URL(deps.lines[1]);
    expect(Object.fromEntries(address.searchParams)).toEqual({
      tenant: 'ci',
      response_type: 'code',
      client_id: 'c',
      redirect_uri: 'https://ci.example/done',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
      state: expect.stringMatching(/^[\w-]{43}$/),
    });
  });
});

describe('the callback server', () => {
  it('leaves the login waiting for anything but the callback, then answers the callback once', async () => {
    const port = await closedPort();
    const callback = await listenOnce(`http://127.0.0.1:${port}/cb`, (q) => codeFromQuery(q, 's', 'the redirect'));
    try {
      expect(callback.redirectUri).toBe(`http://127.0.0.1:${port}/cb`);
      expect((await fetch(`http://127.0.0.1:${port}/favicon.ico`)).status).toBe(404);
      const page = await fetch(`http://127.0.0.1:${port}/cb?code=abc&state=s`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/Close this tab/);
      await expect(callback.code).resolves.toBe('abc');
    } finally {
      callback.close();
    }
  });

  it('answers a callback that is not this login’s with a plain 400, and keeps waiting for its own', async () => {
    const callback = await listenOnce('http://localhost/cb', (q) => codeFromQuery(q, 's', 'the redirect'));
    let ended = false;
    callback.code.then(
      () => (ended = true),
      () => (ended = true),
    );
    try {
      expect(callback.redirectUri).toMatch(/^http:\/\/localhost:\d+\/cb$/);
      // Another login's, none, and an error with no state or another: anything on this machine can send them.
      for (const query of ['code=abc&state=other', 'code=abc', 'error=access_denied', 'error=x&state=other']) {
        const page = await fetch(`${callback.redirectUri}?${query}`);
        expect({ query, status: page.status, type: page.headers.get('content-type') }).toEqual({
          query,
          status: 400,
          type: 'text/plain; charset=utf-8',
        });
        expect(await page.text()).toBe(
          'This is not the answer to the login oauth-broker is waiting for; it was ignored.\n',
        );
      }
      await new Promise((resolve) => setImmediate(resolve));
      expect(ended).toBe(false);
      const page = await fetch(`${callback.redirectUri}?code=mine&state=s`);
      expect(page.status).toBe(200);
      await expect(callback.code).resolves.toBe('mine');
    } finally {
      callback.close();
    }
  });

  it('tells the browser an error of this login’s was refused, and the login why', async () => {
    const callback = await listenOnce('http://localhost/cb', (q) => codeFromQuery(q, 's', 'the redirect'));
    try {
      const refused = expect(callback.code).rejects.toThrow('the authorization server refused the login');
      const page = await fetch(`${callback.redirectUri}?error=access_denied&state=s`);
      expect(page.status).toBe(400);
      expect(await page.text()).toMatch(/The terminal says why/);
      await refused;
    } finally {
      callback.close();
    }
  });

  it('says in one line that the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      await expect(listenOnce(`http://127.0.0.1:${port}/cb`, () => '')).rejects.toThrow(
        `127.0.0.1:${port} is in use, so the browser's redirect cannot reach this login; end what listens there, ` +
          'or pass --redirect-uri with another port.',
      );
    } finally {
      taken.close();
    }
  });
});

describe('the device code login', () => {
  let server: LoginServer;
  beforeAll(async () => {
    server = await startLoginServer({ kind: 'openai', pollsBeforeApproval: Number.POSITIVE_INFINITY });
  });
  afterAll(() => server.close());

  it('polls every `interval` seconds and gives up after 15 minutes', async () => {
    const deps = testDeps({ env: { BROWSER: 'none' } });
    const polls = server.polls;
    await expect(deviceCode(server.deviceUrl, OPENAI_CLIENT_ID, 'provider openai', deps)).rejects.toThrow(
      new UserError('OB_LOGIN', 'the code was not entered within 15 minutes; run the login again.'),
    );
    // interval "5": at 0 s, 5 s, … 900 s.
    expect(server.polls - polls).toBe(181);
  });

  it('says when the server has no device login', async () => {
    const deps = testDeps();
    await expect(deviceCode(`${server.url}/none`, OPENAI_CLIENT_ID, 'provider openai', deps)).rejects.toThrow(
      'provider openai answered HTTP 404 (not_found); device code login is not enabled there: use --browser.',
    );
  });
});

describe('the code exchange', () => {
  const exchange = (tokenUrl: string) => ({
    service: 'provider oauth2 (t)',
    tokenUrl,
    encoding: 'form' as const,
    fields: { grant_type: 'authorization_code', code: fakeToken('opaque') },
    clientId: 'c',
    withoutRefreshToken: 'ask for offline access',
  });

  it('says a refused connection spent nothing but needs a new login', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/token`;
    await expect(exchangeCode(exchange(url), testDeps())).rejects.toThrow(
      'provider oauth2 (t): connection refused; check --token-url and the network, then run the login again.',
    );
  });

  it('refuses an answer without a refresh token, keeping its access token for redaction', async () => {
    const server = await startLoginServer({ kind: 'oauth2' });
    const accessToken = fakeToken('opaque');
    server.tokenFaults.push(
      { status: 200, body: { access_token: accessToken, expires_in: 60 } },
      { status: 200, body: {} },
    );
    const deps = testDeps();
    try {
      await expect(exchangeCode(exchange(server.tokenUrl), deps)).rejects.toThrow(
        'provider oauth2 (t) answered without a refresh_token, so CI could not renew this login; ' +
          'ask for offline access.',
      );
      expect(deps.secrets.has(accessToken)).toBe(true);
      await expect(exchangeCode(exchange(server.tokenUrl), deps)).rejects.toThrow(
        'provider oauth2 (t) answered 200 but without an access_token; run the login again.',
      );
    } finally {
      await server.close();
    }
  });
});
