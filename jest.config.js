/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // miniprogram/tests: the mini-program's pure logic (form state, drafts, API client), no Taro needed.
  roots: ['<rootDir>/tests', '<rootDir>/flows', '<rootDir>/miniprogram/tests'],
  testMatch: ['**/*.test.ts'],
  // The generated Prisma client imports its own .ts files with .js extensions (ESM style).
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60000,
  // On a 2-core machine jest runs every file in its own process (one worker = in band), keeping each
  // file's modules for the whole run: package.json's test:jest gives that process an 8 GB heap (the
  // machines have 24 GB; the default ~4 GB ran out at ~190 suites). workerIdleMemoryLimit, which
  // recycles a worker instead, hung the run when jest-worker restarted its child (the new child got
  // no file and jest waited forever — jestjs/jest#13106's comments describe the same).
};
