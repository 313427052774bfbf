/**
 * A county's departments as its office configures them: the saved column mapping of a department's
 * files, its alert rules (replaced whole: the rules in force are the last saved; earlier ones stay,
 * inactive, for the alerts they raised), and the token its system pushes rows with (shown once;
 * only its SHA-256 is kept, a new one replaces the old). Audited. The department row is made on
 * first use.
 */
import { z } from 'zod';
import type { CadreActor } from '../../../flows/workflow';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { recordAudit } from '../audit/record';
import { hashToken, newToken } from '../auth/tokens';
import { invalid } from '../refusal';
import type { RegionRow } from '../regions/tree';
import { DEFAULT_COLUMNS, DEPARTMENT_FIELDS, type DepartmentCode } from './departments';
import { checkColumnMap, ColumnMap } from './rows';
import { ruleProblem, RuleInput } from './rules';

type Db = PrismaClient | Prisma.TransactionClient;

export const DepartmentBody = z.strictObject({
  columns: ColumnMap.optional(),
  rules: z.array(RuleInput).max(20).optional(),
});
export type DepartmentBody = z.infer<typeof DepartmentBody>;

export async function departmentOf(db: Db, county: RegionRow, code: DepartmentCode) {
  return db.department.upsert({ where: { countyId_code: { countyId: county.id, code } }, create: { countyId: county.id, code }, update: {} });
}

/** The mapping a file is read with: the request's, else the department's saved one, else the usual headers. */
export function columnsFor(code: DepartmentCode, saved: unknown, given: ColumnMap | undefined): ColumnMap {
  if (given) return checkColumnMap(code, given);
  const parsed = ColumnMap.safeParse(saved);
  return parsed.success ? parsed.data : DEFAULT_COLUMNS[code];
}

export async function configureDepartment(prisma: PrismaClient, actor: CadreActor, county: RegionRow, code: DepartmentCode, body: DepartmentBody, at: Date) {
  if (body.columns) checkColumnMap(code, body.columns);
  body.rules?.forEach((rule, i) => {
    const problem = ruleProblem(code, rule);
    if (problem) throw invalid(`rules.${i}.${problem.path}: ${problem.message}`, `rules.${i}.${problem.path}`);
  });
  return prisma.$transaction(async (tx) => {
    const department = await departmentOf(tx, county, code);
    if (body.columns) await tx.department.update({ where: { id: department.id }, data: { columnMap: body.columns } });
    if (body.rules) {
      await tx.alertRule.updateMany({ where: { departmentId: department.id, active: true }, data: { active: false } });
      await tx.alertRule.createMany({
        data: body.rules.map((r) => ({ departmentId: department.id, kind: r.kind, figure: r.figure ?? null, lineSpecialFen: r.lineSpecialFen ?? null, lineOtherFen: r.lineOtherFen ?? null, cause: r.cause, wording: r.wording, active: r.active, createdAt: at })),
      });
    }
    await recordAudit(tx, { at, actor, action: 'alerts:configure-department', allowed: true, subject: `${county.code}:${code}`, reason: [body.columns ? 'columns' : '', body.rules ? `${body.rules.length} rules` : ''].filter(Boolean).join(', ') || 'unchanged' });
    return viewDepartment(tx, county, code);
  });
}

export async function issueDepartmentToken(prisma: PrismaClient, actor: CadreActor, county: RegionRow, code: DepartmentCode, at: Date): Promise<string> {
  const token = newToken();
  await prisma.$transaction(async (tx) => {
    const department = await departmentOf(tx, county, code);
    await tx.department.update({ where: { id: department.id }, data: { tokenHash: hashToken(token) } });
    await recordAudit(tx, { at, actor, action: 'alerts:issue-department-token', allowed: true, subject: `${county.code}:${code}`, reason: 'a new push token (the previous one no longer works)' });
  });
  return token;
}

/** The department's system by its bearer token: the department, if the token is its and the path names it. */
export async function departmentByToken(prisma: PrismaClient, token: string | undefined, code: DepartmentCode) {
  if (!token) return null;
  const department = await prisma.department.findUnique({ where: { tokenHash: hashToken(token) } });
  return department && department.code === code ? department : null;
}

export async function viewDepartment(db: Db, county: RegionRow, code: DepartmentCode) {
  const d = await db.department.findUnique({
    where: { countyId_code: { countyId: county.id, code } },
    include: { rules: { where: { active: true }, orderBy: { createdAt: 'asc' } }, imports: { orderBy: { at: 'desc' }, take: 5 } },
  });
  return {
    code,
    county: county.code,
    fields: { idNumber: 'text', ...DEPARTMENT_FIELDS[code] },
    columns: columnsFor(code, d?.columnMap, undefined),
    pushToken: !!d?.tokenHash,
    rules: (d?.rules ?? []).map((r) => ({ id: r.id, kind: r.kind, figure: r.figure, lineSpecialFen: r.lineSpecialFen, lineOtherFen: r.lineOtherFen, cause: r.cause, wording: r.wording, active: r.active })),
    imports: (d?.imports ?? []).map((i) => ({ id: i.id, source: i.source, at: i.at.toISOString(), rows: i.rows, matched: i.matched, invalid: i.invalid, alertsRaised: i.alertsRaised })),
  };
}
