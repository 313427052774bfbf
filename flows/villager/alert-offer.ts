/**
 * A department alert told to the household privately (server/core/alerts/offer.ts sends it and
 * records the offer on the contact's session): the gentle wording of the alert's rule and the
 * choice "回复 1 开始申请，回复 2 请村干部联系您，回复 3 不需要" — never the department's figures.
 *
 * The next message at rest is read as the answer (the engine's `offer` hook, engine/step.ts):
 *  - 1 / 申请 / 好  → the application starts for the alert's cause, with what the register knows
 *    (name, ID number, phone, village, household size; for 医保 the year's total, reimbursed and
 *    self-paid cost when the row gave the total, else the self-paid cost said once as context) each
 *    said back at its question for a yes (engine/prefill.ts) — nothing stored unconfirmed; the
 *    case filed is linked to the alert (file_case's alertId);
 *  - 2 / 请村干部联系 → recorded; the village's cadres are told;
 *  - 3 / 不需要       → recorded; the cadre closes the alert.
 * Anything else is answered as usual, after the choice is said again once. Pure: words in
 * flows/i18n/alerts.*.ts (alerts.offer.*).
 */
import { APPLY_FLOW, applyFlow } from '../application';
import { commandText } from '../engine/commands';
import type { StepEnv, StepOutcome } from '../engine/flow';
import type { AlertAnswer, AlertOffer, Lang, PendingConfirm, SessionState } from '../engine/types';
import { t } from '../i18n';
import { formatMoney } from '../i18n/format';

/** The words of each answer, as commandText leaves them (the number, the words, a plain yes for 1). */
const ANSWER_WORDS: Record<AlertAnswer, readonly string[]> = {
  apply: ['1', '１', '一', '申请', '我要申请', '开始申请', '想申请', '要申请', '申请帮扶', '好', '好的', '好啊', '行', '要', 'apply', 'yes', 'ok'],
  call_me: ['2', '２', '二', '请村干部联系', '请村干部联系我', '村干部联系我', '联系我', '打电话', '给我打电话', '找村干部', 'call me', 'call', 'contact me'],
  not_needed: ['3', '３', '三', '不需要', '不用', '不用了', '不要', '不需要了', '没困难', '没有困难', 'no', 'not needed', 'no need'],
};

/** The answer a message gives, or null. */
export function readAlertAnswer(text: string): AlertAnswer | null {
  const s = commandText(text);
  for (const [answer, words] of Object.entries(ANSWER_WORDS) as [AlertAnswer, readonly string[]][]) if (words.includes(s)) return answer;
  return null;
}

/** What the household is sent: the rule's wording and the choice. */
export function alertOfferText(lang: Lang, wordingKey: string): string {
  return `${t(lang, wordingKey)}${t(lang, 'alerts.offer.choices')}`;
}

const mask = (s: string, keepStart: number, keepEnd: number) => (s.length <= keepStart + keepEnd ? s : `${s.slice(0, keepStart)}${'*'.repeat(s.length - keepStart - keepEnd)}${s.slice(s.length - keepEnd)}`);

const fact = (step: string, patch: Record<string, unknown>, key: string, params?: Record<string, string | number>, money?: Record<string, number>): PendingConfirm => ({
  step,
  patch,
  ask: { key, ...(params ? { params } : {}), ...(money ? { money } : {}) },
});

/** What the register knows, each fact said back at its question (the ID number and phone masked as said). */
export function alertFacts(offer: AlertOffer, env: StepEnv): PendingConfirm[] {
  const k = offer.known;
  const out: PendingConfirm[] = [];
  if (k.name) out.push(fact('name', { name: k.name }, 'alerts.offer.prefill.name', { name: k.name }));
  if (k.idNumber) out.push(fact('idNumber', { idNumber: k.idNumber }, 'alerts.offer.prefill.id_number', { id: mask(k.idNumber, 6, 4) }));
  if (k.phone) out.push(fact('phone', { phone: k.phone }, 'alerts.offer.prefill.phone', { phone: mask(k.phone, 3, 4) }));
  const town = env.ctx.towns.find((x) => x.code === k.townCode);
  const village = town?.villages.find((v) => v.code === k.villageCode);
  if (town && village) {
    const name = (r: { name: string; nameEn?: string }) => (env.lang === 'en' && r.nameEn ? r.nameEn : r.name);
    out.push(fact('townCode', { townCode: town.code, villageCode: village.code }, 'alerts.offer.prefill.village', { town: name(town), village: name(village) }));
  }
  if (k.householdSize) out.push(fact('householdSize', { householdSize: k.householdSize }, 'alerts.offer.prefill.household_size', { n: k.householdSize }));
  // 医保's figures said back only as the department gave them: both the total and the self-paid
  // part give the reimbursement (total − self-paid), confirmed with a yes; a no or a correction asks
  // the cost as usual. The self-paid part alone is said as context when the application starts.
  const cost = medicalCost(offer);
  if (cost) out.push(fact('totalCostFen', { totalCostFen: cost.total, reimbursedFen: cost.reimbursed, selfPaidConfirmed: true, selfPaidFen: cost.selfPaid }, 'alerts.offer.prefill.cost', undefined, { total: cost.total, reimbursed: cost.reimbursed, selfPaid: cost.selfPaid }));
  return out;
}

/** 医保's total, reimbursed and self-paid cost, when the row gave a total and a self-paid part it can hold; else null. */
export function medicalCost(offer: AlertOffer): { total: number; reimbursed: number; selfPaid: number } | null {
  const { totalCostFen: total, selfPaidFen: selfPaid } = offer.known;
  if (offer.cause !== 'illness' || !total || !selfPaid || selfPaid > total) return null;
  return { total, reimbursed: total - selfPaid, selfPaid };
}

/** 医保's self-paid figure alone, said when the application starts: the total and the reimbursement are asked as usual. */
function selfPaidContext(offer: AlertOffer, env: StepEnv): string[] {
  const fen = offer.known.selfPaidFen;
  if (offer.cause !== 'illness' || !fen || medicalCost(offer)) return [];
  return [env.t('alerts.offer.prefill.self_paid_context', { amount: formatMoney(env.lang, fen) })];
}

/** The offer's answer as the engine applies it, or null (not an answer: handled as usual). */
export function answerAlertOffer(text: string, offer: AlertOffer, env: StepEnv): StepOutcome | null {
  const answer = readAlertAnswer(text);
  if (answer === null) return null;
  const recorded = { type: 'alert_answer' as const, alertId: offer.alertId, answer };
  if (answer === 'call_me') return { kind: 'stay', replies: [env.t('alerts.offer.call_me_done')], effects: [recorded] };
  if (answer === 'not_needed') return { kind: 'stay', replies: [env.t('alerts.offer.not_needed_done')], effects: [recorded] };
  const answers = { alertId: offer.alertId, ...(offer.cause ? { cause: offer.cause } : {}) };
  const intro = applyFlow.intro?.(env) ?? [];
  return {
    kind: 'switch',
    flow: APPLY_FLOW,
    answers,
    prefill: alertFacts(offer, { ...env, flow: applyFlow, answers, state: { ...env.state, flow: APPLY_FLOW, answers } }),
    replies: [[...intro, env.t('alerts.offer.apply_start'), ...selfPaidContext(offer, env)].join('\n')],
    intro: false,
    effects: [recorded],
  };
}

/** The whole offer, for one kept back while the household was applying: told once they are back at rest. */
export function tellAlertOffer(offer: AlertOffer, env: StepEnv): string {
  return alertOfferText(env.lang, offer.wording);
}

/** After a filing: the offer kept back during it, told behind the case number (engine/step.ts settleOffer). */
export function offerAfterFiling(state: SessionState | null | undefined): string[] {
  const offer = state?.alertOffer;
  return offer?.tellAfterFiling ? [alertOfferText(state!.lang ?? 'zh-CN', offer.wording)] : [];
}

/** The choice said again, once, before another message is answered as usual. */
export function restateAlertOffer(_offer: AlertOffer, env: StepEnv): string {
  return env.t('alerts.offer.restate');
}
