/**
 * flows/: what the chatbot asks and says, as pure data and functions. The server imports
 * `step` and `describeOutcome`, persists the state, executes the effects, sends the replies.
 */
import { applyFlow } from './application';
import { applicationOutcomes } from './application/outcome';
import { describeWith } from './engine/describe';
import { createEngine, createReminder, type EngineConfig } from './engine/step';
import type { DescribeOutcome, SessionState, StepFunction } from './engine/types';
import { faqInterceptor } from './faq/interceptor';
import { openApplication } from './application/opening';
import { menuFlow } from './menu';
import { statusFlow } from './status';
import { identityOutcomes } from './status/outcome';
import { supplementFlow } from './supplement';
import { describeCasework } from './villager/describe';
import { answerAlertOffer, offerAfterFiling, restateAlertOffer, tellAlertOffer } from './villager/alert-offer';
import { withdrawFlow } from './withdraw';

export * from './engine/types';
export { t, hasKey, resources, formatMoney, formatDate, shanghaiDate } from './i18n';
export {
  ApplicationDataSchema,
  ApplicantSchema,
  IllnessDetailsSchema,
  DisasterDetailsSchema,
  EducationDetailsSchema,
  CHECKLIST,
  DISASTER_KINDS,
  STAGES,
} from './application';
export { statusLabel, formatCaseList } from './status/cases';
export { routeVillager } from './villager/route';
export { alertOfferText } from './villager/alert-offer';
export type { Knowledge, FaqEntryView, ArticleView, FaqOfferState, LimitView } from './faq/types';

/** The flows the engine knows; a session's `flow` is one of these ids. */
export const FLOWS = { menu: menuFlow, apply: applyFlow, status: statusFlow, supplement: supplementFlow, withdraw: withdrawFlow };

/** The flows, where one starts, and what is consulted besides the current step. */
const ENGINE: EngineConfig = {
  flows: [menuFlow, applyFlow, statusFlow, supplementFlow, withdrawFlow],
  home: { flow: 'menu', step: 'main' },
  interceptors: [faqInterceptor],
  // "我老伴住院花了三万二，想申请": the application starts with what is said
  opening: openApplication,
  // a department alert told to the household: its 1/2/3 (flows/villager/alert-offer.ts)
  offer: { answer: answerAlertOffer, restate: restateAlertOffer, tell: tellAlertOffer },
};

/** Whether a session is at rest in the menu rather than in the middle of something (an application). */
export const atRest = (state: Pick<SessionState, 'flow'>): boolean => state.flow === ENGINE.home.flow;

/** The conversation engine: (state | null, inbound, context) → { state, replies, effects }. */
export const step: StepFunction = createEngine(ENGINE);

/** What the villager is being asked now, to repeat after a message the engine never sees (a sticker). */
export const currentQuestion = createReminder(ENGINE);

/** What the villager hears after an effect's outcome, in the words of the flow that emitted it. */
const describeEach: DescribeOutcome = describeWith({
  ...applicationOutcomes,
  ...identityOutcomes,
  case_resubmitted: describeCasework,
  case_withdrawn: describeCasework,
  case_action_refused: describeCasework,
});
export const describeOutcome: DescribeOutcome = (outcome, state) => {
  const said = describeEach(outcome, state);
  // a department alert's offer kept back while the household was applying: behind the case number
  const filed = outcome.type === 'case_filed' || outcome.type === 'case_duplicate';
  return filed ? [...said, ...offerAfterFiling(state).map((text) => ({ type: 'text' as const, text }))] : said;
};
