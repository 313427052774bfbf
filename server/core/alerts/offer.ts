/**
 * The household hears of its alert privately, and its answer is kept:
 *  - offerToHouseholds (in the import's transaction, ingest.ts): for each new alert whose household
 *    has a WeChat contact that acts for it (a created or confirmed link, never a claimed one, never
 *    a cadre's) and has not opted out ("退订"), one private message to that contact — never a room —
 *    in its language, with the rule's gentle wording and the choice 1/2/3, never the department's
 *    figures (dedupe key per alert); and the offer recorded on the contact's session
 *    (SessionState.alertOffer, read by flows/villager/alert-offer.ts) with what the register knows,
 *    to be said back for a yes if the household applies. A contact in the middle of an application
 *    is not written to now: the offer waits on the session and is told when they are back at rest,
 *    and an application of the alert's cause filed meanwhile answers it (linked to the alert);
 *  - recordAlertAnswer (a villager's turn, server/chat/conversation/effects.ts): 1/2/3 written on
 *    the alert (answer, answeredAt), audited; "2" tells the village's cadres, the figures only to
 *    the roles that close alerts (MAY.closeAlerts) and never to a room;
 *  - linkAlertCase: the case an application started from the offer filed, linked to the alert.
 */
import { alertOfferText, atRest } from '../../../flows';
import type { AlertAnswer, AlertOffer, Cause, SessionState } from '../../../flows/engine/types';
import { t } from '../../../flows/i18n';
import { formatMoney } from '../../../flows/i18n/format';
import type { Prisma } from '../../generated/prisma/client';
import { recordAudit } from '../audit/record';
import { MAY } from '../auth/permissions';
import { ACTING_LINKS } from '../identity/household-link';
import { CHAT_CONTACT_CHANNEL } from '../notify/channels';
import { asLang, boundCadres, regionChain } from '../notify/recipients';
import { regionName } from '../notify/texts';
import { enqueue } from '../outbox/enqueue';
import { maskName, DEFAULT_NAME_MASK } from '../notices/mask';
import { ALERT_STATUS, alertOriginKey, CASE_CAUSE_OF, CAUSE_KEY, DEPARTMENT_FIELDS, WORDING_KEY, type AlertCause, type DepartmentCode, type Wording } from './departments';

type Tx = Prisma.TransactionClient;

export type RaisedAlert = { id: string; householdId: string; cause: string; wording: string; figures: unknown };

/** The contact that hears the household's alerts: its most recent acting chat contact that has not opted out. */
async function privateContactOf(tx: Tx, householdId: string) {
  return tx.contact.findFirst({
    where: { householdId, householdLink: { in: ACTING_LINKS }, channel: CHAT_CONTACT_CHANNEL, cadre: { is: null }, publicityOptOut: false },
    orderBy: { updatedAt: 'desc' },
    select: { id: true, channel: true, externalId: true, lang: true, session: { select: { id: true, version: true, flow: true, state: true } } },
  });
}

/** The offers for alerts just raised: a private message each and the offer on the session. Returns how many were sent. */
export async function offerToHouseholds(tx: Tx, alerts: RaisedAlert[], at: Date): Promise<number> {
  let sent = 0;
  for (const alert of alerts) {
    const contact = await privateContactOf(tx, alert.householdId);
    if (!contact) continue;
    const lang = asLang(contact.lang);
    const wordingKey = WORDING_KEY[alert.wording as Wording];
    if (!wordingKey) continue;
    // in the middle of an application, "回复 1 开始申请" would land as the answer to the question on
    // screen: the offer is kept on the session and told when they are back at rest (engine/step.ts)
    const busy = contact.session !== null && !atRest(contact.session);
    if (!busy) {
      const fresh = await enqueue(
        tx,
        { channel: contact.channel, targetType: 'contact', targetId: contact.externalId, kind: 'case_update', text: alertOfferText(lang, wordingKey), dedupeKey: `alert-offer:${alert.id}` },
        at,
      );
      if (!fresh) continue;
    }
    sent++;
    const offer: AlertOffer = { alertId: alert.id, cause: (CASE_CAUSE_OF[alert.cause as AlertCause] as Cause | undefined) ?? null, wording: wordingKey, known: await knownOf(tx, alert), ...(busy ? { deferred: true } : {}) };
    await recordOffer(tx, contact.id, lang, contact.session, offer);
  }
  return sent;
}

/** What the register knows of the household, for the application's said-back facts. */
async function knownOf(tx: Tx, alert: RaisedAlert): Promise<AlertOffer['known']> {
  const h = await tx.household.findUniqueOrThrow({
    where: { id: alert.householdId },
    select: { headName: true, headIdNumber: true, phone: true, size: true, village: { select: { code: true, parent: { select: { code: true } } } } },
  });
  const figures = (alert.figures ?? {}) as Record<string, unknown>;
  const selfPaid = figures.selfPaidInpatientYtd;
  const total = figures.totalCostYtd;
  return {
    ...(h.headName ? { name: h.headName } : {}),
    ...(h.headIdNumber ? { idNumber: h.headIdNumber } : {}),
    ...(h.phone ? { phone: h.phone } : {}),
    ...(h.size > 0 ? { householdSize: h.size } : {}),
    ...(h.village.parent ? { townCode: h.village.parent.code, villageCode: h.village.code } : {}),
    ...(typeof selfPaid === 'number' && selfPaid > 0 ? { selfPaidFen: selfPaid } : {}),
    ...(typeof total === 'number' && total > 0 ? { totalCostFen: total } : {}),
  };
}

/** The offer on the contact's session (a contact without one gets one at rest, in the menu). */
async function recordOffer(tx: Tx, contactId: string, lang: 'zh-CN' | 'en', session: { id: string; version: number; state: unknown } | null, offer: AlertOffer): Promise<void> {
  if (!session) {
    const state: SessionState = { flow: 'menu', step: 'main', answers: {}, misses: 0, history: [], lang, alertOffer: offer };
    await tx.conversationSession.create({ data: { contactId, flow: state.flow, step: state.step, state: state as unknown as Prisma.InputJsonValue } });
    return;
  }
  const state = { ...(session.state as SessionState), alertOffer: offer };
  // the version moves on: a turn of the same contact running now writes nothing and runs again (runtime.ts)
  await tx.conversationSession.update({ where: { id: session.id }, data: { state: state as unknown as Prisma.InputJsonValue, version: { increment: 1 } } });
}

/**
 * The household's answer, on an open alert of the contact's own household (else nothing: an offer
 * outlived by a closed alert, or a contact no longer of the household). Audited; "2" tells the village.
 */
export async function recordAlertAnswer(tx: Tx, contact: { id: string; householdId: string | null }, alertId: string, answer: AlertAnswer, at: Date): Promise<boolean> {
  if (!contact.householdId) return false;
  const alert = await tx.alert.findFirst({
    where: { id: alertId, householdId: contact.householdId, status: ALERT_STATUS.open },
    select: { id: true, villageId: true, cause: true, figures: true, department: { select: { code: true } }, household: { select: { headName: true } } },
  });
  if (!alert) return false;
  await tx.alert.update({ where: { id: alert.id }, data: { answer, answeredAt: at } });
  await recordAudit(tx, { at, actor: { kind: 'villager', contactId: contact.id, householdId: contact.householdId }, action: 'alerts:answer', allowed: true, subject: `alert:${alert.id}`, reason: answer });
  if (answer === 'call_me') await tellVillage(tx, alert, at);
  return true;
}

/** A handover-style notice to the village's cadres (each bound cadre privately; the figures only to those who close alerts). */
async function tellVillage(tx: Tx, alert: { id: string; villageId: string; cause: string; figures: unknown; department: { code: string } | null; household: { headName: string } }, at: Date): Promise<void> {
  const chain = await regionChain(tx, alert.villageId);
  const village = chain.find((r) => r.level === 'village');
  const closers = MAY.closeAlerts as readonly string[];
  // the village's cadres; none bound: the town's, then the county office's
  for (const roles of [['village'], ['town'], ['county']] as const) {
    const rows = await tx.cadre.findMany({
      where: { active: true, role: { in: [...roles] }, regionId: { in: chain.map((r) => r.id) }, contactId: { not: null } },
      select: { id: true, role: true },
    });
    if (rows.length === 0) continue;
    const recipients = await boundCadres(tx, chain, [], rows.map((r) => r.id));
    if (recipients.length === 0) continue;
    const roleOf = new Map(rows.map((r) => [`cadre:${r.id}`, r.role]));
    for (const r of recipients) {
      const lang = r.lang;
      const code = (alert.department?.code ?? '') as DepartmentCode;
      const lines = [
        t(lang, 'alerts.notify.call_me', {
          village: regionName(lang, village),
          name: maskName(alert.household.headName, DEFAULT_NAME_MASK),
          department: t(lang, alertOriginKey(alert)),
          cause: CAUSE_KEY[alert.cause as AlertCause] ? t(lang, CAUSE_KEY[alert.cause as AlertCause]) : alert.cause,
        }),
      ];
      if (closers.includes(roleOf.get(r.key) ?? '')) {
        const figures = figuresText(lang, code, alert.figures);
        if (figures) {
          lines.push(t(lang, 'alerts.notify.call_me_figures', { figures }));
          // the figures handed to this cadre are a look, as the alert list's (list.ts)
          await recordAudit(tx, { at, kind: 'access', actor: { kind: 'cadre', id: r.key.slice('cadre:'.length) }, action: 'alerts:call-me-notice', allowed: true, fields: ['alert'], subject: `alert:${alert.id}` });
        }
      }
      await enqueue(tx, { channel: r.channel, targetType: 'contact', targetId: r.targetId, kind: 'handover', text: lines.join('\n'), dedupeKey: `alert-call-me:${alert.id}:${r.key}` }, at);
    }
    return;
  }
}

/** The department's money figures in words ("住院自付累计 32,000元"): names as the file's columns, amounts formatted. */
function figuresText(lang: 'zh-CN' | 'en', code: DepartmentCode, figures: unknown): string {
  const f = (figures ?? {}) as Record<string, unknown>;
  const kinds = DEPARTMENT_FIELDS[code] ?? {};
  return Object.entries(kinds)
    .filter(([name, kind]) => kind === 'money' && typeof f[name] === 'number')
    .map(([name]) => `${t(lang, `alerts.figure.${name}`)} ${formatMoney(lang, f[name] as number)}`)
    .join(t(lang, 'alerts.figure.separator'));
}

/** The case filed from an offer, linked to its open alert when it is the household's (a case filed apart is not). */
export async function linkAlertCase(tx: Tx, alertId: string, caseNo: string, at: Date): Promise<boolean> {
  const c = await tx.case.findUnique({ where: { caseNo }, select: { id: true, householdId: true } });
  if (!c?.householdId) return false;
  const linked = await tx.alert.updateMany({ where: { id: alertId, householdId: c.householdId, status: ALERT_STATUS.open, caseId: null }, data: { caseId: c.id } });
  if (linked.count === 0) return false;
  await recordAudit(tx, { at, actor: { kind: 'system' }, action: 'alerts:link-case', allowed: true, subject: `alert:${alertId}`, caseNo, reason: 'filed from the alert offer' });
  return true;
}
