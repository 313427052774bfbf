/**
 * Migrates a template database once per test run (through the wasm schema engine, in a child
 * process because the engine is ESM + wasm and cannot load inside jest's module sandbox).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { adminQuery, databaseUrl, dropTestDatabases, TEMPLATE_DB } from './postgres';

export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  await dropTestDatabases(false);
  await adminQuery(`CREATE DATABASE "${TEMPLATE_DB}"`);
  execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/db-migrate.ts')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl(TEMPLATE_DB) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
