/**
 * The mini-program's unit tests on their own (`npm test` here): pure logic, no database, so
 * without the top-level global setup. The top-level `npm test` runs the same files (its roots
 * include miniprogram/tests). jest and ts-jest come from the top-level install.
 */
const path = require('path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'node',
  roots: ['<rootDir>/miniprogram/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
};
