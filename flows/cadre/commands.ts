/**
 * What a cadre's message asks for. Pure: the server resolves the case, checks the rules and acts.
 *
 *   待办                              my pending list
 *   查看 FP-2026-000123               the case in short
 *   通过 FP-… [备注]                   approve (a guided exchange asks what the step needs)
 *   退回 FP-… 缺 出院小结、户口本        return for documents
 *   驳回 FP-… 原因                     reject (reason required)
 *   核查 FP-… 预约 3月5日 [备注]        schedule the household visit
 *   异议 FP-… 内容                     record an objection raised during the public notice
 *   异议处理 FP-… 编号 处理结果          resolve it
 *   绿色通道 FP-… 原因                 county: approve urgent help first
 *   统计 / 本月统计 / 这个月多少户申请了   the figures of my region (this month, 上月, 今年)
 *   导出 / 导出台账 / 要台账             how to get the ledger (the console's export page)
 *   预警 / 预警 2 不需要 原因 / 预警 2 已有帮扶   the region's open department alerts; close one (alerts.ts)
 *   帮助 / 取消
 * and, from anyone, 绑定 123456 (a cadre account), 绑定群 123456 (a work group), 解绑.
 * Case numbers: see case-ref.ts. English words work too ("approve 123", "return 123 missing …").
 */
import { takeCaseRef, type CaseRef } from './case-ref';
import { fold, restFrom } from './fold';
import { parseAlertCommand, type AlertCommand } from './alerts';

export type CaseVerb = 'view' | 'approve' | 'return' | 'reject' | 'visit' | 'objection' | 'resolve_objection' | 'fast_approve';

export type CadreCommand =
  | { kind: 'pending' }
  | { kind: 'help' }
  | { kind: 'cancel' }
  | { kind: 'greeting' }
  | { kind: 'lang_en' }
  | { kind: 'lang_zh' }
  | { kind: 'view'; ref: CaseRef }
  | { kind: 'approve'; ref: CaseRef; note: string }
  | { kind: 'return'; ref: CaseRef; items: string[] }
  | { kind: 'reject'; ref: CaseRef; reason: string }
  | { kind: 'visit'; ref: CaseRef; when: string; note: string }
  | { kind: 'objection'; ref: CaseRef; text: string }
  | { kind: 'resolve_objection'; ref: CaseRef; number: number | null; text: string }
  | { kind: 'fast_approve'; ref: CaseRef; reason: string }
  /** 统计: the figures of the cadre's region for a period counted back from today. */
  | { kind: 'stats'; period: StatsPeriod }
  /** 导出: where and how the ledger is exported (never sent through the chat). */
  | { kind: 'export' }
  /** A case command without a (readable) case number: answer with its usage. */
  | { kind: 'incomplete'; verb: CaseVerb }
  /** 预警 (the region's open department alerts) and 预警 N 不需要/已有帮扶 (close one): alerts.ts. */
  | AlertCommand;

/** The periods 统计 understands: this month (the default), last month, this year. */
export const STATS_PERIODS = ['this_month', 'last_month', 'this_year'] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];

export type BindingCommand = { kind: 'bind'; code: string } | { kind: 'bind_room'; code: string } | { kind: 'unbind' };

/** Longest words first within each verb does not matter: all words of all verbs are tried longest first. */
const CASE_VERBS: Record<CaseVerb, string[]> = {
  view: ['查看', '详情', '查询', '看看', '看', '查', 'view', 'show', 'open', 'details'],
  approve: ['审核通过', '通过', '同意', '批准', 'approve', 'pass'],
  return: ['退回补材料', '退回', '打回', 'return', 'send back'],
  reject: ['驳回', '不予认定', '不通过', '拒绝', 'reject'],
  visit: ['预约核查', '入户核查', '核查', '入户', 'visit', 'schedule'],
  resolve_objection: ['异议处理', '处理异议', 'resolve objection', 'resolve'],
  objection: ['异议', 'objection'],
  fast_approve: ['绿色通道', '加急', 'green channel', 'fast track', 'fast', 'urgent'],
};
/** Single characters that are commands only when a case number follows ("看 123"), never alone. */
const LOOSE = new Set(['看', '查', '看看']);

const WHOLE: Record<'pending' | 'help' | 'cancel' | 'greeting' | 'lang_en' | 'lang_zh', string[]> = {
  pending: ['待办', '我的待办', '待办事项', '待处理', '待审', '待审核', '待办案件', 'todo', 'to do', 'pending', 'my cases', 'inbox'],
  help: ['帮助', '命令', '菜单', '说明', '怎么用', 'help', 'commands', 'menu', '?', '？'],
  cancel: ['取消', '算了', '不办了', '退出', 'cancel', 'stop', 'quit'],
  greeting: ['你好', '您好', '在吗', '在不在', 'hi', 'hello'],
  lang_en: ['english', '英文', '英语'],
  lang_zh: ['中文', '汉语', 'chinese', '简体中文'],
};

const VERB_WORDS = (Object.entries(CASE_VERBS) as [CaseVerb, string[]][])
  .flatMap(([verb, words]) => words.map((word) => ({ verb, word })))
  .sort((a, b) => b.word.length - a.word.length);

const TRAILING = /[\s.,!?~;:…、。！？～，]+$/u;

/** The whole message, folded, without trailing punctuation. */
function whole(text: string): string {
  const s = fold(text).trim();
  return s === '?' ? s : s.replace(TRAILING, '');
}

export function parseCadreCommand(text: string): CadreCommand | null {
  const w = whole(text);
  for (const [kind, words] of Object.entries(WHOLE) as [keyof typeof WHOLE, string[]][]) {
    if (words.includes(w)) return { kind };
  }
  const report = parseReport(w);
  if (report) return report;
  const alerts = parseAlertCommand(text);
  if (alerts) return alerts;
  // a full case number alone: show that case
  const bare = takeCaseRef(text);
  if (bare && bare.rest === '' && bare.ref.kind === 'full' && /[a-z]|-/.test(fold(text))) return { kind: 'view', ref: bare.ref };
  const folded = fold(text);
  const lead = folded.length - folded.trimStart().length;
  for (const { verb, word } of VERB_WORDS) {
    if (!folded.startsWith(word, lead)) continue;
    const after = lead + word.length;
    // an English word must end there ("viewer" is not "view"); Chinese words need no space
    if (/[a-z]$/.test(word) && /^[a-z]/.test(folded.slice(after))) continue;
    const taken = takeCaseRef(restFrom(text, after));
    if (!taken) {
      // "看看这个" is chat; a bare "通过" (or "通过了吗") is a command missing its case number
      if (LOOSE.has(word)) continue;
      return { kind: 'incomplete', verb };
    }
    return withArgs(verb, taken.ref, taken.rest);
  }
  return null;
}

/** The words naming a period, at the start or the end of a 统计 request. */
const PERIOD_WORDS: Record<StatsPeriod, string[]> = {
  this_month: ['本月', '这个月', '这月', '当月', '本月份', 'this month', 'monthly'],
  last_month: ['上月', '上个月', '上一个月', '前一个月', 'last month'],
  this_year: ['今年', '本年', '本年度', '今年以来', 'this year', 'year to date'],
};
const PERIODS = (Object.entries(PERIOD_WORDS) as [StatsPeriod, string[]][])
  .flatMap(([period, words]) => words.map((word) => ({ period, word })))
  .sort((a, b) => b.word.length - a.word.length);

/** What a 统计 request says besides its period: the whole of it (after an optional "查看"). */
const STATS_WORDS = ['统计', '统计数据', '数据统计', '统计一下', '统计情况', '数据', '报表', '月报', '汇总', '情况汇总', 'stats', 'statistics', 'figures', 'numbers', 'report'];
const STATS_LEAD = /^(?:查看|查询|看看|看一下|看|查)\s*/u;
/** "多少户申请了", "申请了多少户", "how many applied": the count of applications is asked for. */
const HOW_MANY = /^(?:(?:有|一共有|共有|总共)?多少(?:户|家|人|件|个)?(?:申请|提交)(?:了)?(?:帮扶|救助)?(?:啊|呀|呢|吗)?|(?:申请|提交)(?:了)?多少(?:户|家|件|个)?(?:啊|呀|呢)?|how many (?:applications|households applied|applied|cases))$/u;

/** 导出: the whole message, a request for the ledger (not a remark about one). */
const EXPORT_WORDS = ['导出', '导出台账', '导出数据', '导出表格', '导出excel', '台账导出', '要台账', '我要台账', '给我台账', '下载台账', '台账', '要表格', 'export', 'export ledger', 'export the ledger', 'ledger', 'download ledger'];

/** 统计 and 导出: whole-message requests (a sentence that merely contains 统计 or 台账 is not one). */
function parseReport(w: string): CadreCommand | null {
  if (EXPORT_WORDS.includes(w)) return { kind: 'export' };
  let body = w.replace(STATS_LEAD, '');
  let period: StatsPeriod | null = null;
  for (const { period: p, word } of PERIODS) {
    if (body.startsWith(word)) {
      period = p;
      body = body.slice(word.length).replace(/^[\s的,，:：]+/u, '');
      break;
    }
    if (body.endsWith(word)) {
      period = p;
      body = body.slice(0, -word.length).replace(/[\s的,，:：]+$/u, '');
      break;
    }
  }
  body = body.replace(STATS_LEAD, '').trim();
  if (STATS_WORDS.includes(body) || HOW_MANY.test(body)) return { kind: 'stats', period: period ?? 'this_month' };
  return null;
}

function withArgs(verb: CaseVerb, ref: CaseRef, rest: string): CadreCommand {
  switch (verb) {
    case 'view':
      return { kind: 'view', ref };
    case 'approve':
      return { kind: 'approve', ref, note: rest };
    case 'return':
      return { kind: 'return', ref, items: parseItems(rest) };
    case 'reject':
      return { kind: 'reject', ref, reason: rest };
    case 'visit': {
      const { when, note } = splitVisit(rest);
      return { kind: 'visit', ref, when, note };
    }
    case 'objection':
      return { kind: 'objection', ref, text: rest };
    case 'resolve_objection': {
      const m = /^(?:第|no\.?\s*|#)?\s*(\d{1,3})\s*(?:条|号|项)?(?=[\s:：,，、]|$)/iu.exec(fold(rest));
      if (!m) return { kind: 'resolve_objection', ref, number: null, text: rest };
      return { kind: 'resolve_objection', ref, number: Number(m[1]), text: restFrom(rest, m[0].length) };
    }
    case 'fast_approve':
      return { kind: 'fast_approve', ref, reason: rest };
  }
}

/** "通过 FP-… 身份已核实": the note says the applicant of a case flagged 身份待核实 was checked in person. */
export function confirmsIdentity(note: string): boolean {
  return /身份已核实|已核实身份|身份核实无误|identity (?:verified|confirmed|checked)/iu.test(note);
}

const MISSING_PREFIX = /^(?:缺少|缺|需要补充|需补充|需要补|补充|还要|需要|missing|lacks|lacking|need|needs)[\s:：]*/iu;

/** "缺 出院小结、户口本" → ["出院小结", "户口本"]; Chinese items may also be separated by spaces. */
export function parseItems(text: string): string[] {
  const body = text.trim().replace(MISSING_PREFIX, '').trim();
  if (body === '') return [];
  let parts = body.split(/[、，,;；\n/]+|\s+和\s+|\s+and\s+/u);
  // "出院小结 户口本": spaces separate Chinese items (not English ones: "discharge summary")
  if (parts.length === 1 && /[\u4e00-\u9fff]/u.test(body)) parts = body.split(/\s+/u);
  const seen = new Set<string>();
  return parts
    .map((p) => p.trim().replace(/[。.！!]+$/u, '').trim())
    .filter((p) => p !== '' && !seen.has(p) && (seen.add(p), true))
    .map((p) => p.slice(0, 100));
}

const VISIT_PREFIX = /^(?:预约在|预约|约在|约|定在|安排在|时间|日期|on|at|for)[\s:：]*/iu;
const DATE_AT_START = /^(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}[日号]?|(?:[0-9零〇一二两三四五六七八九十]{1,3})月(?:[0-9零〇一二两三四五六七八九十]{1,3})[日号]?|\d{1,2}[-/.]\d{1,2}|\d{1,2}[日号]|今天|明天|后天|大后天|today|tomorrow)/iu;

/** "预约 3月5日 上午" → when "3月5日", note "上午". */
export function splitVisit(text: string): { when: string; note: string } {
  const body = text.trim().replace(VISIT_PREFIX, '');
  const m = DATE_AT_START.exec(fold(body));
  if (!m) return { when: body.split(/\s+/u)[0] ?? '', note: body.split(/\s+/u).slice(1).join(' ') };
  return { when: body.slice(0, m[0].length), note: restFrom(body, m[0].length) };
}

const BIND_ROOM = ['绑定工作群', '绑定群', '群绑定', 'bind group', 'bind room'];
const BIND = ['绑定', 'bind'];
const UNBIND = ['解绑', '解除绑定', '取消绑定', 'unbind'];

/** 绑定 / 绑定群 / 解绑 — understood from anyone, before any flow. */
export function parseBindingCommand(text: string): BindingCommand | null {
  const w = whole(text);
  if (UNBIND.includes(w)) return { kind: 'unbind' };
  for (const [words, kind] of [[BIND_ROOM, 'bind_room'], [BIND, 'bind']] as const) {
    for (const word of words) {
      if (!w.startsWith(word)) continue;
      const code = w.slice(word.length).replace(/^[\s:：]+/u, '').replace(/[\s-]/g, '');
      if (/^[a-z0-9]{4,16}$/.test(code)) return { kind, code };
      // "绑定" alone or with something that is not a code: still a binding attempt, answered with how
      return { kind, code: '' };
    }
  }
  return null;
}
