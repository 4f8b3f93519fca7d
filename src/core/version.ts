// Kept equal to package.json's version by __tests__/version.test.ts.
export const VERSION = '1.0.0';
export const USER_AGENT = `oauth-broker/${VERSION} (GitHub Action; +https://github.com/oauth-broker/oauth-broker)`;
