/**
 * The villager's notices are worded once (flows/villager/notices.ts): for every kind of event,
 * what the chat sends (the outbox's notice of a move, server/core/workflow/notify.ts) and what
 * the mini-program's timeline shows for the event row the same move wrote
 * (server/app/villager-cases.ts) are the same sentence. The chat only adds, on lines of their
 * own, how to answer in the chat and the case number.
 */
import { LANGS, t, type Lang } from '../../flows/i18n';
import { chatNotice, villagerSentence, type CaseHappening, type NoticeFacts } from '../../flows/villager/notices';
import { timelineText } from '../../server/app/villager-cases';
import { happeningOf, visitBooked } from '../../server/core/workflow/notify';
import type { Action, CaseStatus } from '../../flows/workflow';

const CASE_NO = 'FP-2026-000042';
const facts: NoticeFacts = {
  publicityStart: new Date('2026-07-21T00:00:00+08:00'),
  publicityEnd: new Date('2026-07-25T00:00:00+08:00'),
  approvedAmountFen: 500_000,
  measures: ['medical_aid', 'temporary_relief'],
  householdCategory: 'marginal',
  paidAt: new Date('2026-07-28T00:00:00+08:00'),
};

type Move = { action: Action; from: CaseStatus; to: CaseStatus; note?: string; data?: Record<string, unknown> };

/** Each kind of event: the move, a phrase its zh-CN sentence must hold, the line the chat adds (zh-CN) if any. */
const MOVES: [string, Move, string, string | null][] = [
  ['accepted', { action: 'accept', from: 'submitted', to: 'village_review' }, '村委会已经收到，正在初审', null],
  ['on to the town', { action: 'approve', from: 'village_review', to: 'town_review' }, '申请已经交给镇里审核', null],
  ['on to the county', { action: 'approve', from: 'town_review', to: 'county_review' }, '申请已经交给县里审核', null],
  ['on to the home visit', { action: 'approve', from: 'county_review', to: 'verification', data: { verifierId: 'v1' } }, '工作人员会联系您上门核查', null],
  ['on to the assessment', { action: 'approve', from: 'verification', to: 'assessment' }, '村里开会评议', null],
  ['the public notice', { action: 'approve', from: 'assessment', to: 'publicity', data: { publicityStart: '2026-07-21', publicityEnd: '2026-07-25' } }, '时间是2026年7月21日到2026年7月25日', null],
  ['approved', { action: 'approve', from: 'publicity', to: 'approved' }, '帮扶金额：5,000元\n帮扶措施：医疗救助、临时救助\n认定为：边缘易致贫户', null],
  ['paid', { action: 'approve', from: 'approved', to: 'paid', data: { paymentRef: 'ZF-1', paidOn: '2026-07-28' } }, '帮扶金5,000元已经在2026年7月28日发放，请留意查收。', '有疑问请回复“人工”。'],
  ['green channel', { action: 'fast_approve', from: 'town_review', to: 'approved', note: '急需' }, '走了绿色通道，先批准了', null],
  ['returned', { action: 'return', from: 'town_review', to: 'returned', data: { items: ['出院小结', '户口本'] } }, '还需要补充材料（镇里审核时发现的）：\n1. 出院小结\n2. 户口本', '请直接在这里发照片，发完回复“好了”。'],
  ['resubmitted', { action: 'resubmit', from: 'returned', to: 'town_review' }, '申请回到镇里审核继续办理', null],
  ['rejected', { action: 'reject', from: 'county_review', to: 'rejected', note: '家庭收入高于标准' }, '没有通过（县里审核）。\n原因：家庭收入高于标准\n如果对结果有不同意见，可以在收到这条消息后15天内，向县乡村振兴局', '也可以回复“人工”，请村干部帮您。'],
  ['withdrawn', { action: 'withdraw', from: 'village_review', to: 'withdrawn' }, '您的申请已经撤回了', null],
];

/** The same event twice: as the outbox's notice reads it, and as the timeline reads its event row. */
type Event = { name: string; chat: CaseHappening; row: { type: string; fromStatus: string | null; toStatus: string | null; note: string | null; data: unknown }; phrase: string; chatLine: string | null; chatKey: string | null };

const EVENTS: Event[] = [
  ...MOVES.map(([name, m, phrase, chatLine]) => {
    const note = m.note ?? null;
    const data = m.data ?? {};
    return {
      name,
      // as performTransition hands it to notifyTransition, and as it writes the case_event row
      chat: happeningOf({ action: m.action, from: m.from, to: m.to, note, data }),
      row: { type: m.action, fromStatus: m.from, toStatus: m.to, note, data },
      phrase,
      chatLine,
      chatKey: chatLine ? `workflow.villager.chat.${m.to}` : null,
    };
  }),
  // a side event: the home visit booked (server/core/workflow/visit.ts writes the row, notifyVisitScheduled the notice)
  { name: 'visit booked', chat: visitBooked('2026-07-22'), row: { type: 'visit_scheduled', fromStatus: null, toStatus: null, note: '电话已约', data: { date: '2026-07-22' } }, phrase: '入户核查定在2026年7月22日', chatLine: null, chatKey: null },
];

const cases = EVENTS.flatMap((e) => LANGS.map((lang) => [e.name, lang, e] as [string, Lang, Event]));

describe('the chat and the mini-program say the same sentence', () => {
  test.each(cases)('%s (%s)', (_name, lang, e) => {
    const timeline = timelineText(lang, e.row, facts);
    expect(timeline).toEqual(expect.any(String));
    expect(timeline!.trim()).not.toBe('');
    const footer = t(lang, 'workflow.footer', { caseNo: CASE_NO });
    const added = e.chatKey ? [t(lang, e.chatKey)] : [];
    expect(chatNotice(lang, e.chat, facts, CASE_NO)).toBe([timeline, ...added, footer].join('\n'));
  });

  test.each(EVENTS.map((e) => [e.name, e] as const))('%s: the words (zh-CN)', (_name, e) => {
    const timeline = timelineText('zh-CN', e.row, facts)!;
    expect(timeline).toContain(e.phrase);
    const chat = chatNotice('zh-CN', e.chat, facts, CASE_NO)!;
    expect(chat.endsWith(`\n申请编号：${CASE_NO}`)).toBe(true);
    if (e.chatLine) expect(chat).toContain(`${timeline}\n${e.chatLine}\n`);
    else expect(chat).toBe(`${timeline}\n申请编号：${CASE_NO}`);
  });

  test('every kind is worded in English too, not left in Chinese', () => {
    for (const e of EVENTS) expect({ name: e.name, en: timelineText('en', e.row, facts) }).not.toEqual({ name: e.name, en: timelineText('zh-CN', e.row, facts) });
  });
});

describe('what the villager does not read', () => {
  test.each([
    ['an objection', { type: 'objection', from: null, to: null, note: '邻居反映', data: {} }],
    ['a cadre note', { type: 'note', from: null, to: null, note: '已电话联系', data: {} }],
    ['a visit without a date', { type: 'visit_scheduled', from: null, to: null, note: null, data: {} }],
  ] as [string, CaseHappening][])('%s: neither the chat nor the timeline', (_name, h) => {
    expect(villagerSentence('zh-CN', h, facts)).toBeNull();
    expect(chatNotice('zh-CN', h, facts, CASE_NO)).toBeNull();
  });

  test('the filing shows in the timeline (the chat said it when it was filed)', () => {
    expect(timelineText('zh-CN', { type: 'submitted', fromStatus: null, toStatus: 'submitted', note: null, data: {} }, facts)).toBe('申请已提交。');
  });
});
