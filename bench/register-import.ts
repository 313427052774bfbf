/**
 * The register import (issue 14): `npx tsx bench/register-import.ts [--households N] [--keep-database]`
 * imports a generated national-system file — N households (5,000 unless given), one row per person,
 * ~3 people a household, a category and a 识别时间 on three in four, risk kinds on half — into a
 * fresh database (bench/harness/database.ts) as the county office, first into an empty register,
 * then the same file again (every household found, nothing written), and prints the times of the
 * import as it is (server/core/register/import.ts: batches of households, a statement per table)
 * (`--after-only`: that alone) beside the import as it was before (below: a transaction per household, its rows read and written
 * one statement at a time), in the same run on the same database — each on its own ID numbers.
 * In-process, no HTTP: the file is already read (the table reader's cost is the department import's).
 * The import before read no 风险类型 or 是否脱贫户: the after side also records the file's risks.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { idCheckChar } from '../flows/parse/id-number';
import { readHouseholds, resolveMapping, type ColumnMapping, type ImportHousehold } from '../flows/register/import';
import { inJurisdiction, type CadreActor } from '../flows/workflow';
import type { MonitoringEventType } from '../flows/register';
import { shanghaiDate, shanghaiMidnight } from '../flows/china-time';
import { actorForCadre } from '../server/core/auth/actor';
import { Keyring } from '../server/core/crypto/keyring';
import { sealedClient } from '../server/core/crypto/sealed-client';
import { postgresConnection } from '../server/core/db/connect';
import type { Table } from '../server/core/alerts/read-table';
import { importRegister, type RegisterImportReport } from '../server/core/register/import';
import { lockHousehold, recordMonitoringEvent } from '../server/core/register/monitoring';
import type { RegionTree } from '../server/core/regions/tree';
import { currentStatics } from '../server/core/settings/workflow';
import { seedDemoCounty } from '../server/seed/demo-county';
import { PrismaClient, type Prisma } from '../server/generated/prisma/client';
import { BenchDatabase } from './harness/database';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const HOUSEHOLDS = Number(arg('--households') ?? 5000);
const KEEP = process.argv.includes('--keep-database');
/** The import as it is alone (a profile of it): `--after-only`. */
const AFTER_ONLY = process.argv.includes('--after-only');
const NOW = new Date('2026-12-08T02:00:00Z');

const HEADERS = ['户主姓名', '姓名', '身份证号', '与户主关系', '家庭人口', '乡镇', '村', '监测对象类别', '识别时间', '联系电话', '风险类型', '是否脱贫户'];
const CATEGORIES = ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户', ''];
const RISKS = ['因病', '因学、因残', '', ''];

/** A file of n households whose ID numbers start at `first`, in the county's villages. */
function generate(n: number, first: number, villages: { town: string; village: string }[]): Table {
  // unique per seq: a birth day per thousand, the order code within it
  let seq = first;
  const id = () => {
    seq += 1;
    const born = new Date(Date.UTC(1950, 0, 1) + Math.floor(seq / 1000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    const first17 = `439901${born}${String(seq % 1000).padStart(3, '0')}`;
    return first17 + idCheckChar(first17);
  };
  const rows: Table['rows'] = [];
  for (let i = 0; i < n; i += 1) {
    const place = villages[i % villages.length]!;
    const members = [1, 2, 3, 2][i % 4]!;
    const head = `户主${first + i}`;
    const category = CATEGORIES[i % 4]!;
    const line = (name: string, idNumber: string, relation: string) => ({
      rowNumber: rows.length + 2,
      cells: Object.fromEntries(HEADERS.map((h, k) => [h, [head, name, idNumber, relation, String(members + 1), place.town, place.village, category, category ? `2025-0${(i % 9) + 1}-15` : '', `139${String(first + i).padStart(8, '0')}`, RISKS[i % 4]!, i % 3 === 0 ? '是' : '否'][k]!])),
    });
    rows.push(line(head, id(), '户主'));
    for (let k = 0; k < members; k += 1) rows.push(line(`成员${first + i}-${k}`, id(), ['配偶', '之子', '之女'][k]!));
  }
  return { headers: HEADERS, rows };
}

async function main() {
  const db = await BenchDatabase.create();
  const { adapter, end } = await postgresConnection(db.url);
  const raw = new PrismaClient({ adapter });
  const keyring = new Keyring({ keys: [{ id: 'b1', key: randomBytes(32) }], indexKey: randomBytes(32), cipher: 'aes-256-gcm' });
  const prisma = sealedClient(raw, keyring);
  try {
    const seed = await seedDemoCounty(prisma, { now: NOW });
    const county = seed.cadres.find((c) => c.key === 'county')!;
    const cadre = await prisma.cadre.findUniqueOrThrow({ where: { id: county.id }, select: { id: true, name: true, role: true, regionId: true } });
    const { tree } = await currentStatics(prisma);
    const actor = await actorForCadre(prisma, cadre, tree);
    const villages = [...tree.byId.values()].filter((r) => r.level === 'village' && inJurisdiction(actor, r.id)).map((v) => ({ village: v.name, town: tree.byId.get(v.parentId!)!.name }));
    const time = async (label: string, run: () => Promise<RegisterImportReport>) => {
      const t0 = performance.now();
      const r = await run();
      const s = (performance.now() - t0) / 1000;
      console.log(`${label.padEnd(34)} ${s.toFixed(1).padStart(7)} s  ${((s * 1000) / HOUSEHOLDS).toFixed(2).padStart(6)} ms/household  imported ${r.imported}, updated ${r.updated}, skipped ${r.skipped}, refused ${r.refused}, members ${r.membersAdded}, monitoring ${r.monitoringSet}, risks ${r.risksAdded}`);
    };
    const fileA = generate(HOUSEHOLDS, 0, villages);
    const fileB = generate(HOUSEHOLDS, 1_000_000, villages);
    const load = os.loadavg()[0]!.toFixed(1);
    console.log(`register import: ${HOUSEHOLDS} households, ${fileA.rows.length} rows; ${os.cpus().length} cores, load average ${load}`);
    const file = (table: Table) => ({ table, mapping: {}, digest: 'bench' });
    if (!AFTER_ONLY) await time('before: first import', () => importBefore(prisma, keyring, tree, actor, fileA, NOW));
    await time('after:  first import', () => importRegister(prisma, { keyring }, tree, actor, file(fileB), NOW));
    if (!AFTER_ONLY) await time('before: the same file again', () => importBefore(prisma, keyring, tree, actor, fileA, NOW));
    await time('after:  the same file again', () => importRegister(prisma, { keyring }, tree, actor, file(fileB), NOW));
    console.log(`load average at the end ${os.loadavg()[0]!.toFixed(1)}`);
  } finally {
    await raw.$disconnect();
    await end();
    if (KEEP) console.log(`database kept: ${db.url}`);
    else await db.drop();
  }
}

/* ---- before: server/core/register/import.ts and setFromImport as they were (git dff92cc), for the comparison ---- */

type Tx = Prisma.TransactionClient;
type BeforeOutcome = { kind: 'imported' | 'updated' | 'skipped'; membersAdded: number; monitoringSet: boolean } | { kind: 'refused' };

async function importBefore(prisma: PrismaClient, keyring: Keyring, tree: RegionTree, actor: CadreActor, t: Table, now: Date): Promise<RegisterImportReport> {
  const resolved = resolveMapping(t.headers, {});
  if (!resolved.ok) throw new Error('headers');
  const mapping: ColumnMapping = resolved.mapping;
  const read = readHouseholds(t.rows, mapping, now);
  const villages = [...tree.byId.values()].filter((r) => r.level === 'village');
  const index = (id: string) => keyring.blindIndex('household-id', id);
  const report: RegisterImportReport = { rows: t.rows.length, imported: 0, updated: 0, skipped: 0, refused: read.problems.length, duplicates: read.duplicates.length, membersAdded: 0, monitoringSet: 0, risksAdded: 0, mapping, problems: [] };
  for (const h of read.households) {
    const village = villages.find((v) => v.name === h.village && inJurisdiction(actor, v.id))!;
    const o = await prisma.$transaction((tx) => writeHouseholdBefore(tx, actor, h, village.id, index, now));
    if (o.kind === 'refused') continue;
    report[o.kind] += 1;
    report.membersAdded += o.membersAdded;
    if (o.monitoringSet) report.monitoringSet += 1;
  }
  return report;
}

async function writeHouseholdBefore(tx: Tx, actor: CadreActor, h: ImportHousehold, villageId: string, index: (id: string) => string, now: Date): Promise<BeforeOutcome> {
  const headIndex = index(h.head.idNumber);
  const found = await tx.household.findUnique({ where: { headIdIndex: headIndex }, select: { id: true, villageId: true, headName: true, phone: true, size: true } });
  if (found) {
    if (found.villageId !== villageId) return { kind: 'refused' };
    await tx.$queryRaw`SELECT id FROM "Household" WHERE id = ${found.id} FOR UPDATE`;
  } else if (await tx.member.findFirst({ where: { idIndex: headIndex }, select: { id: true } })) return { kind: 'refused' };
  const memberIndexes = h.members.map((m) => index(m.idNumber));
  const [asMembers, asHeads] = await Promise.all([
    tx.member.findMany({ where: { idIndex: { in: memberIndexes } }, select: { id: true, householdId: true, idIndex: true, name: true, relation: true } }),
    tx.household.findMany({ where: { headIdIndex: { in: memberIndexes } }, select: { id: true, headIdIndex: true } }),
  ]);
  let refused = 0;
  const toAdd: typeof h.members = [];
  const toChange: { id: string; name: string; relation: string }[] = [];
  h.members.forEach((m, i) => {
    const idx = memberIndexes[i]!;
    const own = asMembers.find((r) => r.idIndex === idx && found && r.householdId === found.id);
    if (own) {
      if (own.name !== m.name || own.relation !== m.relation) toChange.push({ id: own.id, name: m.name, relation: m.relation });
    } else if (asMembers.some((r) => r.idIndex === idx) || asHeads.some((r) => r.headIdIndex === idx)) refused += 1;
    else toAdd.push(m);
  });
  let household = found;
  let changed = false;
  if (!household) {
    household = await tx.household.create({
      data: { villageId, headName: h.head.name, headIdNumber: h.head.idNumber, phone: h.phone ?? '', size: h.size ?? h.members.length + 1 - refused },
      select: { id: true, villageId: true, headName: true, phone: true, size: true },
    });
  } else {
    const data = {
      ...(household.headName !== h.head.name ? { headName: h.head.name } : {}),
      ...(h.phone !== null && household.phone !== h.phone ? { phone: h.phone } : {}),
      ...(h.size !== null && household.size !== h.size ? { size: h.size } : {}),
    };
    if (Object.keys(data).length) {
      await tx.household.update({ where: { id: household.id }, data });
      changed = true;
    }
  }
  for (const m of toAdd) await tx.member.create({ data: { householdId: household.id, name: m.name, relation: m.relation, idNumber: m.idNumber } });
  for (const m of toChange) await tx.member.update({ where: { id: m.id }, data: { name: m.name, relation: m.relation } });
  const monitoring = h.category ? await setFromImportBefore(tx, household.id, actor, now, { category: h.category, since: h.identifiedOn }) : null;
  changed ||= toAdd.length > 0 || toChange.length > 0 || monitoring !== null;
  return { kind: found ? (changed ? 'updated' : 'skipped') : 'imported', membersAdded: toAdd.length, monitoringSet: monitoring !== null };
}

async function setFromImportBefore(tx: Tx, householdId: string, actor: CadreActor, now: Date, facts: { category: string; since: string | null }): Promise<MonitoringEventType | null> {
  const h = await lockHousehold(tx, householdId);
  const type: MonitoringEventType | null = h.monitoringState === 'none' ? 'identified' : h.monitoringState === 'monitored' && h.monitoringCategory !== facts.category ? 'category_changed' : null;
  if (type === null) return null;
  const day = facts.since ?? shanghaiDate(now);
  await tx.household.update({
    where: { id: h.id },
    data: { monitoringState: 'monitored', monitoringCategory: facts.category, ...(type === 'identified' ? { monitoredSince: shanghaiMidnight(day), eliminatedOn: null } : {}) },
  });
  await recordMonitoringEvent(tx, {
    householdId: h.id,
    type,
    actor,
    at: now,
    fromState: h.monitoringState,
    toState: 'monitored',
    category: facts.category,
    day: type === 'identified' ? day : shanghaiDate(now),
    data: { source: 'import', ...(type === 'category_changed' ? { fromCategory: h.monitoringCategory } : {}) },
  });
  return type;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
