/**
 * A county office's existing register imported from a file (POST /api/households/imports): the
 * table read by the department import's reader (alerts/read-table.ts, its limits), its rows read
 * and grouped into households by flows/register/import.ts, then each household written in a
 * transaction of its own (the head's row and its members' rows: all or nothing):
 *  - found by the head's ID number through the keyed blind index (Household.headIdIndex), its
 *    members by theirs (Member.idIndex, the same index) — never by a clear ID number;
 *  - a village not in the caller's region, or a registered household outside it, is refused; a
 *    registered household is never moved to another village, nor a person taken from another
 *    household, by a file (the rows are refused, the console moves them);
 *  - new: registered with its members; registered: its name, phone, size (when the file gives
 *    them) and members' names and relations brought to the file's, members added;
 *  - a 监测对象类别 takes it into monitoring through monitoring.ts (setFromImport, source import).
 * Nothing that is already as the file says is written: the same file again changes nothing. The
 * report counts households imported, updated, skipped (already as the file says) and rows refused
 * (with row, field and code — never a value) and repeated; the import is audited with its counts.
 */
import { inJurisdiction, type CadreActor } from '../../../flows/workflow';
import { readHouseholds, resolveMapping, type ColumnMapping, type ImportField, type ImportHousehold, type ImportProblem, type ImportProblemCode } from '../../../flows/register/import';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { Table } from '../alerts/read-table';
import { recordAudit } from '../audit/record';
import type { Keyring } from '../crypto/keyring';
import { invalid } from '../refusal';
import type { RegionRow, RegionTree } from '../regions/tree';
import { setFromImport } from './monitoring';
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
  mapping: ColumnMapping;
  problems: ImportProblem[];
};

type Outcome = { kind: 'imported' | 'updated' | 'skipped'; membersAdded: number; monitoringSet: boolean; problems: ImportProblem[] } | { kind: 'refused'; problems: ImportProblem[] };

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
  const report: RegisterImportReport = { rows: file.table.rows.length, imported: 0, updated: 0, skipped: 0, refused: 0, duplicates: read.duplicates.length, membersAdded: 0, monitoringSet: 0, mapping: resolved.mapping, problems: [] };
  const problems = [...read.problems];

  for (const h of read.households) {
    const village = findVillage(h.village, h.town);
    if (!village.ok) {
      problems.push(...h.rows.map((row) => ({ row, field: village.field, code: village.code })));
      continue;
    }
    const outcome = await prisma.$transaction((tx) => writeHousehold(tx, actor, h, village.id, index, now));
    problems.push(...outcome.problems);
    if (outcome.kind === 'refused') continue;
    report[outcome.kind] += 1;
    report.membersAdded += outcome.membersAdded;
    if (outcome.monitoringSet) report.monitoringSet += 1;
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
    reason: `rows ${report.rows}, imported ${report.imported}, updated ${report.updated}, skipped ${report.skipped}, refused ${report.refused}, repeated ${report.duplicates}, members added ${report.membersAdded}, monitoring set ${report.monitoringSet}`,
  });
  return report;
}

/** One household of the file, in its transaction: checked whole first, then written (or not at all). */
async function writeHousehold(tx: Tx, actor: CadreActor, h: ImportHousehold, villageId: string, index: (id: string) => string, now: Date): Promise<Outcome> {
  const refuse = (code: ImportProblemCode, field: ImportField = 'idNumber'): Outcome => ({ kind: 'refused', problems: h.rows.map((row) => ({ row, field, code })) });
  const headIndex = index(h.head.idNumber);
  const found = await tx.household.findUnique({ where: { headIdIndex: headIndex }, select: { id: true, villageId: true, headName: true, phone: true, size: true } });
  if (found) {
    if (!inJurisdiction(actor, found.villageId)) return refuse('outside_region', 'village');
    if (found.villageId !== villageId) return refuse('other_village', 'village');
    await tx.$queryRaw`SELECT id FROM "Household" WHERE id = ${found.id} FOR UPDATE`;
  } else if (await tx.member.findFirst({ where: { idIndex: headIndex }, select: { id: true } })) {
    // the 户主 of the file is a member of a registered household (分户): the console decides
    return refuse('member_elsewhere');
  }

  // the members: each found by its index — in this household (brought to the file's name and relation), elsewhere (refused), or new
  const memberIndexes = h.members.map((m) => index(m.idNumber));
  const [asMembers, asHeads] = await Promise.all([
    tx.member.findMany({ where: { idIndex: { in: memberIndexes } }, select: { id: true, householdId: true, idIndex: true, name: true, relation: true } }),
    tx.household.findMany({ where: { headIdIndex: { in: memberIndexes } }, select: { id: true, headIdIndex: true } }),
  ]);
  const problems: ImportProblem[] = [];
  const toAdd: typeof h.members = [];
  const toChange: { id: string; name: string; relation: string }[] = [];
  h.members.forEach((m, i) => {
    const idx = memberIndexes[i]!;
    const own = asMembers.find((r) => r.idIndex === idx && found && r.householdId === found.id);
    if (own) {
      if (own.name !== m.name || own.relation !== m.relation) toChange.push({ id: own.id, name: m.name, relation: m.relation });
    } else if (asMembers.some((r) => r.idIndex === idx) || asHeads.some((r) => r.headIdIndex === idx)) {
      problems.push({ row: m.row, field: 'idNumber', code: 'member_elsewhere' });
    } else toAdd.push(m);
  });

  let household = found;
  let changed = false;
  if (!household) {
    const size = h.size ?? h.members.length + 1 - problems.length;
    household = await tx.household.create({
      data: { villageId, headName: h.head.name, headIdNumber: h.head.idNumber, phone: h.phone ?? '', size },
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
  const monitoring = h.category ? await setFromImport(tx, household.id, actor, now, { category: h.category, since: h.identifiedOn }) : null;
  changed ||= toAdd.length > 0 || toChange.length > 0 || monitoring !== null;
  return { kind: found ? (changed ? 'updated' : 'skipped') : 'imported', membersAdded: toAdd.length, monitoringSet: monitoring !== null, problems };
}
