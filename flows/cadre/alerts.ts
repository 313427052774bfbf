/**
 * 预警 in the cadre chat: the open department alerts of the cadre's region (a village cadre: its
 * village), the most urgent first, with the household's answer and the case filed from it, in at
 * most 10 lines; "预警 2 不需要 已入户核实，收入稳定" and "预警 2 已有帮扶" close the second one listed
 * (server/core/alerts/close.ts checks the role and region again and audits). The list's ids are
 * kept on the cadre's state so a number means the alert the cadre saw. Pure: the server reads the
 * list (server/chat/cadre/alerts.ts); words in flows/i18n/alerts.*.ts (alerts.chat.*).
 */
import { shanghaiDate } from '../china-time';
import type { Lang } from '../engine/types';
import { t } from '../i18n';
import { formatDate } from '../i18n/format';
import type { Role } from '../workflow';
import { fold } from './fold';

/** The most alerts one 预警 lists (with its heading and the closing hint: 10 lines). */
export const ALERTS_LISTED = 8;

export type AlertClosure = 'not_needed' | 'already_helped';

export type AlertCommand = { kind: 'alerts' } | { kind: 'close_alert'; number: number | null; closure: AlertClosure | null; reason: string };

const LIST_WORDS = ['预警', '预警列表', '我的预警', '部门预警', '看预警', '查看预警', '预警任务', '核实任务', 'alerts', 'alert', 'my alerts'];
const CLOSURE_WORDS: { closure: AlertClosure; word: string }[] = [
  ...['不需要', '不需要帮扶', '无需帮扶', 'not needed', 'no need'].map((word) => ({ closure: 'not_needed' as const, word })),
  ...['已有帮扶', '已经有帮扶', '已帮扶', 'already helped'].map((word) => ({ closure: 'already_helped' as const, word })),
].sort((a, b) => b.word.length - a.word.length);

/** 预警 / 预警 N 不需要 原因 / 预警 N 已有帮扶 [说明]: null when the message is not about alerts. */
export function parseAlertCommand(text: string): AlertCommand | null {
  // fold maps one character to one: positions in it are positions in what the cadre typed (the reason is cut from that)
  const f = fold(text);
  const end = f.replace(/[\s.,!?~;:…、。！？～，]+$/u, '').length;
  const s = f.slice(0, end).trim();
  if (LIST_WORDS.includes(s)) return { kind: 'alerts' };
  const m = /^\s*(?:预警|alerts?)\s*(?:第\s*)?(\d{1,2})\s*(?:条|号)?\s*/u.exec(f.slice(0, end));
  if (!m) return null;
  const rest = f.slice(m[0].length, end);
  const found = CLOSURE_WORDS.find((c) => rest.startsWith(c.word));
  if (!found) return { kind: 'close_alert', number: Number(m[1]), closure: null, reason: '' };
  const from = m[0].length + found.word.length;
  return { kind: 'close_alert', number: Number(m[1]), closure: found.closure, reason: text.slice(from, end).replace(/^[\s,，:：、]+/u, '').trim() };
}

/** One open alert as the chat lists it: no figures, the head's name masked. */
export type AlertLine = {
  id: string;
  village: string;
  household: string;
  department: string;
  cause: string;
  dueAt: string;
  overdue: boolean;
  /** The household's answer to the private message (apply | call_me | not_needed), or null. */
  answer: string | null;
  caseNo: string | null;
  caseStatus: string | null;
};

export type AlertsView = { allowed: false; roles: Role[] } | { allowed: true; region: string; total: number; items: AlertLine[] };

const tr = (lang: Lang, key: string, params?: Record<string, unknown>) => t(lang, key, params);

const ANSWER_KEY: Record<string, string> = { apply: 'alerts.answer.apply', call_me: 'alerts.answer.call_me', not_needed: 'alerts.answer.not_needed' };

function line(lang: Lang, n: number, a: AlertLine): string {
  const due = a.overdue ? tr(lang, 'alerts.chat.overdue') : tr(lang, 'alerts.chat.due', { date: formatDate(lang, shanghaiDate(new Date(a.dueAt))) });
  const answer = tr(lang, a.answer && ANSWER_KEY[a.answer] ? ANSWER_KEY[a.answer]! : 'alerts.answer.none');
  const c = a.caseNo ? tr(lang, 'alerts.chat.case', { caseNo: a.caseNo, stage: a.caseStatus ? tr(lang, `cadre.stage.${a.caseStatus}`) : '' }) : '';
  return tr(lang, 'alerts.chat.line', { n, village: a.village, household: a.household, cause: a.cause, department: a.department, due, answer }) + c;
}

/** The heading, at most ALERTS_LISTED alerts and how to close one: 10 lines at most. */
export function alertsText(lang: Lang, v: AlertsView): string {
  if (!v.allowed) return tr(lang, 'alerts.chat.not_yours', { roles: v.roles.map((r) => tr(lang, `cadre.role.${r}`)).join(tr(lang, 'cadre.list_separator')) });
  if (v.total === 0) return tr(lang, 'alerts.chat.none', { region: v.region });
  return [
    tr(lang, v.total > v.items.length ? 'alerts.chat.title_more' : 'alerts.chat.title', { region: v.region, total: v.total, shown: v.items.length }),
    ...v.items.map((a, i) => line(lang, i + 1, a)),
    tr(lang, 'alerts.chat.how_to_close'),
  ].join('\n');
}

/** What "预警 N …" says when it cannot close: no closure named, no list seen, no such number. */
export function alertUsageText(lang: Lang, why: 'usage' | 'no_list' | 'no_number', n?: number | null): string {
  return tr(lang, `alerts.chat.${why}`, { n: n ?? '' });
}

/** The answer once the server closed it, or why not. */
export function alertClosedText(lang: Lang, o: { number: number; closure: AlertClosure; ok: true } | { number: number; ok: false; why: 'closed' | 'not_found' | 'forbidden' | 'invalid'; message?: string }): string {
  if (o.ok) return tr(lang, 'alerts.chat.closed', { n: o.number, closure: tr(lang, `alerts.closure.${o.closure}`) });
  return tr(lang, `alerts.chat.refused_${o.why}`, { n: o.number, message: o.message ?? '' });
}
