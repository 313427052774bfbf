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
  // One worker on a 2-core machine would run every file in jest's own process, which keeps each file's
  // modules and transforms for the whole run (past 4 GB: a heap-out-of-memory at ~190 suites). With a
  // limit jest runs files in a worker and starts a new one when it holds more than this after a file.
  workerIdleMemoryLimit: '1GB',
};
