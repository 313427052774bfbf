/**
 * The 台账's rows, read in keyset batches: the work queue's own filter (list-query.ts `conditions`:
 * the caller's region, a verifier's own cases, status, cause, overdue, the search box) plus the
 * filing period, in filing order — (submittedAt, caseNo), the order of the queue's indexes — a
 * batch of BATCH rows at a time, each after the last one read. Only a batch is ever in memory; its
 * sealed values (the household head's name, ID number and phone, or the application of a case filed
 * without a registered household) are opened per batch, and only those the layout writes.
 */
import { CASE_STATUS } from '../../../flows/workflow';
import type { PrismaClient } from '../../generated/prisma/client';
import { applicantOf } from '../cases/applicant';
import { conditions, Params, type CaseListFilter } from '../cases/list-query';
import type { Keyring } from '../crypto/keyring';
import { openValue } from '../crypto/sealed-client';
import { SEALED_FIELDS } from '../crypto/sealed-fields';
import type { SqlRunner } from '../db/direct';
import type { ExportRow } from './fields';
import type { LayoutKind } from './layouts';

export const BATCH = 1000;

type Db = Pick<SqlRunner, 'rows'> | Pick<PrismaClient, '$queryRawUnsafe'>;
const isRunner = (db: Db): db is Pick<SqlRunner, 'rows'> => typeof (db as { rows?: unknown }).rows === 'function';
const rowsOf = <T>(db: Db, sql: string, values: unknown[]): Promise<T[]> => (isRunner(db) ? db.rows<T>(sql, values) : db.$queryRawUnsafe<T[]>(sql, ...values));

/** The work queue's filter, and the filing period: [from, to) instants (China days, made instants by the route). */
export type ExportFilter = CaseListFilter & { submittedFrom?: Date; submittedBefore?: Date };

/** Which sealed values the layout writes: the others are not opened. */
export type Needs = { name: boolean; idNumber: boolean; phone: boolean; decidedAt: boolean; members: boolean };

type Key = { submittedAt: Date; caseNo: string };

type RawRow = Omit<ExportRow, 'applicant' | 'decidedAt' | 'members' | 'register' | 'caseNo' | 'submittedAt'> & {
  caseNo: string;
  submittedAt: Date;
  /** [sealed name, relation] of each member, oldest first. */
  members?: [string, string][] | null;
  householdId: string | null;
  decidedAt?: Date | null;
  answers: unknown;
  headName: string | null;
  headIdNumber: string | null;
  phone: string | null;
  size: number | null;
  povertyAlleviated: boolean | null;
};

const ts = (d: Date) => d.toISOString();

/** The statement of one batch after `after` (null: from the first case). */
export function batchQuery(f: ExportFilter, kind: LayoutKind, needs: Needs, after: Key | null, limit = BATCH): { sql: string; values: unknown[] } {
  const p = new Params();
  // sort 'due': one status is an equality here (the newest-first list names the status first in
  // its ORDER BY instead, which this order does not)
  const where = conditions(f, p, 'due');
  if (f.submittedFrom) where.push(`c."submittedAt" >= ${p.add(ts(f.submittedFrom), 'timestamp(3)')}`);
  if (f.submittedBefore) where.push(`c."submittedAt" < ${p.add(ts(f.submittedBefore), 'timestamp(3)')}`);
  if (kind === 'households') {
    // a row per household: its latest case among those exported (a case without a registered household is its own row)
    const same = where.map((w) => w.replace(/\bc\."/g, 'c2."'));
    where.push(`(c."householdId" IS NULL OR NOT EXISTS (SELECT 1 FROM "Case" c2 WHERE c2."householdId" = c."householdId" AND (c2."submittedAt", c2."caseNo") > (c."submittedAt", c."caseNo")${same.length ? ` AND ${same.join(' AND ')}` : ''}))`);
  }
  if (after) where.push(`(c."submittedAt", c."caseNo") > (${p.add(ts(after.submittedAt), 'timestamp(3)')}, ${p.add(after.caseNo, 'text')})`);
  const sealed = [needs.name ? 'h."headName"' : 'NULL::text AS "headName"', needs.idNumber ? 'h."headIdNumber"' : 'NULL::text AS "headIdNumber"', needs.phone ? 'h."phone"' : 'NULL::text AS "phone"'];
  const members = needs.members ? `, ${MEMBERS_SQL('c."householdId"')} AS "members"` : '';
  const decided = needs.decidedAt ? `, (SELECT min(e."at") FROM "CaseEvent" e WHERE e."caseId" = c."id" AND e."toStatus" = ${p.add(CASE_STATUS.approved, 'text')}) AS "decidedAt"` : '';
  const sql = `SELECT c."caseNo", c."status", c."cause"::text AS "cause", c."channel", c."villageId", c."householdId", c."submittedAt", c."statusSince", c."dueAt", c."overdueSince",
  c."greenChannel", c."publicityStart", c."publicityEnd", c."paidAt", c."householdSize", c."annualIncomeFen", c."perCapitaIncomeFen", c."rigidExpenseFen",
  c."incomeLineFen", c."incomeYear", c."approvedAmountFen", c."householdCategory", c."measures",
  CASE WHEN c."householdId" IS NULL THEN c."answers" END AS "answers",
  ${sealed.join(', ')}, h."size", h."povertyAlleviated", h."eliminatedOn", rc."name" AS "responsible"${decided}${members}
FROM "Case" c LEFT JOIN "Household" h ON h."id" = c."householdId" LEFT JOIN "Cadre" rc ON rc."id" = h."responsibleCadreId"
WHERE ${where.length ? where.join('\n  AND ') : 'TRUE'}
ORDER BY c."submittedAt", c."caseNo"
LIMIT ${p.add(limit, 'int')}`;
  return { sql, values: p.values };
}

/** A household's members as [sealed name, relation], oldest first (null: none). */
export const MEMBERS_SQL = (householdId: string) =>
  `(SELECT json_agg(json_build_array(m."name", m."relation") ORDER BY m."createdAt", m."id") FROM "Member" m WHERE m."householdId" = ${householdId})`;

/** The members' names opened. */
export function membersOf(keyring: Keyring, raw: [string, string][] | null | undefined): { name: string; relation: string }[] | null {
  if (raw === undefined) return null;
  return (raw ?? []).map(([name, relation]) => ({ name: (openValue(keyring, 'Member', 'name', SEALED_FIELDS.Member!.name!, name) as string | null) ?? '', relation }));
}

const open = (keyring: Keyring, model: 'Household' | 'Case', field: string, stored: unknown) => (stored === null ? null : openValue(keyring, model, field, SEALED_FIELDS[model]![field]!, stored));

/** The export's rows, batch by batch, in filing order. */
export async function* exportBatches(db: Db, keyring: Keyring, f: ExportFilter, kind: LayoutKind, needs: Needs, batch = BATCH): AsyncGenerator<ExportRow[]> {
  if (f.scope.kind === 'none') return;
  let after: Key | null = null;
  for (;;) {
    const q = batchQuery(f, kind, needs, after, batch);
    const raw = await rowsOf<RawRow>(db, q.sql, q.values);
    if (raw.length === 0) return;
    yield raw.map((r) => rowOf(keyring, r));
    if (raw.length < batch) return;
    const last = raw[raw.length - 1]!;
    after = { submittedAt: last.submittedAt, caseNo: last.caseNo };
  }
}

function rowOf(keyring: Keyring, r: RawRow): ExportRow {
  const household = r.householdId
    ? {
        headName: (open(keyring, 'Household', 'headName', r.headName) as string | null) ?? '',
        headIdNumber: (open(keyring, 'Household', 'headIdNumber', r.headIdNumber) as string | null) ?? '',
        phone: (open(keyring, 'Household', 'phone', r.phone) as string | null) ?? '',
        size: r.size ?? r.householdSize,
        povertyAlleviated: r.povertyAlleviated ?? false,
      }
    : null;
  const answers = r.householdId ? null : open(keyring, 'Case', 'answers', r.answers);
  const { householdId: _h, answers: _a, headName: _n, headIdNumber: _i, phone: _p, size: _s, povertyAlleviated: _pa, members, ...rest } = r;
  return { ...rest, decidedAt: r.decidedAt ?? null, applicant: applicantOf({ household, answers, householdSize: r.householdSize }), members: r.householdId ? membersOf(keyring, members) : null, register: null };
}
