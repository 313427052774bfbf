/** Dispatch from a step's kind to the file that handles it. */
import { envWith } from '../env';
import type { DocumentsStep, StepDef, StepEnv, StepOutcome } from '../flow';
import { foldedAsk, readFolded } from '../fold';
import { selfCorrected } from '../../parse/correction';
import { withoutLeadingFillers } from '../../parse/fillers';
import { handleChoice, promptChoice } from './choice';
import { handleDocuments, promptDocuments } from './documents';
import { handleQuestion, promptQuestion } from './question';
import { handleSummary, promptSummary, remindSummary } from './summary';
import { handleYesNo, promptYesNo } from './yesno';

export { acceptUpload } from './documents';
export { displayAnswer } from './display';

export function promptFor(step: StepDef, env: StepEnv): string {
  switch (step.kind) {
    case 'question':
      return promptQuestion(step, env, foldedAsk(step, env));
    case 'choice':
      return promptChoice(step, env, foldedAsk(step, env));
    case 'yesno':
      return promptYesNo(step, env);
    case 'documents':
      return promptDocuments(step, env);
    case 'summary':
      return promptSummary(step, env);
    case 'custom':
      return step.prompt(env);
    case 'notice':
      return step.text(env).join('\n');
  }
}

/** The question again after a digression (an FAQ answer, "帮助", a sticker): the summary's is one line. */
export function remindFor(step: StepDef, env: StepEnv): string {
  return step.kind === 'summary' ? remindSummary(env) : promptFor(step, env);
}

/** A text as the answer to a step: both halves of a folded question (fold.ts), or the step's own reading. */
export function handleText(step: StepDef, text: string, env: StepEnv): StepOutcome {
  const said = answerOf(step, text);
  return readFolded(step, said, env, readOne) ?? readOne(step, said, env);
}

/**
 * What a typed answer says: thinking words before it off ("嗯，不是" — not a yes and a no); for a
 * value, what it says after taking part of itself back ("王晓明 不对 王小明": never the part taken back).
 */
function answerOf(step: StepDef, text: string): string {
  if (step.kind !== 'question' && step.kind !== 'choice' && step.kind !== 'yesno' && step.kind !== 'summary') return text;
  const said = withoutLeadingFillers(text);
  if (step.kind !== 'question' && step.kind !== 'choice') return said;
  return selfCorrected(said)?.text ?? said;
}

/** The step's own reading, with what the text says beyond it for later steps (`more`, said back there). */
function readOne(step: StepDef, text: string, env: StepEnv): StepOutcome {
  const o = byKind(step, text, env);
  if (!step.more || !(o.kind === 'answer' || o.kind === 'confirm' || (o.kind === 'stay' && o.patch))) return o;
  const more = step.more(text, envWith(env, o.patch ?? {}));
  return more.length > 0 ? { ...o, prefill: [...(o.prefill ?? []), ...more] } : o;
}

function byKind(step: StepDef, text: string, env: StepEnv): StepOutcome {
  switch (step.kind) {
    case 'question':
      return handleQuestion(step, text, env);
    case 'choice':
      return handleChoice(step, text, env);
    case 'yesno':
      return handleYesNo(step, text, env);
    case 'documents':
      return handleDocuments(step, text, env);
    case 'summary':
      return handleSummary(step, text, env, handleText);
    case 'custom':
      return step.handle(text, env);
    case 'notice':
      // Never current: the engine passes through notices.
      return { kind: 'stay', replies: [] };
  }
}

/** "帮助" at this step: what kind of answer is expected, in general words. */
export function helpKey(step: StepDef): string {
  if (step.help) return step.help;
  switch (step.kind) {
    case 'question':
      return 'help.question';
    case 'choice':
      return 'help.choice';
    case 'yesno':
      return 'help.yesno';
    case 'documents':
      return 'help.documents';
    case 'summary':
      return 'help.summary';
    default:
      return 'help.general';
  }
}

export function isDocuments(step: StepDef): step is DocumentsStep {
  return step.kind === 'documents';
}
