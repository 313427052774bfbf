/**
 * PostgreSQL administration for tests: each jest worker gets its own database, cloned from a
 * template that the global setup migrated once (cloning takes a fraction of a second).
 */
import { Client } from 'pg';

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/**
 * Names are per test run (the global setup's pid, inherited by the workers through the
 * environment), so two runs on one machine never drop each other's databases.
 */
export const RUN_ID = (process.env.FANGPIN_TEST_RUN ??= String(process.pid));
export const TEMPLATE_DB = `fangpin_test_${RUN_ID}_template`;

export function workerDatabaseName(): string {
  return `fangpin_test_${RUN_ID}_w${process.env.JEST_WORKER_ID ?? '0'}`;
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Drops this run's databases (and those of earlier runs whose process is gone). */
export async function dropTestDatabases(onlyThisRun: boolean): Promise<void> {
  const rows = await adminQuery<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'fangpin_test_%'`);
  for (const { datname } of rows) {
    const owner = /^fangpin_test_(\d+)_/.exec(datname)?.[1];
    const mine = owner === RUN_ID;
    const stale = owner !== undefined && !processAlive(Number(owner));
    if (mine || (!onlyThisRun && stale)) await adminQuery(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
