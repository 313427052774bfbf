/**
 * The baseline of a conversation step: the database's own speed for the step's minimal
 * transaction — read the session, write it back (a jsonb UPDATE of the size a sealed session
 * holds), insert the idempotency row — on the same tables of the same database, with as many
 * clients as villagers. Run by pgbench (PGBENCH, else pgbench on the PATH or PostgreSQL 15's)
 * with prepared statements; where there is no pgbench, by the same transaction through `pg`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BenchDatabase } from '../harness/database';
import { closedLoop, type LoadResult } from '../harness/load';
import { percentiles } from '../harness/stats';

// no colon: pgbench would read ":name" inside a literal as a variable
const CHANNEL = 'pgbench-baseline';
/** About the size of a sealed session state in the middle of an application. */
const STATE_BYTES = 2000;
const REPLIES_BYTES = 600;

const SELECT = `SELECT s.id, s.state, s.version FROM "Contact" c JOIN "ConversationSession" s ON s."contactId" = c.id WHERE c.channel = '${CHANNEL}' AND c."externalId" = $1`;
const UPDATE = `UPDATE "ConversationSession" SET state = to_jsonb($2::text), version = version + 1, "updatedAt" = now() WHERE "contactId" = $1`;
const INSERT = `INSERT INTO "InboundMessage" (id, channel, "messageId", "contactId", kind, replies) VALUES (gen_random_uuid()::text, '${CHANNEL}', gen_random_uuid()::text, $1, 'text', to_jsonb($2::text))`;

export type Baseline = LoadResult & { tool: string };

function findPgbench(): string | undefined {
  const candidates = [process.env.PGBENCH, ...(process.env.PATH ?? '').split(':').map((d) => path.join(d, 'pgbench')), '/usr/lib/postgresql/15/bin/pgbench'];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

export async function stepBaseline(db: BenchDatabase, clients: number, seconds: number): Promise<Baseline> {
  await db.query(
    `INSERT INTO "Contact" (id, channel, "externalId", name, "updatedAt") SELECT 'pgbench-' || i, '${CHANNEL}', 'pgbench-' || i, 'pgbench', now() FROM generate_series(0, $1 - 1) i`,
    [clients],
  );
  await db.query(`INSERT INTO "ConversationSession" (id, "contactId", flow, step, state, "updatedAt") SELECT 'pgbench-' || i, 'pgbench-' || i, 'apply', 'phone', to_jsonb(repeat('s', ${STATE_BYTES})), now() FROM generate_series(0, $1 - 1) i`, [clients]);
  try {
    const pgbench = findPgbench();
    return pgbench ? await runPgbench(pgbench, db, clients, seconds) : await runDriver(db, clients, seconds);
  } finally {
    await db.query(`DELETE FROM "Contact" WHERE channel = '${CHANNEL}'`); // sessions and inbound rows go with it (cascade)
  }
}

async function runPgbench(pgbench: string, db: BenchDatabase, clients: number, seconds: number): Promise<Baseline> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fangpin-pgbench-'));
  try {
    const script = path.join(dir, 'step.sql');
    const lit = (n: number, c: string) => `'${c.repeat(n)}'`;
    writeFileSync(
      script,
      [
        '\\set who :client_id',
        'BEGIN;',
        SELECT.replace('$1', `'pgbench-' || CAST(:who AS text)`) + ';',
        UPDATE.replace('$1', `'pgbench-' || CAST(:who AS text)`).replace('$2', lit(STATE_BYTES, 's')) + ';',
        INSERT.replace('$1', `'pgbench-' || CAST(:who AS text)`).replace('$2', lit(REPLIES_BYTES, 'r')) + ';',
        'END;',
        '',
      ].join('\n'),
    );
    const c = db.libpq();
    const args = ['-n', '-M', 'prepared', '-c', String(clients), '-j', String(Math.min(clients, os.availableParallelism())), '-T', String(Math.max(1, Math.round(seconds))), '-f', script, '-l', `--log-prefix=${path.join(dir, 'log')}`, '-h', c.host, '-p', c.port, '-U', c.user, c.database];
    const { stdout } = await promisify(execFile)(pgbench, args, { env: { ...process.env, ...(c.password ? { PGPASSWORD: c.password } : {}) }, maxBuffer: 10 * 1024 * 1024 });
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1] ?? /tps = ([\d.]+)/.exec(stdout)?.[1]);
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    // per-transaction log lines: client_id transaction_no latency_us script_no epoch epoch_us
    const latencies = readdirSync(dir)
      .filter((f) => f.startsWith('log'))
      .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => Number(l.split(' ')[2]) / 1000));
    return { tool: 'pgbench', ...percentiles(latencies), ok: latencies.length, errors: failed, seconds, perSecond: tps };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runDriver(db: BenchDatabase, clients: number, seconds: number): Promise<Baseline> {
  const conns = await Promise.all(Array.from({ length: clients }, () => db.connect()));
  try {
    const state = 's'.repeat(STATE_BYTES);
    const replies = 'r'.repeat(REPLIES_BYTES);
    const result = await closedLoop(clients, seconds, async (i, deadline, rec) => {
      const c = conns[i]!;
      const who = `pgbench-${i}`;
      while (performance.now() < deadline) {
        await rec.time(async () => {
          await c.query('BEGIN');
          await c.query({ name: 'sel', text: SELECT, values: [who] });
          await c.query({ name: 'upd', text: UPDATE, values: [who, state] });
          await c.query({ name: 'ins', text: INSERT, values: [who, replies] });
          await c.query('COMMIT');
          return true;
        });
      }
    });
    return { tool: 'pg driver (no pgbench found)', ...result };
  } finally {
    await Promise.all(conns.map((c) => c.end()));
  }
}
