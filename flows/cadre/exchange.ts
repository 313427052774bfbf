/**
 * The guided exchanges, the part of the cadre step that asks a move's data field by field (the
 * verifier to assign, the verified figures, the assessment and the notice dates, the decision, the
 * payment; plans.ts reads which from the move's schema), shows everything once more and, on
 * "确认", asks the server to make the move. The exchange lives in the cadre's state between
 * messages; each function here returns the step's turn.
 */
import { t } from '../i18n';
import { CASE_STATUS } from '../workflow';
import type { CadreCommand } from './commands';
import { FIELDS } from './fields';
import { answerCount, FREE_TEXT, planFor, submission } from './plans';
import { idleState, type CadreState, type CadreTurn, type FieldId, type Guide, type GuideCtx, type GuideKind, type GuideOption } from './types';

const tr = (c: GuideCtx, key: string, params?: Record<string, unknown>) => t(c.lang, key, params);
const turn = (state: CadreState, replies: string[]): CadreTurn => ({ state, replies, effects: [] });
const asking = (base: CadreState, guide: Guide, reply: string): CadreTurn => turn({ ...base, step: 'guide', guide }, [reply]);

/** Fields of the plan still to ask, skipping the reason the command already gave. */
function nextField(g: Guide, after: FieldId | null): FieldId | null {
  const plan = planFor(g.kind);
  const from = after === null ? 0 : plan.indexOf(after) + 1;
  for (const f of plan.slice(from)) {
    if (f === 'reason' && g.kind === 'fast_approve' && g.note.trim() !== '') continue;
    return f;
  }
  return null;
}

/** Begins the exchange for a move on a case in status `from` (whose move it is was checked before). */
export function startExchange(base: CadreState, kind: GuideKind, start: { caseNo: string; from: string; note?: string; options?: GuideOption[] }, c: GuideCtx): CadreTurn {
  const g: Guide = { kind, caseNo: start.caseNo, from: start.from, note: start.note?.trim() ?? '', step: 'confirm', data: {}, misses: 0, photos: 0, at: c.now.toISOString(), ...(start.options ? { options: start.options } : {}) };
  g.step = nextField(g, null)!;
  return asking(base, g, [tr(c, `cadre.guide.intro.${kind}`, { caseNo: g.caseNo, n: answerCount(kind) }), ask(g, c)].join('\n'));
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
  const lines = planFor(g.kind)
    .filter((f) => f !== 'confirm' && g.data[f] !== undefined)
    .map((f) => tr(c, 'cadre.guide.line', { label: tr(c, `cadre.field.${f}.label`), value: FIELDS[f].show(g.data[f], g, c) }));
  if (g.kind === 'fast_approve' && g.data.reason === undefined && g.note) lines.unshift(tr(c, 'cadre.guide.line', { label: tr(c, 'cadre.field.reason.label'), value: g.note }));
  if (g.kind !== 'fast_approve' && g.note) lines.push(tr(c, 'cadre.guide.line', { label: tr(c, 'cadre.guide.note_label'), value: g.note }));
  if (g.photos > 0) lines.push(tr(c, 'cadre.guide.photos', { n: g.photos }));
  return lines;
}

/**
 * One answer while the exchange waits: the next question (or the same one with a hint — nothing
 * else changes), the end (declined, or the village did not agree), or, with every field answered,
 * the move — unless the case moved meanwhile (`status`: the case's status now, null if gone).
 */
export function answerExchange(base: CadreState, g0: Guide, text: string, status: string | null, c: GuideCtx): CadreTurn {
  const g: Guide = JSON.parse(JSON.stringify(g0));
  g.at = c.now.toISOString();
  const r = FIELDS[g.step].parse(text, g, c);
  if (!r.ok) {
    g.misses += 1;
    return asking(base, g, [tr(c, r.hint, r.params), ask(g, c)].join('\n'));
  }
  g.misses = 0;
  const idle = idleState(base.lang);
  if (g.step === 'confirm') {
    if (r.value !== true) return turn(idle, [tr(c, 'cadre.guide.dropped', { caseNo: g.caseNo })]);
    return submit(idle, g, status, c);
  }
  if (g.step === 'result' && r.value === 'disagreed') return turn(idle, [tr(c, 'cadre.guide.assessment_disagreed', { caseNo: g.caseNo })]);
  g.data[g.step] = r.value;
  const next = nextField(g, g.step);
  if (next === null) return submit(idle, g, status, c);
  g.step = next;
  return asking(base, g, ask(g, c));
}

/** The exchange is over whatever the outcome: the move, or why not (the case is no longer where it was). */
function submit(idle: CadreState, g: Guide, status: string | null, c: GuideCtx): CadreTurn {
  if (status !== g.from) return turn(idle, [tr(c, 'cadre.refused.changed', { caseNo: g.caseNo, stage: tr(c, `cadre.stage.${status ?? CASE_STATUS.withdrawn}`) })]);
  return { state: idle, replies: [], effects: [{ type: 'transition', caseNo: g.caseNo, ...submission(g) }] };
}

/** "帮助" during an exchange: where we are and how to leave. */
export function exchangeHelp(g: Guide, c: GuideCtx): string {
  return [tr(c, 'cadre.guide.help', { caseNo: g.caseNo, what: tr(c, `cadre.guide.what.${g.kind}`) }), ask(g, c)].join('\n');
}

/**
 * Whether a message typed while an exchange waits starts something new (and drops it) rather than
 * answering it: "待办", or a case command — with a full case number where the answer is free text.
 */
export function interruptsGuide(g: Guide, cmd: CadreCommand | null): boolean {
  if (!cmd) return false;
  if (cmd.kind === 'pending' || cmd.kind === 'stats' || cmd.kind === 'export') return true;
  if (!('ref' in cmd)) return false;
  return cmd.ref.kind === 'full' || !FREE_TEXT.includes(g.step);
}

/** An exchange untouched this long is over: a "1" typed hours later is not its answer. */
export const GUIDE_IDLE_MS = 2 * 3_600_000;

export function guideExpired(g: Guide, now: Date): boolean {
  return g.at !== undefined && now.getTime() - Date.parse(g.at) > GUIDE_IDLE_MS;
}
