/**
 * 公示 lists (PublicNotice): what a village (or its town, or the county office) makes, posts on the
 * board and sends to the village work group; who may: auth/permissions.ts MAY.makeNotices (reading:
 * MAY.readNotices). Outside the caller's region a notice reads as one that does not exist.
 *
 *   make      the rows of the village's cases on notice in a period (rows.ts), masked; stored as
 *             posted (or only shown: a preview), audited
 *   send      发到村工作群: a broadcast to the work groups bound to the village, through the
 *             broadcast path (compose + send: outbox rows, paced), audited
 *   objection an objection against one of its rows: the case's objection (workflow/objections.ts),
 *             carrying the notice's id
 *   withdraw  撤回: its public page is gone at once (audited); a notice is also gone from the public
 *             page NOTICE_PUBLIC_DAYS after its end day
 *
 * Full names (nameMask none) are the town's or the county office's decision, never a village's.
 * The public page shows the rows as posted, less those whose case has since been withdrawn or
 * rejected (its status read again at each view); the stored rows stay as the record.
 */
import { randomBytes } from 'node:crypto';
import { daysBetween, shanghaiDate } from '../../../flows/china-time';
import { type CadreActor, CASE_STATUS, type CaseStatus, inJurisdiction } from '../../../flows/workflow';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { conflict, forbidden, invalid, notFound } from '../refusal';
import { recordAudit } from '../audit/record';
import { requireRole } from '../auth/cadre';
import { MAY } from '../auth/permissions';
import { composeBroadcast, sendBroadcast } from '../broadcasts/compose';
import type { BroadcastTarget } from '../broadcasts/content';
import { countRecipients } from '../broadcasts/recipients';
import { RegionTree, type RegionRow } from '../regions/tree';
import { workflowSettings } from '../settings/workflow';
import type { WorkflowSettings } from '../workflow/perform';
import type { ActResult } from '../workflow/case-acts';
import { recordObjection } from '../workflow/objections';
import type { NameMask } from './mask';
import { noticeRows, type NoticeRow } from './rows';
import { groupMessage, titleOf, type NoticeHeader, type NoticeText, type PlaceName } from './words';

/** Who may post households' names unmasked (nameMask none): the town and the county office. */
export const FULL_NAME_ROLES = ['county', 'town'] as const;

/** The longest period a notice may cover (a year: a village's notices of a year on one sheet). */
export const MAX_PERIOD_DAYS = 366;

export type NoticeDeps = { prisma: PrismaClient; config: { workflow: WorkflowSettings } };
export type NoticeRecord = Prisma.PublicNoticeGetPayload<object>;
export type MakeInput = { village: string; from: string; to: string; nameMask: NameMask; includeDecided: boolean };

/** An id nobody guesses (128 random bits): the public page's address is the only key to it. */
export const newNoticeId = () => randomBytes(16).toString('base64url');
export const NOTICE_ID = /^[A-Za-z0-9_-]{22}$/;

/** The village named by its region id or its code, in the caller's reach. */
function villageOf(tree: RegionTree, actor: CadreActor, ref: string): RegionRow {
  const village = tree.byId.get(ref) ?? tree.byCode.get(ref);
  if (!village || village.level !== 'village') throw invalid(`villageId: no village has the id or code ${ref}`, 'villageId');
  if (!inJurisdiction(actor, village.id)) throw forbidden(`${village.name} is outside your region`);
  return village;
}

const place = (r: RegionRow | undefined): PlaceName | null => (r ? { code: r.code, name: r.name, nameEn: r.nameEn } : null);

/** The notice's header as of now: names, the offices' phones, the shortest notice. */
async function headerOf(deps: NoticeDeps, tree: RegionTree, village: RegionRow): Promise<{ header: NoticeHeader; countyId: string }> {
  const town = village.parentId ? tree.byId.get(village.parentId) : undefined;
  const county = town?.parentId ? tree.byId.get(town.parentId) : undefined;
  const phones = await deps.prisma.region.findMany({ where: { id: { in: [village.id, ...(town ? [town.id] : [])] } }, select: { id: true, contactPhone: true } });
  const phoneOf = (id: string | undefined) => phones.find((p) => p.id === id)?.contactPhone?.trim() || null;
  const settings = await workflowSettings(deps, { regionId: village.id });
  return {
    header: { village: place(village)!, town: place(town), county: place(county), phones: { village: phoneOf(village.id), town: phoneOf(town?.id) }, publicityMinDays: settings.publicityMinDays },
    countyId: county?.id ?? town?.id ?? village.id,
  };
}

function checkPeriod(from: string, to: string): void {
  if (to < from) throw invalid('to: must be on or after from', 'to');
  if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) throw invalid(`to: a notice covers at most ${MAX_PERIOD_DAYS} days`, 'to');
}

/** The notice's own first and last day: the earliest start and the latest end of its rows (the period when it has none). */
function spanOf(rows: NoticeRow[], from: string, to: string): { startDay: string; endDay: string } {
  if (rows.length === 0) return { startDay: from, endDay: to };
  return { startDay: rows.map((r) => r.start).sort()[0]!, endDay: rows.map((r) => r.end).sort().at(-1)! };
}

/**
 * A notice of `village` for [from, to]: stored as posted (`save`), or only shown (a preview, which
 * stores nothing). A notice with no rows is not stored: there is nothing to post.
 */
export async function makeNotice(deps: NoticeDeps, actor: CadreActor, input: MakeInput, now: Date, save: boolean): Promise<NoticeRecord> {
  requireRole(actor, MAY.makeNotices, 'make notices');
  if (input.nameMask === 'none' && !(FULL_NAME_ROLES as readonly string[]).includes(actor.role)) throw forbidden('nameMask: full names (none) on a public notice are for the town or the county office to decide; use middle or given');
  checkPeriod(input.from, input.to);
  const tree = await RegionTree.load(deps.prisma);
  const village = villageOf(tree, actor, input.village);
  const rows = await noticeRows(deps.prisma, { villageId: village.id, from: input.from, to: input.to, nameMask: input.nameMask, includeDecided: input.includeDecided });
  const { header, countyId } = await headerOf(deps, tree, village);
  const record: NoticeRecord = {
    id: save ? newNoticeId() : 'preview',
    countyId,
    villageId: village.id,
    periodFrom: input.from,
    periodTo: input.to,
    ...spanOf(rows, input.from, input.to),
    nameMask: input.nameMask,
    includeDecided: input.includeDecided,
    header: header as unknown as Prisma.JsonValue,
    rows: rows as unknown as Prisma.JsonValue,
    createdById: actor.id === 'admin' ? null : actor.id,
    createdAt: now,
    sentAt: null,
    broadcastId: null,
    withdrawnAt: null,
    withdrawnById: null,
  };
  const subject = `${village.code} ${input.from}..${input.to}`;
  if (!save) {
    // the names behind the masks were read to show them (in full with nameMask none): a look at personal data
    await recordAudit(deps.prisma, { at: now, actor, action: 'notice:preview', allowed: true, kind: 'access', fields: ['name'], subject, reason: `${rows.length} rows, names ${input.nameMask}` });
    return record;
  }
  if (rows.length === 0) throw conflict('no_rows', `no case of ${village.name} is on notice between ${input.from} and ${input.to}`, 'from');
  const saved = await deps.prisma.$transaction(async (tx) => {
    const created = await tx.publicNotice.create({ data: { ...record, header: record.header as Prisma.InputJsonValue, rows: record.rows as Prisma.InputJsonValue } });
    await recordAudit(tx, { at: now, actor, action: 'notice:create', allowed: true, kind: 'access', fields: ['name'], subject: created.id, reason: `${subject}: ${rows.length} rows, names ${input.nameMask}` });
    return created;
  });
  return saved;
}

/** The notice when the caller may read it (outside its region: not found). */
export async function visibleNotice(db: PrismaClient, actor: CadreActor, id: string): Promise<NoticeRecord> {
  requireRole(actor, MAY.readNotices, 'read notices');
  const n = NOTICE_ID.test(id) ? await db.publicNotice.findUnique({ where: { id } }) : null;
  if (!n || !inJurisdiction(actor, n.villageId)) throw notFound('notice');
  return n;
}

/** Statuses after which a case's row is no longer shown on the public page (the stored rows keep it). */
export const GONE_FROM_NOTICE: readonly CaseStatus[] = [CASE_STATUS.withdrawn, CASE_STATUS.rejected];

/**
 * The notice for its public page, whoever asks (the id is the key) — while it is public: not
 * withdrawn, and at most `publicDays` days past its end day (China dates). Its rows less those whose
 * case has since been withdrawn or rejected (read again now, not as posted).
 */
export async function publicNotice(db: PrismaClient, id: string, now: Date, publicDays: number): Promise<NoticeText | null> {
  const n = NOTICE_ID.test(id) ? await db.publicNotice.findUnique({ where: { id } }) : null;
  if (!n || n.withdrawnAt) return null;
  if (daysBetween(n.endDay, shanghaiDate(now)) > publicDays) return null;
  const text = noticeText(n);
  const gone = new Set(
    (await db.case.findMany({ where: { caseNo: { in: text.rows.map((r) => r.caseNo) }, status: { in: [...GONE_FROM_NOTICE] } }, select: { caseNo: true } })).map((c) => c.caseNo),
  );
  if (gone.size === 0) return text;
  return { ...text, rows: text.rows.filter((r) => !gone.has(r.caseNo)).map((r, i) => ({ ...r, no: i + 1 })) };
}

/** 撤回: the notice's public page is gone from now on (its record stays, for the cadres and the audit). */
export async function withdrawNotice(db: PrismaClient, actor: CadreActor, id: string, now: Date): Promise<NoticeRecord> {
  requireRole(actor, MAY.makeNotices, 'withdraw notices');
  const n = await visibleNotice(db, actor, id);
  if (n.withdrawnAt) throw conflict('notice_withdrawn', 'the notice was already withdrawn');
  return db.$transaction(async (tx) => {
    const done = await tx.publicNotice.update({ where: { id: n.id }, data: { withdrawnAt: now, withdrawnById: actor.id === 'admin' ? null : actor.id } });
    await recordAudit(tx, { at: now, actor, action: 'notice:withdraw', allowed: true, subject: n.id });
    return done;
  });
}

export type ListQuery = { village?: string; from?: string; to?: string; limit: number };

/** Notices in the caller's reach, newest first: of one village, and/or those whose days overlap [from, to]. */
export async function listNotices(db: PrismaClient, actor: CadreActor, q: ListQuery): Promise<NoticeRecord[]> {
  requireRole(actor, MAY.readNotices, 'read notices');
  const tree = await RegionTree.load(db);
  const village = q.village ? villageOf(tree, actor, q.village) : null;
  const reach = actor.regionIds === null ? null : [...actor.regionIds];
  return db.publicNotice.findMany({
    where: {
      ...(village ? { villageId: village.id } : reach ? { villageId: { in: reach } } : {}),
      ...(q.to ? { startDay: { lte: q.to } } : {}),
      ...(q.from ? { endDay: { gte: q.from } } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: q.limit,
  });
}

/** As words and page read it. */
export function noticeText(n: NoticeRecord): NoticeText {
  return { id: n.id, header: n.header as unknown as NoticeHeader, rows: n.rows as unknown as NoticeRow[], startDay: n.startDay, endDay: n.endDay, issuedDay: shanghaiDate(n.createdAt) };
}

/** The village's work groups (rooms bound to it), as a broadcast target. */
const groupTarget = (villageCode: string): BroadcastTarget => ({ regions: [villageCode], villagers: false, rooms: true, openCasesOnly: false, tags: [] });

/**
 * 发到村工作群: a text broadcast to the work groups bound to the notice's village — the title, the
 * dates, the households (masked, as posted), where to object, and the page's address — composed and
 * started through the broadcast path (its outbox rows, paced; audited there as broadcast:send), and
 * recorded on the notice. A village with no bound work group is told so (bind one: "绑定群").
 */
export async function sendNotice(db: PrismaClient, actor: CadreActor, id: string, url: string, now: Date): Promise<{ notice: NoticeRecord; broadcastId: string; recipients: number }> {
  requireRole(actor, MAY.makeNotices, 'send notices');
  const n = await visibleNotice(db, actor, id);
  if (n.withdrawnAt) throw conflict('notice_withdrawn', 'the notice was withdrawn: make a new one');
  const text = noticeText(n);
  const target = groupTarget(text.header.village.code);
  const tree = await RegionTree.load(db);
  const recipients = await countRecipients(db, tree, target);
  if (recipients === 0) throw conflict('no_work_group', `no work group is bound to ${text.header.village.name}: bind the village's group first ("绑定群")`);
  const b = await composeBroadcast(db, actor, { title: titleOf(text, 'zh-CN'), content: { type: 'text', text: groupMessage(text, url) }, target }, now, MAY.makeNotices);
  await sendBroadcast(db, actor, b.id, undefined, now, MAY.makeNotices);
  const notice = await db.publicNotice.update({ where: { id: n.id }, data: { sentAt: now, broadcastId: b.id } });
  await recordAudit(db, { at: now, actor, action: 'notice:send', allowed: true, subject: n.id, reason: `broadcast ${b.id} to ${recipients} group(s)` });
  return { notice, broadcastId: b.id, recipients };
}

/**
 * An objection raised against a row of the notice: the case's objection (the workflow's act —
 * during the notice, by the roles that hear objections; its refusals are the act's, said by the
 * channel), carrying the notice's id. A case that is not a row of this notice is refused (caseNo).
 */
export async function recordNoticeObjection(db: PrismaClient, actor: CadreActor, id: string, caseNo: string, note: string, now: Date): Promise<ActResult<{ objectionId: string }> & { noticeId: string }> {
  const n = await visibleNotice(db, actor, id);
  if (!noticeText(n).rows.some((r) => r.caseNo === caseNo)) throw invalid(`caseNo: ${caseNo} is not a row of this notice`, 'caseNo');
  const result = await db.$transaction((tx) => recordObjection(tx, actor, caseNo, note, now, n.id));
  return { ...result, noticeId: n.id };
}

/** Objections raised against each row of the notice (its cadre view): open and all, by case reference. */
export async function objectionsByRow(db: PrismaClient, noticeId: string): Promise<Map<string, { open: number; total: number }>> {
  const rows = await db.objection.findMany({ where: { noticeId }, select: { resolvedAt: true, case: { select: { caseNo: true } } } });
  const out = new Map<string, { open: number; total: number }>();
  for (const o of rows) {
    const seen = out.get(o.case.caseNo) ?? { open: 0, total: 0 };
    seen.total += 1;
    if (!o.resolvedAt) seen.open += 1;
    out.set(o.case.caseNo, seen);
  }
  return out;
}
