/**
 * `npm run bench`: every workload of issue 11 beside its baseline, measured in the same run, on a
 * real server process (package.json's start:server) and a fresh PostgreSQL database that the bench
 * creates, migrates and drops. Prints one table (bench/README.md says how to read it).
 *
 *   npm run bench                       # the full run: empty register, then --cases (1,000,000)
 *   npm run bench -- --quick            # tiny sizes, a few seconds each (CI: does the bench still run?)
 *   npm run bench -- --cases 0          # skip the large register
 *   npm run bench -- --only steps,list  # some workloads: start, steps, list, broadcast, queue, export
 *   npx tsx bench/export.ts             # the 台账 export alone on 100,000 cases (--cases N)
 *   npm run bench -- --json out.json    # the rows as JSON too
 * More: --villagers N, --seconds S (per timed workload), --recipients N, --starts N, --keep-database,
 * --no-build (when start:server runs dist/, the bench runs `npm run build` first unless told not to).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BenchDatabase, postgresVersion } from './harness/database';
import { HttpTarget } from './harness/http';
import { Recorder } from './harness/load';
import { buildIfCompiled, ChildServer, startServerCommand } from './harness/server-process';
import { printTable, seconds, type Row } from './harness/table';
import { seedCases } from './seed/cases';
import { sealedTemplate, type SealedTemplate } from './seed/template';
import { broadcastOutbox } from './workloads/broadcast';
import { exportLedger } from './workloads/export';
import { caseList, helloRate } from './workloads/case-list';
import { queueVariants } from './workloads/queue-variants';
import { HELLO, startAndIdle } from './workloads/start';
import { conversationSteps } from './workloads/steps';
import { applyByChat } from './workloads/villager';

const WORKLOADS = ['start', 'steps', 'list', 'broadcast', 'queue', 'export'] as const;
type Workload = (typeof WORKLOADS)[number];

const count = z.coerce.number().int().min(0);
const Options = z.object({
  quick: z.boolean().default(false),
  cases: count.optional(),
  villagers: count.min(1).optional(),
  seconds: z.coerce.number().positive().optional(),
  recipients: count.min(1).optional(),
  starts: count.min(1).optional(),
  only: z
    .string()
    .transform((s) => s.split(',').map((w) => w.trim()).filter(Boolean))
    .pipe(z.array(z.enum(WORKLOADS)).min(1))
    .optional(),
  json: z.string().optional(),
  'keep-database': z.boolean().default(false),
  'no-build': z.boolean().default(false),
});

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      cases: { type: 'string' },
      villagers: { type: 'string' },
      seconds: { type: 'string' },
      recipients: { type: 'string' },
      starts: { type: 'string' },
      only: { type: 'string' },
      json: { type: 'string' },
      'keep-database': { type: 'boolean' },
      'no-build': { type: 'boolean' },
    },
  });
  const o = Options.parse(values);
  const q = o.quick;
  return {
    quick: q,
    cases: o.cases ?? (q ? 1_000 : 1_000_000),
    villagers: o.villagers ?? (q ? 4 : 32),
    seconds: o.seconds ?? (q ? 2 : 15),
    recipients: o.recipients ?? (q ? 1_000 : 100_000),
    starts: o.starts ?? (q ? 1 : 3),
    /** List variant requests each (one at a time). */
    queueRequests: q ? 10 : 100,
    only: new Set<Workload>(o.only ?? WORKLOADS),
    json: o.json,
    keepDatabase: o['keep-database'],
    build: !o['no-build'],
  };
}

const BOT_TOKEN = `bench-bot-${randomBytes(16).toString('hex')}`;
const ADMIN_TOKEN = `bench-admin-${randomBytes(16).toString('hex')}`;

async function main(): Promise<number> {
  const o = options();
  const command = startServerCommand();
  const buildMs = o.build ? buildIfCompiled(command) : undefined;
  const cpus = os.cpus();
  const db = await BenchDatabase.create();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fangpin-bench-'));
  const env = {
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    BOT_TOKEN,
    ADMIN_TOKEN,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'auto',
    FANGPIN_DATA_KEY: `k1:${randomBytes(32).toString('base64')},index:${randomBytes(32).toString('base64')}`,
  };
  const header = [
    `# npm run bench${o.quick ? ' -- --quick' : ''} — ${new Date().toISOString()}`,
    `machine: ${os.availableParallelism()} cores (${cpus[0]?.model.trim() ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM; load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    `Node ${process.version}; PostgreSQL ${await postgresVersion(db)}; server: ${command.text}${process.env.SERVER_PROCESSES ? ` with SERVER_PROCESSES=${process.env.SERVER_PROCESSES}` : ''}${buildMs === undefined ? '' : ` (built first: ${seconds(buildMs)})`}; database ${db.name}`,
    `sizes: ${o.villagers} villagers, ${o.seconds} s per timed workload, ${o.recipients.toLocaleString('en')} broadcast recipients, ${o.cases.toLocaleString('en')} cases in the large register`,
  ];
  console.log(header.join('\n'));
  const rows: Row[] = [];
  const say = (r: Row[]) => {
    rows.push(...r);
    for (const row of r) console.log(`  ${row.workload}: ${row.figure} | ${row.baseline} | ${row.ratio}`);
  };
  let server: ChildServer | undefined;
  let hello: ChildServer | undefined;
  let villager = 0;
  const next = () => villager++;
  let failure: unknown;
  try {
    if (o.only.has('start')) {
      const started = await startAndIdle(command, env, { times: o.starts, idleSeconds: o.quick ? 1 : 5 });
      say(started.rows);
      server = started.server;
    } else server = await ChildServer.start(command, env);

    const template = async (): Promise<SealedTemplate> => {
      const found = await sealedTemplate(db);
      if (found) return found;
      const target = new HttpTarget(server!.url, 1);
      const walk = await applyByChat(target, BOT_TOKEN, next(), new Recorder());
      target.close();
      const filed = walk.filed ? await sealedTemplate(db) : undefined;
      if (!filed) throw new Error('a villager could not file an application through the chat: bench/workloads/villager.ts needs updating');
      return filed;
    };
    const steps = async (label: string) => {
      const { row, filed } = await conversationSteps(server!, db, { villagers: o.villagers, seconds: o.seconds, minApplications: o.quick ? 1 : 0, next, botToken: BOT_TOKEN, label });
      say([row]);
      if (filed === 0 && row.errors === 0) throw new Error('no villager filed an application: bench/workloads/villager.ts needs updating');
    };
    const lists = async (label: string) => {
      hello ??= await ChildServer.start(HELLO, {}, '/');
      const ceiling = await helloRate(hello, { concurrency: o.villagers, seconds: o.seconds });
      say(await caseList(server!, ceiling, { concurrency: o.villagers, seconds: o.seconds, adminToken: ADMIN_TOKEN, label }));
    };

    // an empty register (the demo county and what the workloads add)
    if (o.only.has('steps')) await steps('');
    if (o.only.has('list')) await lists('');
    if (o.only.has('broadcast')) say(await broadcastOutbox(server, db, { recipients: o.recipients, seconds: o.seconds, adminToken: ADMIN_TOKEN, botToken: BOT_TOKEN, template: await template() }));

    // a province's register
    if (o.cases > 0 && (['steps', 'list', 'queue', 'export'] as const).some((w) => o.only.has(w))) {
      const label = ` — ${o.cases.toLocaleString('en')} cases`;
      const t = performance.now();
      const took = await seedCases(db, await template(), o.cases);
      const seedMs = performance.now() - t;
      const parts = Object.entries(took).map(([part, ms]) => `${part} ${seconds(ms)}`).join(', ');
      say([{ workload: `seeding ${o.cases.toLocaleString('en')} cases (set-based, with households, contacts, ANALYZE)`, figure: seconds(seedMs), baseline: '—', ratio: '—', note: parts }]);
      if (o.only.has('steps')) await steps(label);
      if (o.only.has('list')) await lists(label);
      if (o.only.has('queue')) say(await queueVariants(server, db, { requests: o.queueRequests, adminToken: ADMIN_TOKEN, label }));
      if (o.only.has('export')) say(await exportLedger(server, db, { adminToken: ADMIN_TOKEN, cases: o.cases, label }));
    }
  } catch (err) {
    failure = err;
  } finally {
    await server?.stop().catch(() => undefined);
    await hello?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    if (o.keepDatabase) console.log(`kept the database ${db.name}`);
    else await db.drop().catch((err) => console.error(`could not drop ${db.name}: ${(err as Error).message}`));
  }
  header.push(`load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} — the machine is shared: figures are noisy`);
  console.log(`\n${printTable(rows, header)}`);
  if (o.json) writeFileSync(o.json, `${JSON.stringify({ header, rows }, null, 2)}\n`);
  if (failure) {
    console.error(`\nbench failed: ${failure instanceof Error ? (failure.stack ?? failure.message) : String(failure)}`);
    if (server) console.error(`server's last output:\n${server.tail()}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
