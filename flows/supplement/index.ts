/**
 * Supplying what a cadre asked for (flow id 'supplement'). A case returned for documents waits
 * for the villager: photos they send go to THAT case (effect attach_supplement, kind
 * 'supplement'), "好了" sends it back to the step that returned it (effect resubmit_case), and
 * "已交" does the same when the papers were handed in at the village office.
 *
 *   { flow: 'supplement', step: 'collect', answers: { caseNo, items, sent, resume? } }
 *
 * The runtime enters it (see route.ts) when the villager writes and has a returned case — never
 * in the middle of an application, whose place is kept under `resume` when the villager asks for
 * it themselves ("补材料") and given back afterwards.
 */
import { commandText, detectCommand } from '../engine/commands';
import type { CustomStep, FlowDef, StepEnv, StepOutcome } from '../engine/flow';
import { formatCaseList, statusLabel } from '../status/cases';
import { ruleById } from '../workflow';
import { backTo, type Resume } from './resume';

export const SUPPLEMENT_FLOW = 'supplement';

/**
 * Whether a case in `status` waits for the villager's papers: returned for documents — the
 * statuses "好了" (the resubmit move) leaves from. Only then does a supplement reach it, in the
 * chat and in the mini-program alike (server/core/cases/supplement.ts).
 */
export function waitsForPapers(status: string): boolean {
  return (ruleById('resubmit').from as readonly string[]).includes(status);
}

export const DONE_WORDS = ['好了', '补好了', '补齐了', '补完了', '发完了', '发好了', '都发了', '好', '好的', '完成', '完了', '齐了', '就这些', 'done', 'finished', 'ok', "that's all"];
export const HANDED_IN_WORDS = ['已交', '交了', '已经交了', '交到村里了', '已交到村委会', '交给村干部了', '送到村里了', 'handed in', 'already handed in'];
/** Words that open this flow from anywhere ("补材料"). */
export const SUPPLEMENT_WORDS = ['补材料', '补充材料', '补交材料', '补资料', '我要补材料', '补', 'supplement', 'send documents', 'documents'];

export type SupplementAnswers = { caseNo: string; items: string[]; sent: number; resume?: Resume };

const answers = (env: StepEnv) => env.answers as unknown as SupplementAnswers;

function prompt(env: StepEnv): string {
  const a = answers(env);
  const lines = [env.t('casework.supplement.ask', { caseNo: a.caseNo, items: a.items.length ? a.items.join(env.t('casework.list_separator')) : env.t('casework.supplement.items_unknown') })];
  if (a.sent > 0) lines.push(env.t('casework.supplement.so_far', { n: a.sent }));
  lines.push(env.t('casework.supplement.how'));
  return lines.join('\n');
}

function handle(text: string, env: StepEnv): StepOutcome {
  const a = answers(env);
  const s = commandText(text);
  if (DONE_WORDS.includes(s)) {
    if (a.sent === 0) return { kind: 'stay', replies: [env.t('casework.supplement.none_yet', { caseNo: a.caseNo, items: a.items.join(env.t('casework.list_separator')) })] };
    return { kind: 'complete' };
  }
  if (HANDED_IN_WORDS.includes(s)) return { kind: 'complete' };
  const cmd = detectCommand(text);
  if (cmd === 'greeting' || SUPPLEMENT_WORDS.includes(s)) return { kind: 'stay', replies: [], reprompt: true };
  if (cmd === 'status') {
    // the list, then back where the villager was; the photos can still come later
    return leave(env, [formatCaseList(env.lang, env.ctx.myCases), env.t('casework.supplement.later')]);
  }
  if (cmd === 'menu') return leave(env, [env.t('casework.supplement.later')], true);
  return { kind: 'retry', hint: env.t('casework.supplement.hint') };
}

/** Out of the flow without resubmitting: back to the interrupted application, or the menu. */
function leave(env: StepEnv, replies: string[], showMenu = false): StepOutcome {
  const a = answers(env);
  if (a.resume) return backTo(a.resume, { replies, prompt: true });
  return { kind: 'switch', flow: 'menu', step: showMenu ? 'main' : 'idle', answers: { deferredSupplement: a.caseNo }, replies, prompt: showMenu };
}

const collect: CustomStep = {
  kind: 'custom',
  id: 'collect',
  help: 'casework.supplement.help',
  prompt,
  handle,
};

export const supplementFlow: FlowDef = {
  id: SUPPLEMENT_FLOW,
  // not resumable: greetings, "查询" and "菜单" reach the step, which answers them itself
  resumable: false,
  steps: [collect],
  onMedia: (m, env) => {
    const a = answers(env);
    // resubmitted or withdrawn meanwhile (in the mini-program): the photo has no case to go to
    const c = env.ctx.myCases.find((x) => x.caseNo === a.caseNo);
    if (!c || c.viewOnly || !waitsForPapers(c.status)) return leave(env, [env.t('casework.supplement.refused', { caseNo: a.caseNo, status: c ? statusLabel(env.lang, c.status) : '—' })]);
    const sent = a.sent + 1;
    const said = m.mediaType === 'video' ? env.t('casework.supplement.received_video', { caseNo: a.caseNo }) : env.t('casework.supplement.received', { caseNo: a.caseNo, n: sent });
    return { kind: 'stay', patch: { sent }, effects: [{ type: 'attach_supplement', caseNo: a.caseNo, upload: m.upload }], replies: [[said, env.t('casework.supplement.more_or_done')].join('\n')] };
  },
  complete: (env) => {
    const a = answers(env);
    const effects = [{ type: 'resubmit_case' as const, caseNo: a.caseNo }];
    if (a.resume) return backTo(a.resume, { effects, prompt: false });
    return { kind: 'switch', flow: 'menu', step: 'idle', effects, prompt: false };
  },
  cancel: (env) => leave(env, [env.t('casework.supplement.later')]),
};

/** The state that opens the flow for a returned case. */
export function supplementState(caseNo: string, items: string[], lang: 'zh-CN' | 'en', resume?: Resume) {
  const a: SupplementAnswers = { caseNo, items, sent: 0, ...(resume ? { resume } : {}) };
  return { flow: SUPPLEMENT_FLOW, step: 'collect', answers: a as unknown as Record<string, unknown>, misses: 0, history: [], lang };
}
