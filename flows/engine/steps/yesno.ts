/**
 * A yes/no question ("是不是脱贫户？", consent, "自己付了约18,000元，对吗？").
 *
 *   { kind: 'yesno', id: 'consentIncome', field: 'consentIncome', yesWords: ['同意'], noWords: ['不同意'], hint: 'consent.hint', onNo }
 *
 * The step's own words and marks come first (flows/parse/yes-no.ts); the hint is the step's,
 * naming the words its question used. A step confirming a figure also takes the figure itself.
 */
import { hasFigureWords, hedgedYesNo, leadingYesNo, looksLikeQuestion, normalizeInput, parseYesNo, readDifference } from '../../parse';

/** A figure and nothing else ("2万", "20000元"). */
const BARE_FIGURE = /^[\s0-9零〇一二两三四五六七八九十百千万.,元块钱]+$/u;
/** A reply saying there was more than the figure said back ("不止", "还有…花了五千", "另外又花了两千"): what follows is added. */
const MORE_THAN = /^(?:不止|不只|不光|不仅|还不止|哪止|何止|远不止)|^(?:不对|不是)?[\s,，]*(?:还有|还(?!是)|另外|另|又)(?:[^0-9零〇一二两三四五六七八九十百千万]*)[0-9零〇一二两三四五六七八九十百千万]/u;
import { checkLimits } from '../conditions';
import type { QuestionStep, StepEnv, StepOutcome, YesNoStep } from '../flow';

export function promptYesNo(step: YesNoStep, env: StepEnv): string {
  return step.ask(env);
}

export function handleYesNo(step: YesNoStep, text: string, env: StepEnv): StepOutcome {
  const figure = step.figure ? figureAnswer(step, step.figure.field, text, env) : null;
  if (figure) return figure;
  const words = { yes: step.yesWords, no: step.noWords, yesMarks: step.yesMarks, noMarks: step.noMarks };
  // "去年评上的低保": about another scheme, not this question's
  const said = normalizeInput(text);
  if (step.otherThan && step.otherThan.words.some((w) => said.includes(w)) && !step.otherThan.unless.some((w) => said.includes(w))) {
    return { kind: 'retry', hint: env.t(step.otherThan.hint) };
  }
  const r = parseYesNo(text, words);
  // "为啥要查存款": why the question is asked — its help says why, then it is asked again
  if (!r.ok && step.help && step.askedAbout?.some((w) => said.includes(w)) && looksLikeQuestion(said)) {
    return { kind: 'retry', hint: env.t(step.help) };
  }
  if (!r.ok) {
    // "应该是吧", "好像不是": the answer after the hedge, said back for a yes (never a consent refused this way)
    const hedged = hedgedYesNo(text, words);
    if (hedged === undefined || (!hedged && step.onNo)) return { kind: 'retry', hint: env.t(step.hint) };
    // a figure said back and doubted ("好像多了点"): the no only asks for the figure — nothing to say back
    if (!hedged && step.figure) return { kind: 'answer', patch: { [step.field]: false, ...step.derive?.(false, env) } };
    const answer = step.display(hedged, env);
    return {
      kind: 'confirm',
      patch: { [step.field]: hedged, ...step.derive?.(hedged, env) },
      ask: { key: 'understand.yesno.hedged', params: { label: step.label ? env.t(step.label) : '', answer } },
    };
  }
  if (!r.value && step.onNo) return step.onNo(env);
  return { kind: 'answer', patch: { [step.field]: r.value, ...step.derive?.(r.value, env) } };
}

/**
 * A figure typed instead of yes/no where the question confirms one: the same figure is a yes
 * ("18000"), another one a no that answers the figure's own question ("不对，自己掏了两万");
 * null when the reply holds no figure.
 */
function figureAnswer(step: YesNoStep, field: string, text: string, env: StepEnv): StepOutcome | null {
  const asking = env.flow.steps.find((s): s is QuestionStep => s.kind === 'question' && s.field === field);
  const lead = leadingYesNo(text);
  const said = lead ? lead.rest : text;
  if (!asking || !hasFigureWords(said)) return null;
  // "再加五千": the figure the question said, moved, said back for a yes
  const diff = readDifference(said);
  const computed = step.derive?.(true, env)[field];
  if (diff !== null) {
    const fen = typeof computed === 'number' ? computed + diff : 0;
    if (fen <= 0 || checkLimits(asking, fen, env)) return null;
    return { kind: 'confirm', patch: { [step.field]: false, [field]: fen }, ask: { key: 'understand.amount.estimate', money: { amount: fen } } };
  }
  const parsed = asking.parse(said, env);
  // "不止，还买了药花了五千": more than the figure said back — the figure is added to it, never put in its place
  if (typeof computed === 'number' && MORE_THAN.test(normalizeInput(text).trim()) && (parsed.ok || !('hint' in parsed))) {
    const added = parsed.ok ? parsed.value : null;
    if (typeof added !== 'number' || added <= 0) return null; // not read exactly: a no, and the figure is asked
    const fen = computed + added;
    if (checkLimits(asking, fen, env)) return null;
    return { kind: 'confirm', patch: { [step.field]: false, [field]: fen }, ask: { key: 'understand.amount.summed', money: { amount: fen, amounts: [computed, added] } } };
  }
  if (!parsed.ok && 'hint' in parsed) return parsed.understood ? { kind: 'retry', hint: env.t(parsed.hint, parsed.params), understood: true } : null;
  const checked = checkLimits(asking, parsed.value, env);
  if (checked) return { kind: 'retry', hint: env.t(checked.hint, checked.params), understood: true };
  if (parsed.ok && parsed.value === computed) {
    // "18000" is a yes; "不是18000" a plain no (the figure is then asked)
    return lead?.answer === false ? null : { kind: 'answer', patch: { [step.field]: true, ...step.derive?.(true, env) } };
  }
  const patch = { [step.field]: false, [field]: parsed.value };
  if (!parsed.ok) return { kind: 'confirm', patch, ask: parsed.confirm };
  // a bare figure, without "不对" or whose it is, equal to an answer it was computed from ("2万" — the
  // reimbursement sent again?), to the question as asked (not an edit from the summary): said back
  const another = (step.uses ?? []).some((f) => env.answers[f] === parsed.value);
  if (!lead && another && !env.state.returnTo && BARE_FIGURE.test(normalizeInput(said))) return { kind: 'confirm', patch, ask: { key: 'understand.amount.figure', money: { amount: parsed.value as number } } };
  return { kind: 'answer', patch };
}
