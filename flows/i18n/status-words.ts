/**
 * The statuses' words (flows/workflow/words.*.ts) as i18n keys, so every reader keeps calling t():
 *
 *   status.<s>                  label     the status in lists, the mini-program, the console
 *   cadre.stage.<s>             stage     the cadres' short name
 *   cadre.next.<s>              cadreNext       the 下一步 line of a cadre's 查看
 *   cadre.next_ended.<s>        cadreNextEnded  the same once the public notice has ended
 *   workflow.step.<s>           step      the step a case waits at, in a villager's words
 *   workflow.villager.to_<s>    arrival   what the villager is told when the case arrives in <s>
 *   workflow.villager.chat.<s>  chat      what the chat adds under it
 *   workflow.cadre.need.<s>     need      what the cadres' task notice says is needed
 *   workflow.within.<s>         within    one part of the FAQ's {{limits.steps}}
 *   faq.explain.<s>.meaning     explain   "什么意思"
 *   faq.explain.<s>.next
 */
import { CASE_STATUSES, type CaseStatus } from '../workflow/statuses';
import type { StatusWords, StatusWordsTable } from '../workflow/words';

type Field = Exclude<keyof StatusWords, 'explain'> | 'step';

/** One field of every status that has it. */
function byStatus(words: StatusWordsTable, field: Field): Partial<Record<CaseStatus, string>> {
  const out: Partial<Record<CaseStatus, string>> = {};
  for (const s of CASE_STATUSES) {
    const value = (words[s] as StatusWords & { step?: string })[field];
    if (value !== undefined) out[s] = value;
  }
  return out;
}

/** The namespaces the status words go into, as a language's messages need them. */
type Base = { cadre: { next: object }; faq: { explain: object }; workflow: { villager: object; cadre: object } };

/** A language's messages with its statuses' words added under the keys above. */
export function withStatusWords<M extends Base>(m: M, words: StatusWordsTable) {
  const arrival = Object.fromEntries(CASE_STATUSES.map((s) => [`to_${s}`, words[s].arrival])) as Record<`to_${CaseStatus}`, string>;
  const explain = Object.fromEntries(CASE_STATUSES.map((s) => [s, words[s].explain])) as Record<CaseStatus, StatusWords['explain']>;
  return {
    ...m,
    status: byStatus(words, 'label') as Record<CaseStatus, string>,
    cadre: { ...m.cadre, stage: byStatus(words, 'stage') as Record<CaseStatus, string>, next: { ...m.cadre.next, ...byStatus(words, 'cadreNext') }, next_ended: byStatus(words, 'cadreNextEnded') },
    workflow: {
      ...m.workflow,
      step: byStatus(words, 'step'),
      within: byStatus(words, 'within'),
      villager: { ...m.workflow.villager, ...arrival, chat: byStatus(words, 'chat') },
      cadre: { ...m.workflow.cadre, need: byStatus(words, 'need') },
    },
    faq: { ...m.faq, explain: { ...m.faq.explain, ...explain } },
  };
}
