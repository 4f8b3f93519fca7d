/** Jest runs the TypeScript sources as native ESM (ts-jest, --experimental-vm-modules). */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  // Jest's default is one worker per core but one; its parent only waits, so both cores of a
  // 2-core runner (and this machine) run test files.
  maxWorkers: 2,
  // The orchestration runs in-process (__tests__/support/step.ts), so its coverage is measured;
  // V8's own counters work with native ESM, where babel instrumentation does not.
  collectCoverage: true,
  coverageProvider: 'v8',
  // src/action/main.ts, src/action/post.ts and src/proxy/main.ts only wire the real dependencies; they run
  // only as dist/, which the end-to-end tests drive in child processes that coverage cannot see.
  collectCoverageFrom: ['src/**/*.ts', '!src/action/main.ts', '!src/action/post.ts', '!src/proxy/main.ts'],
  coverageReporters: ['text-summary', 'text'],
  coverageThreshold: { global: { lines: 90 } },
};
