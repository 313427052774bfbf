/**
 * A county office's existing register imported from a file (POST /api/register/imports): the
 * table read by the department import's reader (alerts/read-table.ts, its limits), its rows read
 * and grouped into households by flows/register/import.ts, then written a batch of households at
 * a time, each batch in one transaction (a household's rows — the head's and its members' — are
 * all written or none): the batch's registered households and members read in one statement
 * each, then only what changed written, set-based where many rows take the same change:
 *  - found by the head's ID number through the keyed blind index (Household.headIdIndex), its
 *    members by theirs (Member.idIndex, the same index) — never by a clear ID number;
 *  - a village not in the caller's region, or a registered household outside it, is refused; a
 *    registered household is never moved to another village, nor a person taken from another
 *    household, by a file (the rows are refused, the console moves them);
 *  - new: registered with its members; registered: its name, phone, size, 脱贫户 flag (when the
 *    file gives them) and members' names and relations brought to the file's, members added;
 *  - a 监测对象类别 takes it into monitoring, and its 风险类型 are recorded as risks, through
 *    monitoring.ts (setFromImport, source import);
 *  - two imports of the same new household at once: the second waits for the first's row
 *    (INSERT … ON CONFLICT DO NOTHING) and treats the household as registered.
 * Nothing that is already as the file says is written: the same file again changes nothing. The
 * report counts households imported, updated, skipped (already as the file says), rows refused
 * (with row, field and code — never a value) and repeated, and risks added; the import is audited
 * with its counts.
 */
import { inJurisdiction, type CadreActor } from '../../../flows/workflow';
import { readHouseholds, resolveMapping, type ColumnMapping, type ImportField, type ImportHousehold, type ImportPerson, type ImportProblem, type ImportProblemCode } from '../../../flows/register/import';
import type { MonitoringState } from '../../../flows/register';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { Table } from '../alerts/read-table';
import { recordAudit } from '../audit/record';
import type { Keyring } from '../crypto/keyring';
import { invalid } from '../refusal';
import type { RegionRow, RegionTree } from '../regions/tree';
import { setFromImport, type ImportMonitoring } from './monitoring';
import { requireRegisterRole } from './reach';

type Tx = Prisma.TransactionClient;

/** Problems listed in the answer (all are counted). */
export const PROBLEMS_SHOWN = 200;

export type RegisterImportReport = {
  /** Rows read (the header row aside, empty rows skipped). */
  rows: number;
  imported: number;
  updated: number;
  skipped: number;
  /** Rows refused (a problem each), and rows repeating a person already read in the file. */
  refused: number;
  duplicates: number;
  membersAdded: number;
  /** Households taken into monitoring or given another category. */
  monitoringSet: number;
  /** Risks recorded from the file's 风险类型. */
  risksAdded: number;
  mapping: ColumnMapping;
  problems: ImportProblem[];
};

/** Households written per transaction: large enough that a statement serves many, small enough that a batch's locks and statements stay short. */
export const BATCH_HOUSEHOLDS = 500;
/** A household found registered by another import between this one's read and its write is read again, at most this many times. */
const RACE_RETRIES = 3;

type Outcome = { kind: 'imported' | 'updated' | 'skipped'; membersAdded: number; monitoringSet: boolean; risksAdded: number; problems: ImportProblem[] } | { kind: 'refused'; problems: ImportProblem[] };
type Planned = ImportHousehold & { villageId: string };

/** The villages of the caller's reach by name (and code), and every village's name (to tell "outside your region" from "no such village"). */
function villageFinder(tree: RegionTree, actor: CadreActor) {
  const all = [...tree.byId.values()].filter((r) => r.level === 'village');
  const townOf = (v: RegionRow) => (v.parentId ? tree.byId.get(v.parentId)?.name : undefined) ?? '';
  const norm = (s: string) => s.replace(/\s/g, '');
  return (village: string, town: string): { ok: true; id: string } | { ok: false; code: ImportProblemCode; field: ImportField } => {
    const named = all.filter((v) => v.code === village || norm(v.name) === norm(village));
    const inTown = town ? named.filter((v) => norm(townOf(v)) === norm(town) || v.code === village) : named;
    if (inTown.length === 0) return { ok: false, code: 'village_unknown', field: 'village' };
    const reached = inTown.filter((v) => inJurisdiction(actor, v.id));
    if (reached.length === 0) return { ok: false, code: 'outside_region', field: 'village' };
    if (reached.length > 1) return { ok: false, code: 'village_ambiguous', field: town ? 'village' : 'town' };
    return { ok: true, id: reached[0]!.id };
  };
}

export async function importRegister(
  prisma: PrismaClient,
  deps: { keyring: Keyring },
  tree: RegionTree,
  actor: CadreActor,
  file: { table: Table; mapping: ColumnMapping; digest: string },
  now: Date,
): Promise<RegisterImportReport> {
  requireRegisterRole(actor, 'keepRegister');
  const resolved = resolveMapping(file.table.headers, file.mapping);
  if (!resolved.ok) {
    // the headers the mapping names, never a row's values
    const [field, header] = resolved.absent[0] ?? [resolved.missing[0]!, undefined];
    throw invalid(header !== undefined ? `columns.${field}: the file has no column "${header}"` : `columns.${field}: no column of the file is mapped to ${field} (its headers: ${file.table.headers.join(', ')})`, `columns.${field}`);
  }
  const read = readHouseholds(file.table.rows, resolved.mapping, now);
  const findVillage = villageFinder(tree, actor);
  const index = (id: string) => deps.keyring.blindIndex('household-id', id);
  const report: RegisterImportReport = { rows: file.table.rows.length, imported: 0, updated: 0, skipped: 0, refused: 0, duplicates: read.duplicates.length, membersAdded: 0, monitoringSet: 0, risksAdded: 0, mapping: resolved.mapping, problems: [] };
  const problems = [...read.problems];

  const planned: Planned[] = [];
  for (const h of read.households) {
    const village = findVillage(h.village, h.town);
    if (village.ok) planned.push({ ...h, villageId: village.id });
    else problems.push(...h.rows.map((row) => ({ row, field: village.field, code: village.code })));
  }
  for (let i = 0; i < planned.length; i += BATCH_HOUSEHOLDS) {
    const batch = planned.slice(i, i + BATCH_HOUSEHOLDS);
    const outcomes = await prisma.$transaction((tx) => writeBatch(tx, actor, batch, index, now), { timeout: 120_000, maxWait: 30_000 });
    for (const outcome of outcomes) {
      problems.push(...outcome.problems);
      if (outcome.kind === 'refused') continue;
      report[outcome.kind] += 1;
      report.membersAdded += outcome.membersAdded;
      report.risksAdded += outcome.risksAdded;
      if (outcome.monitoringSet) report.monitoringSet += 1;
    }
  }
  problems.sort((a, b) => a.row - b.row);
  report.refused = problems.length;
  report.problems = problems.slice(0, PROBLEMS_SHOWN);
  await recordAudit(prisma, {
    at: now,
    actor,
    action: 'register:import',
    allowed: true,
    subject: `file:${file.digest.slice(0, 16)}`,
    reason: `rows ${report.rows}, imported ${report.imported}, updated ${report.updated}, skipped ${report.skipped}, refused ${report.refused}, repeated ${report.duplicates}, members added ${report.membersAdded}, monitoring set ${report.monitoringSet}, risks added ${report.risksAdded}`,
  });
  return report;
}

type FoundHousehold = { id: string; villageId: string; headIdIndex: string | null; headName: string; phone: string; size: number; povertyAlleviated: boolean; monitoringState: MonitoringState; monitoringCategory: string | null };
type FoundMember = { id: string; householdId: string; idIndex: string | null; name: string; relation: string };

/**
 * A batch of the file's households in one transaction: the registered households whose head has
 * one of the batch's ID numbers locked (in id order: two imports lock alike), then the batch's
 * households and members read by blind index in one statement each; each household checked whole
 * (refused rows write nothing of it) and only its changes written. A new household another import
 * registered meanwhile (its head's index taken when this one inserts) is done again as registered.
 */
async function writeBatch(tx: Tx, actor: CadreActor, batch: readonly Planned[], index: (id: string) => string, now: Date, retries = RACE_RETRIES): Promise<Outcome[]> {
  const headIndexes = batch.map((h) => index(h.head.idNumber));
  const memberIndexes = batch.map((h) => h.members.map((m) => index(m.idNumber)));
  const every = [...headIndexes, ...memberIndexes.flat()];
  await tx.$queryRaw`SELECT id FROM "Household" WHERE "headIdIndex" = ANY(${headIndexes}::text[]) ORDER BY id FOR UPDATE`;
  const [households, members] = await Promise.all([
    tx.household.findMany({
      where: { headIdIndex: { in: every } },
      select: { id: true, villageId: true, headIdIndex: true, headName: true, phone: true, size: true, povertyAlleviated: true, monitoringState: true, monitoringCategory: true },
    }) as Promise<FoundHousehold[]>,
    tx.member.findMany({ where: { idIndex: { in: every } }, select: { id: true, householdId: true, idIndex: true, name: true, relation: true } }) as Promise<FoundMember[]>,
  ]);
  const householdBy = new Map(households.map((h) => [h.headIdIndex!, h]));
  const membersBy = new Map<string, FoundMember[]>();
  for (const m of members) membersBy.set(m.idIndex!, [...(membersBy.get(m.idIndex!) ?? []), m]);

  type Plan = { h: Planned; i: number; found: FoundHousehold | null; toAdd: ImportPerson[]; toChange: { id: string; name: string; relation: string }[]; changes: Record<string, unknown>; problems: ImportProblem[] };
  const outcomes: (Outcome | null)[] = batch.map(() => null);
  const plans: Plan[] = [];
  batch.forEach((h, i) => {
    const refuse = (code: ImportProblemCode, field: ImportField = 'idNumber') => void (outcomes[i] = { kind: 'refused', problems: h.rows.map((row) => ({ row, field, code })) });
    const found = householdBy.get(headIndexes[i]!) ?? null;
    if (found) {
      if (!inJurisdiction(actor, found.villageId)) return refuse('outside_region', 'village');
      if (found.villageId !== h.villageId) return refuse('other_village', 'village');
    } else if (membersBy.has(headIndexes[i]!)) {
      // the 户主 of the file is a member of a registered household (分户): the console decides
      return refuse('member_elsewhere');
    }
    // the members: each in this household (brought to the file's name and relation), elsewhere (refused), or new
    const plan: Plan = { h, i, found, toAdd: [], toChange: [], changes: {}, problems: [] };
    h.members.forEach((m, k) => {
      const idx = memberIndexes[i]![k]!;
      const rows = membersBy.get(idx) ?? [];
      const own = found ? rows.find((r) => r.householdId === found.id) : undefined;
      if (own) {
        if (own.name !== m.name || own.relation !== m.relation) plan.toChange.push({ id: own.id, name: m.name, relation: m.relation });
      } else if (rows.length > 0 || householdBy.has(idx)) plan.problems.push({ row: m.row, field: 'idNumber', code: 'member_elsewhere' });
      else plan.toAdd.push(m);
    });
    if (found) {
      plan.changes = {
        ...(found.headName !== h.head.name ? { headName: h.head.name } : {}),
        ...(h.phone !== null && found.phone !== h.phone ? { phone: h.phone } : {}),
        ...(h.size !== null && found.size !== h.size ? { size: h.size } : {}),
        ...(h.povertyAlleviated !== null && found.povertyAlleviated !== h.povertyAlleviated ? { povertyAlleviated: h.povertyAlleviated } : {}),
      };
    }
    plans.push(plan);
  });

  // new households: one INSERT, in index order (two imports wait on each other alike); a head's index
  // another import took meanwhile is skipped here and its household done again below, as registered
  const fresh = plans.filter((p) => !p.found).sort((a, b) => (headIndexes[a.i]! < headIndexes[b.i]! ? -1 : 1));
  const created = fresh.length
    ? await tx.household.createManyAndReturn({
        data: fresh.map(({ h, problems }) => ({
          villageId: h.villageId,
          headName: h.head.name,
          headIdNumber: h.head.idNumber,
          phone: h.phone ?? '',
          size: h.size ?? h.members.length + 1 - problems.length,
          povertyAlleviated: h.povertyAlleviated ?? false,
        })),
        skipDuplicates: true,
        select: { id: true, headIdIndex: true },
      })
    : [];
  const createdBy = new Map(created.map((c) => [c.headIdIndex!, c.id]));
  const raced = fresh.filter((p) => !createdBy.has(headIndexes[p.i]!));
  const written = plans.filter((p) => !raced.includes(p));

  const idOf = (p: Plan) => p.found?.id ?? createdBy.get(headIndexes[p.i]!)!;
  const toAdd = written.flatMap((p) => p.toAdd.map((m) => ({ householdId: idOf(p), name: m.name, relation: m.relation, idNumber: m.idNumber })));
  if (toAdd.length) await tx.member.createMany({ data: toAdd });
  // a registered household's own changes: rarely many, each its own values
  for (const p of written) {
    if (Object.keys(p.changes).length) await tx.household.update({ where: { id: p.found!.id }, data: p.changes, select: { id: true } });
    for (const m of p.toChange) await tx.member.update({ where: { id: m.id }, data: { name: m.name, relation: m.relation }, select: { id: true } });
  }
  const monitored: ImportMonitoring[] = written
    .filter((p) => p.h.category !== null || p.h.risks.length > 0)
    .map((p) => ({
      householdId: idOf(p),
      state: p.found?.monitoringState ?? 'none',
      category: p.found?.monitoringCategory ?? null,
      file: { category: p.h.category, since: p.h.identifiedOn, risks: p.h.risks },
    }));
  const monitoring = monitored.length ? await setFromImport(tx, actor, now, monitored) : new Map();

  for (const p of written) {
    const m = monitoring.get(idOf(p));
    const changed = Object.keys(p.changes).length > 0 || p.toAdd.length > 0 || p.toChange.length > 0 || Boolean(m?.type) || (m?.risksAdded ?? 0) > 0;
    outcomes[p.i] = { kind: p.found ? (changed ? 'updated' : 'skipped') : 'imported', membersAdded: p.toAdd.length, monitoringSet: Boolean(m?.type), risksAdded: m?.risksAdded ?? 0, problems: p.problems };
  }
  if (raced.length) {
    if (retries === 0) throw new Error('register import: households registered by another import could not be read back');
    const again = await writeBatch(tx, actor, raced.map((p) => p.h), index, now, retries - 1);
    raced.forEach((p, k) => (outcomes[p.i] = again[k]!));
  }
  return outcomes.map((o) => o!);
}
