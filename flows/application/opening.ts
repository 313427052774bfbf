/**
 * A first message that already says why the villager writes starts the application with it
 * (issue 10): "我要申请帮扶" / "想申请" / "申请补助" ask the cause; "我老伴住院花了三万二，想申请",
 * "我家房子被水冲了", "孙子上大学交不起学费" start that cause, and what they say besides (the
 * patient, the cost, the kind of disaster, the stage) waits to be said back at its own question.
 * The application then starts at the first question still to answer (the name). Greetings,
 * questions and unclear messages are not openings: the menu (or the policy answer) follows.
 */
import { looksLikeQuestion, readHardship } from '../parse';
import { onBehalf } from '../parse/who';
import type { StepEnv, StepOutcome } from '../engine/flow';
import { factsFor } from './facts';
import { APPLY_FLOW, applyFlow } from './index';

export function openApplication(text: string, env: StepEnv): StepOutcome | null {
  const r = readHardship(text);
  if (!r) {
    // "我是他孙子，帮他弄": whom it is for and nothing more — the menu, keeping it for an application chosen there
    const only = onBehalf(text);
    return only && !looksLikeQuestion(text) ? { kind: 'switch', flow: 'menu', step: 'main', answers: env.answers, writtenFor: only.relation !== undefined ? { relation: only.relation } : {} } : null;
  }
  // several hardships: the cause is asked, with a word on why
  if (r.several) return { kind: 'switch', flow: APPLY_FLOW, replies: [env.t('heard.cause.several')] };
  const cause = r.hardship;
  // "帮我奶奶申请", "我是他孙子": whom the application is for is kept for the session (its patient question reads it)
  const behalf = onBehalf(text);
  const writtenFor = behalf ? { writtenFor: behalf.relation !== undefined ? { relation: behalf.relation } : {} } : {};
  const intro = applyFlow.intro?.(env) ?? [];
  // "咋申请": what the application asks, in one line, before its first question
  const how = r.how ? [env.t('heard.opening.how')] : [];
  if (!cause) {
    if (!r.applying) return null;
    return how.length > 0
      ? { kind: 'switch', flow: APPLY_FLOW, replies: [[...intro, ...how].join('\n')], intro: false, ...writtenFor }
      : { kind: 'switch', flow: APPLY_FLOW, ...writtenFor };
  }
  const answers = { cause };
  const facts = factsFor(cause, text, { ...env, flow: applyFlow, answers, state: { ...env.state, flow: APPLY_FLOW, answers } });
  // the application's intro and what was understood, in one message
  return {
    kind: 'switch',
    flow: APPLY_FLOW,
    answers,
    prefill: facts,
    replies: [[...intro, ...how, env.t('heard.opening.cause', { cause: env.t(`cause.${cause}`) })].join('\n')],
    intro: false,
    ...writtenFor,
  };
}
