/**
 * Guided exchanges: when a move needs data (the verifier to assign, the verified figures, the
 * assessment and the notice dates, the decision, the payment), the bot asks for it field by field,
 * shows everything once more and submits on "确认". A small pure state machine: (guide, text) →
 * the next question, or the move to make, or the end. The server stores the guide in the cadre's
 * session and makes the move through performTransition.
 */
import { t } from '../i18n';
import { FIELDS } from './fields';
import type { CadreCommand } from './commands';
import { requiredFields, ruleById, TRANSITIONS } from '../workflow';
import { GUIDE_KINDS, type FieldId, type Guide, type GuideCtx, type GuideKind, type GuideOption, type GuideSubmit } from './types';

/** The moves whose exchanges end on a summary and "确认" (a reason or a list said once is its own confirmation). */
const CONFIRMED: readonly GuideKind[] = ['assign_verifier', 'verification', 'assessment', 'decision', 'payment', 'fast_approve'];

/**
 * The fields each exchange asks, in order: the reason when the move needs a note, then the
 * required fields of the move's schema (flows/workflow), then "确认".
 */
export const PLANS: Record<GuideKind, FieldId[]> = Object.fromEntries(
  GUIDE_KINDS.map((kind) => {
    const rule = ruleById(kind);
    const fields = [...(rule.noteRequired ? ['reason'] : []), ...requiredFields(rule), ...(CONFIRMED.includes(kind) ? ['confirm'] : [])];
    return [kind, fields as FieldId[]];
  }),
) as Record<GuideKind, FieldId[]>;

/** Which exchange "通过" starts from each status: the approving move, when it asks for data (else it approves at once). */
export const APPROVE_GUIDE: Partial<Record<string, GuideKind>> = Object.fromEntries(
  TRANSITIONS.filter((r) => r.action === 'approve' && (GUIDE_KINDS as readonly string[]).includes(r.id)).flatMap((r) => r.from.map((s) => [s, r.id as GuideKind])),
);

export type GuideTurn =
  /** Ask the next question (or the same one again, with a hint). */
  | { kind: 'ask'; guide: Guide; replies: string[] }
  /** Everything is there: make this move; the exchange is over whatever the outcome. */
  | { kind: 'submit'; guide: Guide; submit: GuideSubmit }
  /** Given up (取消, or the village did not agree): say this, back to idle. */
  | { kind: 'end'; replies: string[] };

const tr = (c: GuideCtx, key: string, params?: Record<string, unknown>) => t(c.lang, key, params);

/** Fields of the plan still to ask, skipping those the command already gave. */
function nextField(g: Guide, after: FieldId | null): FieldId | null {
  const plan = PLANS[g.kind];
  const from = after === null ? 0 : plan.indexOf(after) + 1;
  for (const f of plan.slice(from)) {
    if (f === 'reason' && g.kind === 'fast_approve' && g.note.trim() !== '') continue;
    return f;
  }
  return null;
}

export function startGuide(
  kind: GuideKind,
  start: { caseNo: string; from: string; note?: string; options?: GuideOption[] },
  c: GuideCtx,
): GuideTurn {
  const g: Guide = { kind, caseNo: start.caseNo, from: start.from, note: start.note?.trim() ?? '', step: 'confirm', data: {}, misses: 0, photos: 0, at: c.now.toISOString(), ...(start.options ? { options: start.options } : {}) };
  const first = nextField(g, null)!;
  g.step = first;
  return { kind: 'ask', guide: g, replies: [[tr(c, `cadre.guide.intro.${kind}`, { caseNo: g.caseNo }), ask(g, c)].join('\n')] };
}

function ask(g: Guide, c: GuideCtx): string {
  if (g.step === 'confirm') return [tr(c, 'cadre.guide.check', { caseNo: g.caseNo, what: tr(c, `cadre.guide.what.${g.kind}`) }), ...summaryLines(g, c), FIELDS.confirm.ask(g, c)].join('\n');
  return FIELDS[g.step].ask(g, c);
}

/** The question being asked now (after a photo, after "帮助"). */
export function currentQuestion(g: Guide, c: GuideCtx): string {
  return ask(g, c);
}

function summaryLines(g: Guide, c: GuideCtx): string[] {
  const lines = PLANS[g.kind]
    .filter((f) => f !== 'confirm' && g.data[f] !== undefined)
    .map((f) => tr(c, 'cadre.guide.line', { label: tr(c, `cadre.field.${f}.label`), value: FIELDS[f].show(g.data[f], g, c) }));
  if (g.kind === 'fast_approve' && g.data.reason === undefined && g.note) lines.unshift(tr(c, 'cadre.guide.line', { label: tr(c, 'cadre.field.reason.label'), value: g.note }));
  if (g.kind !== 'fast_approve' && g.note) lines.push(tr(c, 'cadre.guide.line', { label: tr(c, 'cadre.guide.note_label'), value: g.note }));
  if (g.photos > 0) lines.push(tr(c, 'cadre.guide.photos', { n: g.photos }));
  return lines;
}

/** One answer from the cadre while a guide waits. */
export function answerGuide(g0: Guide, text: string, c: GuideCtx): GuideTurn {
  const g: Guide = JSON.parse(JSON.stringify(g0));
  g.at = c.now.toISOString();
  const field = FIELDS[g.step];
  const r = field.parse(text, g, c);
  if (!r.ok) {
    g.misses += 1;
    return { kind: 'ask', guide: g, replies: [[tr(c, r.hint, r.params), ask(g, c)].join('\n')] };
  }
  g.misses = 0;
  if (g.step === 'confirm') {
    if (r.value !== true) return { kind: 'end', replies: [tr(c, 'cadre.guide.dropped', { caseNo: g.caseNo })] };
    return { kind: 'submit', guide: g, submit: submission(g) };
  }
  if (g.step === 'result' && r.value === 'disagreed') {
    return { kind: 'end', replies: [tr(c, 'cadre.guide.assessment_disagreed', { caseNo: g.caseNo })] };
  }
  g.data[g.step] = r.value;
  const next = nextField(g, g.step);
  if (next === null) return { kind: 'submit', guide: g, submit: submission(g) };
  g.step = next;
  return { kind: 'ask', guide: g, replies: [ask(g, c)] };
}

/** The move, as performTransition takes it: the plan's answers are its data, the reason its note. */
export function submission(g: Guide): GuideSubmit {
  const rule = ruleById(g.kind);
  const data = Object.fromEntries(PLANS[g.kind].filter((f) => f !== 'reason' && f !== 'confirm').map((f) => [f, g.data[f]]));
  return { action: rule.action, note: rule.noteRequired ? String(g.data.reason ?? g.note) : g.note, data };
}

/** "帮助" during an exchange: where we are and how to leave. */
export function guideHelp(g: Guide, c: GuideCtx): string {
  return [tr(c, 'cadre.guide.help', { caseNo: g.caseNo, what: tr(c, `cadre.guide.what.${g.kind}`) }), ask(g, c)].join('\n');
}

/** Fields answered in free text, where a short case number may just be part of what is said. */
const FREE_TEXT: readonly FieldId[] = ['reason', 'items', 'paymentRef'];

/**
 * Whether a message typed while a guide waits starts something new (and drops the guide) rather
 * than answering it: "待办", or a case command — with a full case number where the answer is free text.
 */
export function interruptsGuide(g: Guide, cmd: CadreCommand | null): boolean {
  if (!cmd) return false;
  if (cmd.kind === 'pending') return true;
  if (!('ref' in cmd)) return false;
  return cmd.ref.kind === 'full' || !FREE_TEXT.includes(g.step);
}

/** An exchange untouched this long is over: a "1" typed hours later is not its answer. */
export const GUIDE_IDLE_MS = 2 * 3_600_000;

export function guideExpired(g: Guide, now: Date): boolean {
  return g.at !== undefined && now.getTime() - Date.parse(g.at) > GUIDE_IDLE_MS;
}
