/**
 * A department's rows in, alerts out — one transaction per file or pushed batch:
 *  1. the import is found or made by its digest (a file's SHA-256, or "batch:<id>"): the same file
 *     again adds nothing; a batch pushed again adds only the rows it has not seen (per row key);
 *  2. the new rows are stored (ID number sealed, with its blind index) and matched to a registered
 *     household of the department's county — the head's ID number, else a member's (match.ts);
 *  3. the county's rules are applied (rules.ts); a candidate is dropped when the household already
 *     has an open alert or an open case (FINAL_STATUSES aside) of the same cause, and the partial
 *     unique index on open alerts keeps two imports at once from raising the same one twice;
 *  4. each new alert is a check task for the household's village, due after the county's
 *     identification limit (15 days unless the county set another), and the village's cadres are
 *     told how many new tasks they have (no figures in the message); the household hears of it
 *     privately when it has a WeChat contact (offer.ts); the import is audited.
 */
import { t } from '../../../flows/i18n';
import { FINAL_STATUSES, type CadreActor } from '../../../flows/workflow';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { AlertRule, Department } from '../../generated/prisma/client';
import { recordAudit } from '../audit/record';
import type { Keyring } from '../crypto/keyring';
import { enqueue } from '../outbox/enqueue';
import { nearestBoundCadres, regionChain } from '../notify/recipients';
import { regionName } from '../notify/texts';
import { currentStatics, workflowOf } from '../settings/workflow';
import { addLimit } from '../workflow/deadlines';
import type { WorkflowSettings } from '../workflow/perform';
import { ALERT_STATUS, CASE_CAUSE_OF, DEPARTMENT_NAME_KEY, type AlertCause, type DepartmentCode } from './departments';
import { matchHouseholds } from './match';
import { offerToHouseholds } from './offer';
import { raises } from './rules';
import type { Figures, ReadRow } from './rows';

type Tx = Prisma.TransactionClient;

export type ImportSource = { kind: 'file'; digest: string; actor: CadreActor } | { kind: 'push'; batchId: string };

export type ImportReport = {
  importId: string;
  /** The same file again (or a batch with no new row): nothing was added. */
  repeated: boolean;
  /** Rows of this request: new ones stored, those already seen in the batch, those that could not be read. */
  rows: number;
  alreadySeen: number;
  invalid: number;
  matched: number;
  alertsRaised: number;
  /** Candidates dropped: an open alert or open case of the household and cause was there. */
  deduplicated: number;
};

const TIMEOUT_MS = 120_000;

export async function ingestRows(
  prisma: PrismaClient,
  deps: { keyring: Keyring; workflow: WorkflowSettings },
  department: Department & { code: string },
  source: ImportSource,
  read: { rows: ReadRow[]; invalid: number },
  at: Date,
): Promise<ImportReport> {
  const statics = await currentStatics(prisma);
  const settings = workflowOf(statics, department.countyId, deps.workflow);
  const dueAt = addLimit(at, settings.limits.total, settings.calendar);
  const villages = statics.tree.subtreeIds(department.countyId);
  const digest = source.kind === 'file' ? source.digest : `batch:${source.batchId}`;

  return prisma.$transaction(
    async (tx) => {
      // 1. the import: made once per digest; a concurrent request with the same digest waits on its lock
      const made = await tx.departmentImport.createMany({
        data: [{ departmentId: department.id, source: source.kind, digest, cadreId: source.kind === 'file' ? source.actor.id : null, at }],
        skipDuplicates: true,
      });
      const [imp] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "DepartmentImport" WHERE "departmentId" = ${department.id} AND digest = ${digest} FOR UPDATE`;
      const importId = imp!.id;
      const report: ImportReport = { importId, repeated: false, rows: 0, alreadySeen: 0, invalid: read.invalid, matched: 0, alertsRaised: 0, deduplicated: 0 };
      if (source.kind === 'file' && made.count === 0) {
        await audit(tx, department, source, importId, { ...report, repeated: true, invalid: 0 }, at);
        return { ...report, repeated: true, invalid: 0 };
      }

      // 2. the new rows, matched
      const seen = new Set((await tx.departmentRow.findMany({ where: { importId, rowKey: { in: read.rows.map((r) => r.rowKey) } }, select: { rowKey: true } })).map((r) => r.rowKey));
      const fresh = dedupeKeys(read.rows.filter((r) => !seen.has(r.rowKey)));
      report.alreadySeen = read.rows.length - fresh.length;
      const indexOf = new Map(fresh.map((r) => [r.rowKey, deps.keyring.blindIndex('household-id', r.idNumber)]));
      const households = await matchHouseholds(tx, [...new Set(indexOf.values())], villages);
      const created = await tx.departmentRow.createManyAndReturn({
        data: fresh.map((r) => ({ importId, departmentId: department.id, rowKey: r.rowKey, idNumber: r.idNumber, figures: r.figures, householdId: households.get(indexOf.get(r.rowKey)!)?.id ?? null, createdAt: at })),
        select: { id: true, rowKey: true, householdId: true, idIndex: true, figures: true },
        skipDuplicates: true,
      });
      report.rows = created.length;
      report.alreadySeen += fresh.length - created.length;
      const matchedRows = created.filter((r) => r.householdId !== null);
      report.matched = matchedRows.length;

      // 3. the rules
      const rules = await tx.alertRule.findMany({ where: { departmentId: department.id, active: true }, orderBy: { createdAt: 'asc' } });
      const previous = rules.some((r) => r.kind === 'lost') ? await previousFigures(tx, department.id, importId, matchedRows.map((r) => r.idIndex!)) : new Map<string, Figures>();
      const candidates: { row: (typeof created)[number]; household: { id: string; villageId: string }; rule: AlertRule }[] = [];
      const taken = new Set<string>();
      for (const row of matchedRows) {
        const household = households.get(row.idIndex!)!;
        for (const rule of rules) {
          const key = `${household.id}|${rule.cause}`;
          if (taken.has(key) || !raises(rule, row.figures as Figures, household.special, previous.get(row.idIndex!))) continue;
          taken.add(key);
          candidates.push({ row, household, rule });
        }
      }
      const blocked = await openOfHouseholds(tx, [...new Set(candidates.map((c) => c.household.id))]);
      const kept = candidates.filter((c) => !blocked.has(`${c.household.id}|${c.rule.cause}`));
      report.deduplicated = candidates.length - kept.length;

      // 4. the alerts (the partial unique index drops one another import raised meanwhile)
      const alerts = await tx.alert.createManyAndReturn({
        data: kept.map((c) => ({
          householdId: c.household.id,
          villageId: c.household.villageId,
          countyId: department.countyId,
          departmentId: department.id,
          ruleId: c.rule.id,
          rowId: c.row.id,
          cause: c.rule.cause,
          wording: c.rule.wording,
          figures: c.row.figures as Prisma.InputJsonValue,
          status: ALERT_STATUS.open,
          raisedAt: at,
          dueAt,
        })),
        select: { id: true, villageId: true, householdId: true, cause: true, wording: true, figures: true },
        skipDuplicates: true,
      });
      report.deduplicated += kept.length - alerts.length;
      report.alertsRaised = alerts.length;
      await tx.departmentImport.update({
        where: { id: importId },
        data: { rows: { increment: report.rows }, matched: { increment: report.matched }, invalid: { increment: report.invalid }, alertsRaised: { increment: report.alertsRaised } },
      });
      await tellVillages(tx, department.code as DepartmentCode, alerts, settings.limits.total.days, at);
      // the household hears of it privately (offer.ts): one message to its WeChat, the offer on its session
      await offerToHouseholds(tx, alerts, at);
      await audit(tx, department, source, importId, report, at);
      return { ...report, repeated: report.rows === 0 && report.invalid === 0 };
    },
    { timeout: TIMEOUT_MS },
  );
}

/** The first row of each row key (a file never repeats one; a pushed batch might). */
function dedupeKeys(rows: ReadRow[]): ReadRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.rowKey) && !!seen.add(r.rowKey));
}

/** The person's latest row from the department before this import, by blind index. */
async function previousFigures(tx: Tx, departmentId: string, importId: string, indexes: string[]): Promise<Map<string, Figures>> {
  const out = new Map<string, Figures>();
  if (indexes.length === 0) return out;
  const rows = await tx.departmentRow.findMany({
    where: { departmentId, idIndex: { in: [...new Set(indexes)] }, importId: { not: importId } },
    select: { idIndex: true, figures: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  for (const r of rows) if (r.idIndex && !out.has(r.idIndex)) out.set(r.idIndex, r.figures as Figures);
  return out;
}

/** "<householdId>|<cause>" of the open alerts and open cases (of a case cause) of these households. */
export async function openOfHouseholds(tx: Tx, householdIds: string[]): Promise<Set<string>> {
  if (householdIds.length === 0) return new Set();
  const [alerts, cases] = await Promise.all([
    tx.alert.findMany({ where: { householdId: { in: householdIds }, status: ALERT_STATUS.open }, select: { householdId: true, cause: true } }),
    tx.case.findMany({ where: { householdId: { in: householdIds }, status: { notIn: [...FINAL_STATUSES] } }, select: { householdId: true, cause: true } }),
  ]);
  const out = new Set(alerts.map((a) => `${a.householdId}|${a.cause}`));
  const alertCauseOf = Object.fromEntries(Object.entries(CASE_CAUSE_OF).map(([alert, c]) => [c, alert])) as Record<string, AlertCause>;
  for (const c of cases) if (c.householdId && alertCauseOf[c.cause]) out.add(`${c.householdId}|${alertCauseOf[c.cause]}`);
  return out;
}

/** One message per village and cadre: how many new check tasks, from which department, due within how many days. */
async function tellVillages(tx: Tx, code: DepartmentCode, alerts: { id: string; villageId: string }[], days: number, at: Date): Promise<void> {
  const byVillage = new Map<string, string[]>();
  for (const a of alerts) byVillage.set(a.villageId, [...(byVillage.get(a.villageId) ?? []), a.id]);
  for (const [villageId, ids] of byVillage) {
    const chain = await regionChain(tx, villageId);
    const village = chain.find((r) => r.level === 'village');
    for (const r of await nearestBoundCadres(tx, chain)) {
      const text = t(r.lang, 'alerts.notify.new_tasks', { village: regionName(r.lang, village), count: ids.length, department: t(r.lang, DEPARTMENT_NAME_KEY[code]), days });
      await enqueue(tx, { channel: r.channel, targetType: r.targetType, targetId: r.targetId, text, kind: 'case_task', dedupeKey: `alerts-new:${ids[0]}:${r.key}` }, at);
    }
  }
}

async function audit(tx: Tx, department: Department & { code: string }, source: ImportSource, importId: string, report: ImportReport, at: Date): Promise<void> {
  await recordAudit(tx, {
    at,
    actor: source.kind === 'file' ? source.actor : { kind: 'system' },
    action: source.kind === 'file' ? 'alerts:import-file' : 'alerts:push-rows',
    allowed: true,
    subject: `${department.code}:${importId}`,
    reason: `${report.repeated ? 'the same file again: nothing added; ' : ''}rows ${report.rows}, already seen ${report.alreadySeen}, invalid ${report.invalid}, matched ${report.matched}, alerts ${report.alertsRaised}, deduplicated ${report.deduplicated}`,
  });
}
