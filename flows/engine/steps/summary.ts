/**
 * The summary: every answer read back under a few headings (申请人 / 家庭 / 困难 / 材料), several
 * to a line, so that a whole application fits a phone screen. A yes submits. A reply naming an item
 * changes it — at once when the new value comes with it ("电话错了 改成13912345678", read by that
 * item's own question, so an approximate value is said back for a yes first), else by asking that
 * question — and the engine comes back here afterwards, re-asking on the way anything the change
 * made stale, and shows the summary again. How replies are read: summary-reply.ts.
 *
 *   { kind: 'summary', id: 'summary', groups: [{ id: 'applicant', label: 'summary.group.applicant' }, …], figures, extra }
 */
import { t } from '../../i18n';
import { applies } from '../conditions';
import { hasField, type AnsweredStep, type StepDef, type StepEnv, type StepOutcome, type SummaryStep } from '../flow';
import { LANGS } from '../types';
import { displayAnswer } from './display';
import { readSummaryReply, type EditItem } from './summary-reply';
import { itemNamedByValue } from './summary-named';
import { normalizeInput } from '../../parse';
import { stripTrailingPunctuation } from '../../parse/normalize';

/** Reads a text as the answer to a step: handleText, passed in by steps/index.ts so the imports stay one-way. */
export type ReadAt = (step: StepDef, text: string, env: StepEnv) => StepOutcome;

/**
 * A group's items go on one line until the next would take it past this width (a Chinese character
 * counts 2): about two rows of a phone's chat bubble, so a line is cut between items, never inside one.
 */
const LINE_WIDTH = 96;

interface Item {
  group: string;
  text: string;
  /** The value as displayed (a computed figure equal to an answer's is not repeated). */
  value: string;
  /** The step shown, for answers (figures have none). */
  step?: AnsweredStep;
}

/** The steps a villager may name for a change: answered or not, as long as they are asked. */
function editable(env: StepEnv): AnsweredStep[] {
  return env.flow.steps.filter((s): s is AnsweredStep => hasField(s) && !!s.label && applies(s, env.answers));
}

/** Each step's group: its own, or that of the step before it (a group starts where a step names it). */
function groupOf(step: SummaryStep, env: StepEnv): Map<string, string> {
  const known = new Set(step.groups.map((g) => g.id));
  const out = new Map<string, string>();
  let current = step.groups[0]?.id ?? '';
  for (const s of env.flow.steps) {
    if (s.group !== undefined && known.has(s.group)) current = s.group;
    out.set(s.id, current);
  }
  return out;
}

/** The answered, applicable, labelled steps and the computed figures, each with its group. */
export function summaryItems(step: SummaryStep, env: StepEnv): Item[] {
  const group = groupOf(step, env);
  const line = (label: string, value: string) => env.t('summary.line', { label: capitalise(label), value });
  const items: Item[] = [];
  for (const s of editable(env)) {
    // a consent reaches the summary only agreed to (its no leaves the flow): nothing to check, and the how line names it
    if (s.kind === 'yesno' && s.onNo) continue;
    const value = displayAnswer(s, env);
    if (value !== null) items.push({ step: s, group: group.get(s.id)!, value, text: line(env.t(s.label!), value) });
  }
  const shown = new Set(items.map((i) => i.value));
  for (const f of step.figures?.(env) ?? []) {
    if (shown.has(f.value)) continue; // each figure once: the self-paid sum is already an answer
    const at = f.after === undefined ? -1 : items.findIndex((i) => i.step?.id === f.after);
    const item = { group: f.group, value: f.value, text: line(f.label, f.value) };
    if (at >= 0) items.splice(at + 1, 0, item);
    else items.push(item);
  }
  return items;
}

export function promptSummary(step: SummaryStep, env: StepEnv): string {
  const items = summaryItems(step, env);
  const separator = env.t('summary.separator');
  const body = step.groups.flatMap((g) => {
    const texts = items.filter((i) => i.group === g.id).map((i) => i.text);
    return texts.length > 0 ? pack(env.t('summary.heading', { group: env.t(g.label) }), texts, separator) : [];
  });
  return [env.t('summary.title'), ...body, ...(step.extra?.(env) ?? []), env.t('summary.how')].join('\n');
}

/** After a digression (a policy question, "帮助", a sticker): what to reply, not the whole summary again. */
export function remindSummary(env: StepEnv): string {
  return env.t('summary.how');
}

export function handleSummary(step: SummaryStep, text: string, env: StepEnv, read: ReadAt): StepOutcome {
  const steps = editable(env);
  const items: EditItem[] = steps.map((s) => ({ id: s.id, words: [...LANGS.map((l) => t(l, s.label!)), ...(s.editWords ?? [])], yesNo: s.kind === 'yesno' }));
  const reply = readSummaryReply(text, items);
  switch (reply.kind) {
    case 'submit':
      return { kind: 'complete' };
    case 'edit': {
      const targets = reply.targets.map((id) => steps.find((s) => s.id === id)!);
      const o = edit(step, targets, reply.value, env, read);
      return o.kind === 'goto' && reply.then !== undefined ? { ...o, then: reply.then } : o;
    }
    case 'which':
      return { kind: 'stay', replies: [env.t('summary.which')] };
    case 'wait':
      return { kind: 'stay', replies: [env.t('summary.wait')] };
    case 'unknown': {
      const labels = steps.map((s) => env.t(s.label!)).join(env.t('summary.list_separator'));
      return { kind: 'retry', hint: env.t('summary.unknown_field', { wanted: reply.wanted, labels }), reprompt: false };
    }
    case 'unclear': {
      // "家里是5口人", "花了五万五 不是五万": a new value without an edit word (summary-named.ts)
      const named = itemNamedByValue(text, steps, env, read);
      if (named) return edit(step, [named], stripTrailingPunctuation(normalizeInput(text)).trim(), env, read);
      return { kind: 'retry', hint: env.t('summary.hint'), reprompt: false };
    }
  }
}

/**
 * To the item named, coming back here. With a value, the item that reads it ("村错了，是柳树村":
 * the village, not the town, though "村" names both); the engine reads it there as typed.
 */
function edit(step: SummaryStep, targets: AnsweredStep[], value: string | undefined, env: StepEnv, read: ReadAt): StepOutcome {
  const go = (s: AnsweredStep, answer?: string, clear?: string[]): StepOutcome => ({
    kind: 'goto',
    step: s.id,
    returnTo: step.id,
    ...(answer !== undefined ? { answer } : {}),
    ...(clear !== undefined && clear.length > 0 ? { clear } : {}),
  });
  // a photo cannot be typed: the documents item is opened to send more
  if (value === undefined || targets[0].kind === 'documents') return go(targets[0]);
  const reads = (s: AnsweredStep, answers: Record<string, unknown>) => {
    const o = read(s, value, { ...env, answers, state: { ...env.state, answers, step: s.id } });
    return o.kind === 'answer' || o.kind === 'confirm';
  };
  // as it stands, else with what the item clears forgotten ("村子选错了，是西河村": the town's village, in another town)
  const kept = targets.find((s) => reads(s, env.answers));
  if (kept) return go(kept, value);
  // "孩子读高三不是高二": 孩子 names the student, but the value is a grade — the one choice that reads it
  const choices = editable(env).filter((s) => s.kind === 'choice' && !targets.includes(s) && reads(s, env.answers));
  if (choices.length === 1) return go(choices[0], value);
  const cleared = (s: AnsweredStep) => ({ ...env.answers, ...Object.fromEntries((s.clears ?? []).map((f) => [f, undefined])) });
  const renewed = targets.find((s) => (s.clears ?? []).length > 0 && reads(s, cleared(s)));
  return renewed ? go(renewed, value, renewed.clears) : go(targets[0], value);
}

/**
 * A group's items after its heading, in as few lines as filling each up to LINE_WIDTH gives, cut
 * where the longest line is shortest (no item left alone on a last line: "村：东山村").
 */
function pack(heading: string, texts: string[], separator: string): string[] {
  const join = (part: string[], first: boolean) => (first ? heading : '') + part.join(separator);
  let count = 1;
  let line = [texts[0]];
  for (const text of texts.slice(1)) {
    if (width(join([...line, text], count === 1)) > LINE_WIDTH) {
      count += 1;
      line = [text];
    } else line.push(text);
  }
  // the cuts: the best split of texts[from…] into `n` lines, the first of them the heading's when from = 0
  const best = (from: number, n: number): { lines: string[]; widest: number } => {
    if (n === 1) {
      const only = join(texts.slice(from), from === 0);
      return { lines: [only], widest: width(only) };
    }
    let found = { lines: [] as string[], widest: Infinity };
    for (let cut = from + 1; cut <= texts.length - n + 1; cut++) {
      const head = join(texts.slice(from, cut), from === 0);
      const rest = best(cut, n - 1);
      const widest = Math.max(width(head), rest.widest);
      if (widest < found.widest) found = { lines: [head, ...rest.lines], widest };
    }
    return found;
  };
  return best(0, count).lines;
}

/** Display width: a Chinese character or full-width sign is two Latin letters wide. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return w;
}

/** Labels double as sentence parts in English ("send: photos of the damage"); an item starts with a capital. */
function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
