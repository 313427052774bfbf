/**
 * The workflow's words in one language, for clients that show the workflow (the console): what
 * each status, cause, role, move, move field, decision category and measure is called, and each
 * cause's documents checklist. They are the words the chat and the notices use (flows/i18n,
 * flows/workflow/words.*), sent rather than copied into each client.
 */
import { CHECKLIST } from '../../flows/application/documents';
import { CAUSES } from '../../flows/engine/types';
import { t, type Lang } from '../../flows/i18n';
import { CASE_STATUSES, HOUSEHOLD_CATEGORIES, MEASURES, ROLES, TRANSITIONS, moveSchemas } from '../../flows/workflow';
import { MEASURE_DEPARTMENT_NAME_KEY, MEASURE_DEPARTMENTS } from '../core/register/measures';
import { ELIMINATION_STATUSES, MONITORING_EVENTS, MONITORING_STATES, RISK_CAUSES, RISK_SOURCES } from '../../flows/register';

/** The actions of the moves (flows/workflow TRANSITIONS), then the history's acts that are no move (visits, objections, a cadre's look). */
const ACTIONS = [...new Set([...TRANSITIONS.map((r) => r.action), 'view', 'visit', 'objection', 'resolve_objection'])];
/** Case events that are not moves (server/core/workflow, file-case.ts), as the history names them. */
const EVENTS = ['visit_scheduled', 'objection', 'objection_resolved', 'duplicate_application'] as const;
/** The data fields the moves ask (their schemas, flows/workflow/moves.ts), and a reject's or green channel's reason (the move's note): each labelled in cadre.field. */
export const MOVE_FIELDS = [...new Set([...moveSchemas().flatMap((m) => Object.keys(m.data.properties ?? {})), 'reason'])];

const table = <K extends string>(keys: readonly K[], word: (k: K) => string) => Object.fromEntries(keys.map((k) => [k, word(k)])) as Record<K, string>;

export function workflowWords(lang: Lang) {
  const tr = (key: string) => t(lang, key);
  return {
    statuses: Object.fromEntries(CASE_STATUSES.map((s) => [s, { label: tr(`status.${s}`), stage: tr(`cadre.stage.${s}`) }])),
    causes: table(CAUSES, (c) => tr(`cause.${c}`)),
    roles: table(ROLES, (r) => tr(`cadre.role.${r}`)),
    actions: table(ACTIONS, (a) => tr(`cadre.action.${a}`)),
    events: table(EVENTS, (e) => tr(`cadre.event.${e}`)),
    /** What each move is, where the chat names it (the rest are their action's word). */
    moves: Object.fromEntries(TRANSITIONS.map((m) => [m.id, tr(`cadre.guide.what.${m.id}`) !== `cadre.guide.what.${m.id}` ? tr(`cadre.guide.what.${m.id}`) : tr(`cadre.action.${m.action}`)])),
    fields: table(MOVE_FIELDS, (f) => tr(`cadre.field.${f}.label`)),
    outcomes: { confirmed: tr('cadre.outcome.confirmed'), differs: tr('cadre.outcome.differs') },
    results: { agreed: tr('cadre.result.agreed') },
    categories: table(HOUSEHOLD_CATEGORIES, (c) => tr(`workflow.category.${c}`)),
    measures: table(MEASURES, (m) => tr(`workflow.measure.${m}`)),
    /** The monitoring register's words (flows/register). */
    register: {
      states: table(MONITORING_STATES, (s) => tr(`register.state.${s}`)),
      riskCauses: table(RISK_CAUSES, (c) => tr(`register.risk_cause.${c}`)),
      riskSources: table(RISK_SOURCES, (s) => tr(`register.risk_source.${s}`)),
      events: table(MONITORING_EVENTS, (e) => tr(`register.event.${e}`)),
      eliminationStatuses: table(ELIMINATION_STATUSES, (s) => tr(`register.elimination_status.${s}`)),
      /** Who gives a measure (server/core/register/measures.ts). */
      departments: table(MEASURE_DEPARTMENTS, (d) => tr(MEASURE_DEPARTMENT_NAME_KEY[d])),
    },
    checklists: Object.fromEntries(CAUSES.map((c) => [c, CHECKLIST[c].map((item) => ({ id: item.id, label: tr(item.label) }))])),
  };
}
