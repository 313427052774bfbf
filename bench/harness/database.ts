/**
 * The bench's own database: created on the PostgreSQL server of BENCH_DATABASE_URL (else
 * TEST_DATABASE_URL, else the local one), named fangpin_bench_<pid>, migrated the way the tests
 * migrate theirs (scripts/db-migrate.ts in a child process), dropped at the end.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { ROOT } from './server-process';

export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export class BenchDatabase {
  readonly pool: Pool;

  private constructor(
    readonly name: string,
    readonly url: string,
  ) {
    this.pool = new Pool({ connectionString: url, max: 4 });
  }

  static async create(name = `fangpin_bench_${process.pid}`): Promise<BenchDatabase> {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${name}"`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/db-migrate.ts')], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: url.toString() },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    } catch (err) {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      throw err;
    }
    return new BenchDatabase(name, url.toString());
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  /** A dedicated connection (a driver loop of its own); end it when done. */
  async connect(): Promise<Client> {
    const c = new Client({ connectionString: this.url });
    await c.connect();
    return c;
  }

  /** host, port, user and database for libpq tools (pgbench). */
  libpq(): { host: string; port: string; user: string; password: string; database: string } {
    const u = new URL(this.url);
    return { host: u.hostname, port: u.port || '5432', user: decodeURIComponent(u.username || 'postgres'), password: decodeURIComponent(u.password), database: this.name };
  }

  async drop(): Promise<void> {
    await this.pool.end();
    await admin(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
  }
}

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function postgresVersion(db: BenchDatabase): Promise<string> {
  const [row] = await db.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  return row?.v ?? '?';
}
