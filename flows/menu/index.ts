/**
 * The main menu (flow id 'menu'): 1 申请帮扶 / 2 查询进度 / 3 政策咨询 / 4 联系村干部.
 * Step 'main' waits for a choice (a wrong answer is a miss, with a hint); step 'idle' is where
 * a finished conversation rests — anything not understood there just shows the menu again.
 */
import { parseChoice } from '../parse';
import { detectCommand } from '../engine/commands';
import type { ChoiceOption, CustomStep, FlowDef, StepEnv, StepOutcome } from '../engine/flow';
import { handoverEffect } from '../engine/handover';
import { policyTopics } from '../faq';
import { policyText } from '../policy';
import { startStatus } from '../status';
import { openApplication } from '../application/opening';

export const MENU_FLOW = 'menu';

function options(env: StepEnv): ChoiceOption[] {
  return [
    { id: 'apply', text: env.t('menu.apply'), labels: ['申请帮扶', '我要申请帮扶', '申请救助', 'apply', 'apply for help'] },
    { id: 'status', text: env.t('menu.status'), labels: ['查询进度', '查询', '进度', '查进度', 'status', 'progress', 'check progress'] },
    { id: 'policy', text: env.t('menu.policy'), labels: ['政策咨询', '政策', '咨询', '政策问题', 'policy', 'policies'] },
    { id: 'cadre', text: env.t('menu.cadre'), labels: ['联系村干部', '村干部', '找村干部', 'contact a cadre', 'cadre'] },
  ];
}

export function menuPrompt(env: StepEnv): string {
  const list = options(env).map((o, i) => `${i + 1}. ${o.text}`);
  return [env.t('menu.prompt'), ...list, env.t('engine.choose_number', { max: list.length })].join('\n');
}

function handle(text: string, env: StepEnv, idle: boolean): StepOutcome {
  const cmd = detectCommand(text);
  if (cmd === 'greeting') return { kind: 'stay', replies: [env.t('menu.welcome_back')], reprompt: true };
  // "我要查一下我的申请", "我的申请怎么样了": how it stands is asked, no new application (engine/commands.ts)
  if (cmd === 'status') return startStatus(env);
  // "我要申请帮扶", "我老伴住院花了三万二，想申请": the application starts with what is said
  const opened = openApplication(text, env);
  if (opened) return opened;
  if (cmd === 'menu') return { kind: 'switch', flow: MENU_FLOW, step: 'main', answers: env.answers };
  const r = parseChoice(text, options(env).map((o) => ({ id: o.id, labels: [o.text, ...o.labels] })));
  if (!r.ok) {
    if (idle) return { kind: 'switch', flow: MENU_FLOW, step: 'main', answers: env.answers };
    return { kind: 'retry', hint: env.t(r.reason === 'choice_out_of_range' ? 'parse.choice_out_of_range' : 'menu.hint', { max: 4 }) };
  }
  switch (r.value) {
    case 'apply':
      // whom the first message said the application is for (application/opening.ts) goes with it
      return { kind: 'switch', flow: 'apply', ...(env.state.writtenFor ? { writtenFor: env.state.writtenFor } : {}) };
    case 'status':
      return startStatus(env);
    case 'policy': {
      // the county's knowledge when there is some: its topics, to pick by number or to ask in words
      const topics = policyTopics(env);
      if (topics) {
        const effects = topics.offer ? [{ type: 'faq_offer' as const, offer: topics.offer }] : [];
        return { kind: 'switch', flow: MENU_FLOW, step: 'idle', answers: env.answers, replies: topics.replies, effects, prompt: false };
      }
      return { kind: 'switch', flow: MENU_FLOW, step: 'idle', answers: env.answers, replies: [policyText(env)], prompt: false };
    }
    default:
      return {
        kind: 'switch',
        flow: MENU_FLOW,
        step: 'idle',
        answers: env.answers,
        replies: [env.t('handover.done')],
        effects: [handoverEffect(env, 'requested')],
        prompt: false,
      };
  }
}

/** What the menu reads as a choice (anything else may be a question, see engine/step.ts). */
function understands(text: string, env: StepEnv): boolean {
  const cmd = detectCommand(text);
  return cmd === 'greeting' || cmd === 'menu' || cmd === 'status' || openApplication(text, env) !== null || parseChoice(text, options(env).map((o) => ({ id: o.id, labels: [o.text, ...o.labels] }))).ok;
}

const mainStep: CustomStep = {
  kind: 'custom',
  id: 'main',
  help: 'help.menu',
  prompt: menuPrompt,
  handle: (text, env) => handle(text, env, false),
  understands,
};

const idleStep: CustomStep = {
  kind: 'custom',
  id: 'idle',
  help: 'help.menu',
  prompt: menuPrompt,
  handle: (text, env) => handle(text, env, true),
  understands,
};

export const menuFlow: FlowDef = {
  id: MENU_FLOW,
  resumable: false,
  steps: [mainStep, idleStep],
  complete: () => ({ kind: 'stay', replies: [] }),
  // Nothing in progress: "取消" just shows the menu.
  cancel: (env) => ({ kind: 'switch', flow: MENU_FLOW, step: 'main', answers: env.answers, replies: [env.t('menu.nothing_to_cancel')] }),
};
