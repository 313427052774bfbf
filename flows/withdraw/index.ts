/**
 * "撤回 FP-2026-000123" (or "撤回" with one open case): the villager withdraws their own
 * application, after confirming (flow id 'withdraw'). Several open cases and no number: a
 * numbered list. The effect withdraw_case makes the move (the server checks it is theirs).
 *
 *   { flow: 'withdraw', step: 'start' | 'pick' | 'confirm', answers: { caseNo?, resume? } }
 */
import { takeCaseRef } from '../cadre/case-ref';
import { fold } from '../cadre/fold';
import type { CustomStep, FlowDef, StepEnv, StepOutcome } from '../engine/flow';
import type { CaseSummary, Effect, SessionState } from '../engine/types';
import { statusLabel } from '../status/cases';
import { backTo, resumeOf, type Resume } from '../supplement/resume';
import { WITHDRAWABLE } from '../workflow';

export const WITHDRAW_FLOW = 'withdraw';

const WORDS = ['撤回申请', '撤销申请', '撤回', '撤销', '不要帮扶了', 'withdraw application', 'withdraw'];

/** "撤回", "撤回 FP-…": the case reference (if any) when the text asks to withdraw, else null. */
export function parseWithdraw(text: string): { caseNo: string | null; seq: number | null } | null {
  const s = fold(text).trim().replace(/[\s.,!?~。！？，]+$/u, '');
  const word = WORDS.find((w) => s.startsWith(w));
  if (!word) return null;
  const rest = text.trim().slice(word.length).trim();
  if (rest === '') return { caseNo: null, seq: null };
  const ref = takeCaseRef(rest);
  if (!ref || ref.rest !== '') return null;
  return ref.ref.kind === 'full' ? { caseNo: ref.ref.caseNo, seq: null } : { caseNo: null, seq: ref.ref.seq };
}

/** The villager's cases they may still withdraw (the workflow's 'withdraw' row); a household case seen through a claimed link is not theirs to withdraw. */
const open = (env: StepEnv): CaseSummary[] => env.ctx.myCases.filter((c) => !c.viewOnly && (WITHDRAWABLE as readonly string[]).includes(c.status));
const resumeIn = (env: StepEnv) => env.answers.resume as Resume | undefined;

/** Back where the villager was (an application in progress, or the menu). */
function leave(env: StepEnv, o: { replies?: string[]; effects?: Effect[]; prompt: boolean }): StepOutcome {
  const resume = resumeIn(env);
  if (resume) return backTo(resume, o);
  return { kind: 'switch', flow: 'menu', step: 'idle', replies: o.replies ?? [], effects: o.effects ?? [], prompt: false };
}

const start: CustomStep = {
  kind: 'custom',
  id: 'start',
  prompt: (env) => env.t('casework.withdraw.pick'),
  handle: (text, env) => {
    const asked = parseWithdraw(text);
    const cases = open(env);
    if (cases.length === 0) return leave(env, { replies: [env.t('casework.withdraw.none')], prompt: resumeIn(env) !== undefined });
    const notes: string[] = [];
    if (asked && (asked.caseNo !== null || asked.seq !== null)) {
      const found = cases.find((c) => c.caseNo === asked.caseNo || (asked.seq !== null && c.caseNo.endsWith(`-${String(asked.seq).padStart(6, '0')}`)));
      if (found) return { kind: 'answer', patch: { caseNo: found.caseNo } };
      notes.push(env.t('casework.withdraw.not_yours', { caseNo: asked.caseNo ?? String(asked.seq) }));
    }
    // one open case: that one; several: the list
    return { kind: 'answer', patch: cases.length === 1 ? { caseNo: cases[0]!.caseNo } : {}, notes };
  },
};

export const withdrawFlow: FlowDef = {
  id: WITHDRAW_FLOW,
  resumable: false,
  steps: [
    start,
    {
      kind: 'choice',
      id: 'pick',
      field: 'caseNo',
      showIf: { field: 'caseNo', absent: true },
      ask: (env) => env.t('casework.withdraw.pick'),
      options: (env) =>
        open(env).map((c) => ({
          id: c.caseNo,
          text: env.t('casework.withdraw.option', { caseNo: c.caseNo, cause: env.t(`cause.${c.cause}`), status: statusLabel(env.lang, c.status) }),
          labels: [c.caseNo, c.caseNo.slice(-6), String(Number(c.caseNo.slice(-6)))],
        })),
    },
    {
      kind: 'yesno',
      id: 'confirm',
      field: 'confirmed',
      yesWords: ['撤回', '确认撤回', '确定撤回', '确认', '确定'],
      noWords: ['不撤回', '不撤了', '不撤', '算了'],
      hint: 'understand.yesno.shi',
      ask: (env) => env.t('casework.withdraw.confirm', { caseNo: String(env.answers.caseNo) }),
      onNo: (env) => leave(env, { replies: [env.t('casework.withdraw.kept', { caseNo: String(env.answers.caseNo) })], prompt: resumeIn(env) !== undefined }),
      display: (v, env) => env.t(v ? 'common.yes' : 'common.no'),
    },
  ],
  complete: (env) => leave(env, { effects: [{ type: 'withdraw_case', caseNo: String(env.answers.caseNo) }], prompt: false }),
  cancel: (env) => leave(env, { replies: [env.t('casework.withdraw.kept_any')], prompt: resumeIn(env) !== undefined }),
};

/** The state that opens the flow at its first step, which reads the same "撤回 …" message. */
export function withdrawState(prev: SessionState | null, lang: 'zh-CN' | 'en'): SessionState {
  const resume = resumeOf(prev);
  return { flow: WITHDRAW_FLOW, step: 'start', answers: resume ? { resume } : {}, misses: 0, history: [], lang };
}
