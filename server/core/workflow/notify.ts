/**
 * The notifications a case transition causes, written to the outbox in the transition's
 * transaction (so a rolled-back move tells nobody, and a committed one is never forgotten):
 *  - the villager (the case's contact, on its channel, in the contact's current language) hears
 *    every step they should know of, in plain words, ending with the case number. Changes the
 *    villager made themself in the chat (resubmit, withdraw) and the acceptance of a case they
 *    just filed in the chat are not repeated: the chat reply already said so.
 *  - the cadres who act next (see server/core/notify/recipients.ts) get the case number, village,
 *    cause, the household's rigid expenses, what is needed and the exact command to reply with;
 *    the work groups bound at that level get the same, with "@防贫助手" before the commands.
 * Also here: the hand-over to a person, and the scheduled home visit.
 */
import { t } from '../../../flows/i18n';
import { actsForHousehold } from '../identity/household-link';
import type { Case, Prisma } from '../../generated/prisma/client';
import { enqueue } from '../outbox/enqueue';
import { enqueueSubscribeUpdate, subscribeStatus, villagerTargets } from '../notify/villager-targets';
import { enqueueSmsUpdate } from '../sms/enqueue';
import { asLang, boundCadres, boundRooms, nearestBoundCadres, ownersOf, regionChain, type Recipient } from '../notify/recipients';
import { actorForCadre } from '../auth/actor';
import { MAY } from '../auth/permissions';
import { cadreTask, regionName } from '../notify/texts';
import { CADRE_ENTRY_CHANNEL } from '../notify/channels';
import { enteredByOf } from '../cases/entered-by';
import { chatNotice, type CaseHappening } from '../../../flows/villager/notices';
import { type Action, type Actor, type CaseStatus, FILING_EVENT, inScope, OWNER_ROLES } from '../../../flows/workflow';

type Tx = Prisma.TransactionClient;

export type TransitionNotice = {
  caseId: string;
  from: CaseStatus;
  to: CaseStatus;
  action: Action;
  note: string | null;
  data: Record<string, unknown>;
  eventId: string;
  actor: Actor;
  /** Whether the case's contact filed it, when the caller knows (the filing is its own): else read from the filing event. */
  filedByItsContact?: boolean;
};

/** A move as its event row records it: the mini-program's timeline reads the row and says the same sentence. */
export const happeningOf = (n: Pick<TransitionNotice, 'action' | 'from' | 'to' | 'note' | 'data'>): CaseHappening => ({ type: n.action, from: n.from, to: n.to, note: n.note, data: n.data });

/** A home visit booked, as its event row records it (server/core/workflow/visit.ts). */
export const visitBooked = (visitOn: string): CaseHappening => ({ type: 'visit_scheduled', from: null, to: null, note: null, data: { date: visitOn } });

/** `c`: the case as the move left it (the update's row, in the move's transaction). */
export async function notifyTransition(tx: Tx, notice: TransitionNotice, c: Case, now: Date): Promise<void> {
  const chain = await regionChain(tx, c.villageId);
  const village = chain.find((r) => r.level === 'village');
  const dedupe = (r: { key: string }) => `tx:${notice.eventId}:${r.key}`;

  // the contact is read only when the villager is to be told
  const contact = c.contactId && notice.actor.kind !== 'villager' && !(await filedInChat(tx, notice, c)) ? await tx.contact.findUnique({ where: { id: c.contactId }, select: { id: true, channel: true, externalId: true, lang: true } }) : null;
  if (contact) {
    const lang = asLang(contact.lang ?? c.lang);
    const moved = happeningOf(notice);
    const text = chatNotice(lang, moved, c, c.caseNo);
    if (text) {
      // the chat that filed it, or for a mini-program case the household's chat (server/core/notify/villager-targets.ts)
      for (const r of await villagerTargets(tx, { ...c, contact })) {
        await enqueue(tx, { channel: r.channel, targetType: 'contact', targetId: r.targetId, text, kind: 'case_update', caseId: c.id, dedupeKey: dedupe({ key: `villager:${r.contactId}` }) }, now);
      }
      await enqueueSubscribeUpdate(tx, c, { statusLabel: subscribeStatus(notice.to), text: chatNotice('zh-CN', moved, c, c.caseNo) ?? text }, now, dedupe({ key: 'villager' }));
      // a case filed in the app: also a text message to the phone on its form (server/core/sms)
      await enqueueSmsUpdate(tx, c, subscribeStatus(notice.to), now, dedupe({ key: 'villager' }));
    }
  } else if (!c.contactId && c.channel === CADRE_ENTRY_CHANNEL && notice.actor.kind !== 'villager') {
    // entered by a cadre for a villager without WeChat: that cadre hears what the villager would, to say it on
    await tellEnteringCadre(tx, c, happeningOf(notice), (key) => dedupe({ key }), now);
  }

  // the cadres who act next; a withdrawal tells the ones who were acting that they can stop
  if (notice.action === 'withdraw') {
    for (const r of await boundCadres(tx, chain, OWNER_ROLES[notice.from] ?? [])) {
      await send(tx, r, t(r.lang, 'workflow.cadre.title_withdrawn', { caseNo: c.caseNo }), 'case_task', c.id, dedupe(r), now);
    }
    return;
  }
  for (const r of await ownersOf(tx, notice.to, c, chain)) {
    await send(tx, r, cadreTask(r.lang, notice.to, c, village, r.inRoom, notice.action === 'resubmit'), 'case_task', c.id, dedupe(r), now);
  }
}

/** A case the villager just filed in the chat was acknowledged there, with its number. */
async function filedInChat(tx: Tx, notice: TransitionNotice, c: { id: string; contactId: string | null }): Promise<boolean> {
  if (notice.action !== 'accept' || !c.contactId) return false;
  if (notice.filedByItsContact !== undefined) return notice.filedByItsContact;
  const filing = await tx.caseEvent.findFirst({ where: { caseId: c.id, type: FILING_EVENT, actorType: 'villager', actorId: c.contactId } });
  return filing !== null;
}

/**
 * A case a cadre entered (代录, server/core/cases/enter.ts) has no villager's chat: the villager's
 * words go to that cadre's WeChat (when bound), with the case and the applicant's name to say them on
 * — while that cadre may still enter applications and the case is still in their reach (inScope, as
 * their account is now: moved to another region or role, or deactivated, they hear nothing of it).
 * Otherwise to the village's cadres (none bound: the town's, then the county office's).
 */
async function tellEnteringCadre(tx: Tx, c: { id: string; caseNo: string; answers: unknown; villageId: string; verifierId: string | null } & Parameters<typeof chatNotice>[2], moved: CaseHappening, dedupe: (key: string) => string, now: Date) {
  const entered = await enteredByOf(tx, c.id);
  if (!entered) return;
  const name = (c.answers as { applicant?: { name?: string } } | null)?.applicant?.name ?? '';
  const cadre = await tx.cadre.findUnique({ where: { id: entered.cadreId }, select: { id: true, name: true, role: true, regionId: true, active: true } });
  const stillTheirs = !!cadre && cadre.active && (MAY.enterApplications as readonly string[]).includes(cadre.role) && inScope(await actorForCadre(tx, cadre), c);
  const recipients = stillTheirs ? await boundCadres(tx, [], [], [cadre.id]) : await nearestBoundCadres(tx, await regionChain(tx, c.villageId));
  for (const r of recipients) {
    const text = chatNotice(r.lang, moved, c, c.caseNo);
    if (text) await send(tx, r, t(r.lang, 'entry.notice', { caseNo: c.caseNo, name, text }), 'case_update', c.id, dedupe(`entered:${r.key}`), now);
  }
}

async function send(tx: Tx, r: Recipient, text: string, kind: 'case_task' | 'reminder' | 'handover' | 'case_update', caseId: string | undefined, dedupeKey: string, now: Date) {
  await enqueue(tx, { channel: r.channel, targetType: r.targetType, targetId: r.targetId, text, kind, ...(caseId ? { caseId } : {}), dedupeKey }, now);
}

export type HandoverNotice = { handoverId: string; contactId: string; villageId: string | null; reason: string };

/**
 * A villager asked for a person (or the bot failed to understand them): the village's cadres
 * hear of it privately, with the phone number when the household is known; the village's work
 * group without it. No village cadre bound: the town's; none either: the county office.
 */
export async function notifyHandover(tx: Tx, notice: HandoverNotice, now: Date): Promise<void> {
  const contact = await tx.contact.findUniqueOrThrow({ where: { id: notice.contactId }, include: { household: { include: { cases: { select: { caseNo: true }, orderBy: { submittedAt: 'asc' } } } } } });
  const villageId = notice.villageId ?? contact.household?.villageId ?? null;
  const chain = villageId ? await regionChain(tx, villageId) : [];
  const village = chain.find((r) => r.level === 'village');

  let recipients: Recipient[];
  if (chain.length > 0) recipients = await nearestBoundCadres(tx, chain);
  else {
    // no village known: the county office (every county cadre is at the top of any chain)
    const county = await tx.region.findFirst({ where: { level: 'county' }, select: { id: true, name: true, nameEn: true } });
    recipients = county ? await boundCadres(tx, [{ ...county, level: 'county' }], ['county']) : [];
  }
  recipients = [...recipients, ...(await boundRooms(tx, chain, 'village'))];

  const reasonKey = notice.reason === 'misunderstood' ? 'workflow.cadre.handover_reason.misunderstood' : 'workflow.cadre.handover_reason.requested';
  // only a link that acts for the household speaks for it: a contact that merely typed its ID
  // number and phone (claimed) must not be presented to the cadre as that household
  const household = actsForHousehold(contact) ? contact.household : null;
  for (const r of recipients) {
    const lines = [t(r.lang, 'workflow.cadre.handover', { name: contact.name || '?', village: regionName(r.lang, village), reason: t(r.lang, reasonKey) })];
    if (household && !r.inRoom) lines.push(t(r.lang, 'workflow.cadre.handover_phone', { phone: household.phone }));
    const cases = household?.cases.map((k) => k.caseNo) ?? [];
    if (cases.length > 0) lines.push(t(r.lang, 'workflow.cadre.handover_cases', { caseNos: cases.join(t(r.lang, 'workflow.list_separator')) }));
    await send(tx, r, lines.join('\n'), 'handover', undefined, `handover:${notice.handoverId}:${r.key}`, now);
  }
}

/**
 * A case was filed with the ID number of a registered household by someone not shown to belong
 * to it (身份待核实, filed without that household): the household's own village cadres hear of the
 * possible claim privately — never a work group — so they can ask the household. The filer's case
 * carries nothing of the household; this notice carries nothing of the filer but where and which
 * case. No village cadre bound: the town's; none either: the county office.
 */
export async function notifyIdentityClaim(tx: Tx, claim: { caseId: string; householdId: string }, now: Date): Promise<void> {
  const c = await tx.case.findUniqueOrThrow({ where: { id: claim.caseId }, select: { id: true, caseNo: true, villageId: true } });
  const household = await tx.household.findUniqueOrThrow({ where: { id: claim.householdId } });
  const chain = await regionChain(tx, household.villageId);
  const recipients = await nearestBoundCadres(tx, chain);
  const filed = await regionChain(tx, c.villageId);
  for (const r of recipients) {
    const text = t(r.lang, 'workflow.cadre.identity_claim', {
      name: household.headName,
      idLast4: household.headIdNumber.slice(-4),
      caseNo: c.caseNo,
      village: regionName(r.lang, filed.find((x) => x.level === 'village')),
      town: regionName(r.lang, filed.find((x) => x.level === 'town')),
    });
    await send(tx, r, text, 'case_task', undefined, `identity_claim:${c.id}:${r.key}`, now);
  }
}

/** The home visit has a date: the villager is told when to be at home. `visitOn` is YYYY-MM-DD (China time). */
export async function notifyVisitScheduled(tx: Tx, visit: { caseId: string; visitOn: string }, now: Date): Promise<void> {
  const c = await tx.case.findUniqueOrThrow({ where: { id: visit.caseId }, include: { contact: true } });
  if (!c.contact) {
    if (c.channel === CADRE_ENTRY_CHANNEL) await tellEnteringCadre(tx, c, visitBooked(visit.visitOn), (key) => `visit:${c.id}:${visit.visitOn}:${key}`, now);
    return;
  }
  const lang = asLang(c.contact.lang ?? c.lang);
  const booked = visitBooked(visit.visitOn);
  const text = chatNotice(lang, booked, c, c.caseNo)!;
  for (const r of await villagerTargets(tx, c)) {
    const dedupeKey = r.contactId === c.contact.id ? `visit:${c.id}:${visit.visitOn}` : `visit:${c.id}:${visit.visitOn}:${r.contactId}`;
    await enqueue(tx, { channel: r.channel, targetType: 'contact', targetId: r.targetId, text, kind: 'case_update', caseId: c.id, dedupeKey }, now);
  }
  const zh = chatNotice('zh-CN', booked, c, c.caseNo)!;
  await enqueueSubscribeUpdate(tx, c, { statusLabel: subscribeStatus(c.status), text: zh }, now, `visit:${c.id}:${visit.visitOn}`);
}
