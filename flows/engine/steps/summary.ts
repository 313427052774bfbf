/**
 * The summary: every answer read back, numbered. "确认" completes the flow; "修改 电话" (or
 * "改电话", "修改 3") jumps to that question and the engine comes back here afterwards,
 * re-asking on the way anything the change made stale.
 *
 *   { kind: 'summary', id: 'summary', extra: (env) => [per-capita income, pre-check…] }
 */
import { parseInteger, parseYesNo } from '../../parse';
import { t } from '../../i18n';
import { commandText } from '../commands';
import { applies } from '../conditions';
import { hasField, type AnsweredStep, type StepEnv, type StepOutcome, type SummaryStep } from '../flow';
import { LANGS } from '../types';
import { displayAnswer } from './display';

// Filing is official: only words that clearly mean "submit it" count, not a bare "嗯" or "好".
const CONFIRM = ['确认', '确定', '提交', '确认提交', '确认无误', '没问题', '无误', '对', '对的', '是', '是的', '正确', '都对', 'confirm', 'submit', 'yes'];
const EDIT = /^(修改|更改|更正|改正|改成|改|change|edit|correct)\s*(.*)$/;

interface Line {
  step: AnsweredStep;
  text: string;
}

/** The answered, applicable steps that have a label, in flow order. */
export function summaryLines(env: StepEnv): Line[] {
  const lines: Line[] = [];
  for (const s of env.flow.steps) {
    if (!hasField(s) || !s.label || !applies(s, env.answers)) continue;
    const value = displayAnswer(s, env);
    if (value === null) continue;
    lines.push({ step: s, text: env.t('summary.line', { label: capitalise(env.t(s.label)), value }) });
  }
  return lines;
}

export function promptSummary(step: SummaryStep, env: StepEnv): string {
  const lines = summaryLines(env).map((l, i) => `${i + 1}. ${l.text}`);
  return [env.t('summary.title'), ...lines, ...(step.extra?.(env) ?? []), env.t('summary.how')].join('\n');
}

export function handleSummary(step: SummaryStep, text: string, env: StepEnv): StepOutcome {
  const s = commandText(text);
  if (CONFIRM.includes(s)) return { kind: 'complete' };
  const labels = summaryLines(env)
    .map((l) => env.t(l.step.label!))
    .join('、');
  const edit = EDIT.exec(s);
  if (edit) {
    const wanted = edit[2].trim();
    if (!wanted) return { kind: 'stay', replies: [env.t('summary.which', { labels })] };
    const target = findEditTarget(wanted, env);
    if (!target) return { kind: 'retry', hint: env.t('summary.unknown_field', { labels }) };
    return { kind: 'goto', step: target.id, returnTo: step.id };
  }
  const yn = parseYesNo(text);
  if (yn.ok && !yn.value) return { kind: 'stay', replies: [env.t('summary.which', { labels })] };
  return { kind: 'retry', hint: env.t('summary.hint') };
}

/**
 * Which question "修改 X" means: the line number, the label as shown in either language, or a
 * synonym. Exact words win over partial ones ("电话号码" contains "电话").
 */
export function findEditTarget(wanted: string, env: StepEnv): AnsweredStep | undefined {
  const lines = summaryLines(env);
  const n = parseInteger(wanted, { min: 1, max: lines.length });
  if (n.ok) return lines[n.value - 1].step;
  const w = squash(wanted);
  const candidates = env.flow.steps.filter(
    (s): s is AnsweredStep => hasField(s) && !!s.label && applies(s, env.answers),
  );
  const words = (s: AnsweredStep) => [...LANGS.map((l) => t(l, s.label!)), ...(s.editWords ?? [])].map(squash);
  const exact = candidates.find((s) => words(s).includes(w));
  if (exact) return exact;
  // The longest word found inside what was typed ("身份证号码" → 身份证), then the reverse.
  let best: { step: AnsweredStep; len: number } | undefined;
  for (const s of candidates) {
    for (const word of words(s)) {
      if (word.length >= 1 && w.includes(word) && (!best || word.length > best.len)) best = { step: s, len: word.length };
    }
  }
  if (best) return best.step;
  return w.length >= 2 ? candidates.find((s) => words(s).some((word) => word.includes(w))) : undefined;
}

/** Labels double as sentence parts in English ("send: photos of the damage"); a line starts with a capital. */
function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[\s"'“”‘’:：]/g, '');
}
