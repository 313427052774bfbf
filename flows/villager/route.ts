/**
 * Before the engine sees a villager's message: does it open a side errand? Pure — the runtime
 * calls it with the stored state and uses the state it returns.
 *
 * - "撤回 …" opens the withdraw flow from anywhere (an application in progress is kept and given back);
 * - with a case returned for documents, the supplement flow opens when the villager is not in the
 *   middle of something else and writes — a photo, "好了", a greeting, anything not a menu
 *   command — and always when they ask for it ("补材料", which keeps an application in progress).
 *   After "取消" or "菜单" in it, only a photo or "补材料"/"好了" opens it again for that case.
 */
import { commandText, detectCommand } from '../engine/commands';
import { toSimplified } from '../parse/simplified';
import { fromCantonese } from '../parse/cantonese';
import type { FlowContext, Inbound, SessionState } from '../engine/types';
import { DONE_WORDS, HANDED_IN_WORDS, SUPPLEMENT_FLOW, SUPPLEMENT_WORDS, supplementState } from '../supplement';
import { resumeOf } from '../supplement/resume';
import { parseWithdraw, WITHDRAW_FLOW, withdrawState } from '../withdraw';
import { CASE_STATUS } from '../workflow';

export function routeVillager(state: SessionState | null, inbound: Inbound, ctx: FlowContext): SessionState | null {
  const lang = state?.lang ?? ctx.lang ?? 'zh-CN';
  const text = inbound.kind === 'text' ? fromCantonese(toSimplified(inbound.text)) : null;
  const busy = state !== null && (state.flow === SUPPLEMENT_FLOW || state.flow === WITHDRAW_FLOW);

  if (text !== null && !busy && parseWithdraw(text)) return withdrawState(state, lang);
  if (busy) return state;

  // Decided before the cases are looked at where they cannot change the answer: the server reads
  // the villager's cases only for a step that reads ctx.myCases (server/chat/conversation/context.ts).
  const s = text === null ? '' : commandText(text);
  const asked = text !== null && SUPPLEMENT_WORDS.includes(s);
  const resting = state === null || state.flow === 'menu';
  if (!asked && !resting) return state; // an application (or a lookup) in progress is not disturbed
  const cmd = text === null ? null : detectCommand(text);
  const done = DONE_WORDS.includes(s) || HANDED_IN_WORDS.includes(s);
  // a command or a menu number means what it says
  const meantAsSaid = text !== null && !asked && !done && ((cmd !== null && cmd !== 'greeting') || /^\s*[0-9０-９一二三四五六七八九十]+\s*$/u.test(text));
  if (meantAsSaid) return state;

  const returned = ctx.myCases.find((c) => c.status === CASE_STATUS.returned && !c.viewOnly);
  if (!returned) return state;
  const open = () => supplementState(returned.caseNo, returned.missingItems ?? [], lang, resumeOf(state));
  if (asked || inbound.kind === 'media' || done) return open();
  // a greeting or anything else opens it, unless the villager put it off ("取消"/"菜单" in it)
  const deferred = state?.answers.deferredSupplement === returned.caseNo;
  return deferred ? state : open();
}
