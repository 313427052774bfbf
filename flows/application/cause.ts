/**
 * First question: which hardship — 因病, 因灾 or 因学. It decides the rest of the questions.
 * Answered in a sentence ("我老伴住院花了三万二"), the hardship is the answer and what the sentence
 * says besides is said back at its own question (facts.ts).
 */
import { readHardship } from '../parse';
import { envWith } from '../engine/env';
import type { ChoiceStep } from '../engine/flow';
import type { Cause } from '../engine/types';
import { factsFor } from './facts';

export const causeStep: ChoiceStep = {
  kind: 'choice',
  id: 'cause',
  field: 'cause',
  label: 'apply.cause.label',
  group: 'hardship',
  editWords: ['原因', '类型', '困难', '困难类型', 'cause', 'reason', 'type'],
  ask: (env) => env.t('apply.cause.ask'),
  options: (env) => [
    { id: 'illness', text: env.t('apply.cause.option_illness'), display: env.t('cause.illness'), labels: ['因病', '生病', '看病', '病', 'illness', 'sick'] },
    { id: 'disaster', text: env.t('apply.cause.option_disaster'), display: env.t('cause.disaster'), labels: ['因灾', '受灾', '灾', 'disaster'] },
    { id: 'education', text: env.t('apply.cause.option_education'), display: env.t('cause.education'), labels: ['因学', '上学', '读书', '学', 'school', 'education'] },
  ],
  read: (text, env) => {
    const heard = readHardship(text);
    if (heard?.several) return { kind: 'stay', replies: [env.t('heard.cause.several')], reprompt: true };
    const hardship = heard?.hardship;
    // a sentence about one hardship; a number or a word of the list is read by the list
    if (!hardship || /^\s*[0-9０-９]/u.test(text)) return null;
    const patch = { cause: hardship as Cause };
    return { kind: 'answer', patch, prefill: factsFor(hardship, text, envWith(env, patch)) };
  },
};
