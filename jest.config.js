/** Jest runs the TypeScript sources as native ESM (ts-jest, --experimental-vm-modules). */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  globalSetup: '<rootDir>/__tests__/support/temp-root.mjs',
  // Most test files wait far more than they compute (child processes, local servers, a real
  // lease in dead-holder.test.ts), so more files run at once than there are cores. On this
  // 2-core machine the whole suite took 164 s with 2 workers, 135 s with 3, 118 s with 4, 101 s with 5.
  maxWorkers: 5,
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
