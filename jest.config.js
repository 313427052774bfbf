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
};
