/**
 * A department alert's offer in the villager's chat, pure (flows/villager/alert-offer.ts and the
 * engine's `offer` hook): how 1/2/3 are read, what each does, the application pre-filled and said
 * back for a yes (nothing stored before it), another message answered as usual after the choice is
 * said again once, and an application in progress left undisturbed.
 */
import { describeOutcome, step } from '../../flows';
import type { AlertOffer, SessionState } from '../../flows';
import { alertOfferText, readAlertAnswer } from '../../flows/villager/alert-offer';
import { parseCadreCommand } from '../../flows/cadre/commands';
import { renderAsk } from '../../flows/engine/confirm';
import { t } from '../../flows/i18n';
import { atSummary, ID, makeCtx, PHONE, text } from './support';

const OFFER: AlertOffer = {
  alertId: 'alert-1',
  cause: 'illness',
  wording: 'alerts.wording.medical_costs',
  known: { name: '李桂兰', idNumber: ID, phone: PHONE, householdSize: 4, townCode: 'T1', villageCode: 'V12', selfPaidFen: 3_200_000 },
};
const atRest = (over: Partial<SessionState> = {}): SessionState => ({ flow: 'menu', step: 'main', answers: {}, misses: 0, history: [], lang: 'zh-CN', alertOffer: OFFER, ...over });

test.each([
  ['1', 'apply'],
  ['１', 'apply'],
  ['申请', 'apply'],
  ['好的', 'apply'],
  ['2', 'call_me'],
  ['请村干部联系', 'call_me'],
  ['3', 'not_needed'],
  ['不需要。', 'not_needed'],
  ['不用了', 'not_needed'],
  ['你好', null],
  ['4', null],
  ['我家老伴住院了', null],
])('%s → %s', (said, answer) => {
  expect(readAlertAnswer(said)).toBe(answer);
});

test('the message: the rule’s wording and the choice, in the contact’s language, no figures', () => {
  expect(alertOfferText('zh-CN', OFFER.wording)).toBe('最近家里看病花费比较大，如果生活有困难，可以申请帮扶。回复 1 开始申请，回复 2 请村干部联系您，回复 3 不需要。');
  expect(alertOfferText('en', OFFER.wording)).toMatch(/^Your family has had large medical costs lately\..* Reply 1 /);
});

test('"1": the application for the cause, each known fact said back at its question; a yes stores it', () => {
  const ctx = makeCtx();
  const r = step(atRest(), text('1'), ctx);
  expect(r.effects).toEqual([{ type: 'alert_answer', alertId: 'alert-1', answer: 'apply' }]);
  expect(r.state).toMatchObject({ flow: 'apply', step: 'name', answers: { cause: 'illness', alertId: 'alert-1' } });
  expect(r.state.alertOffer).toBeUndefined();
  expect(r.state.answers.name).toBeUndefined();
  expect(r.replies.map((x) => x.text).join('\n')).toContain('申请人是李桂兰，对吗？');
  const yes = step(r.state, text('对'), ctx);
  expect(yes.state.answers.name).toBe('李桂兰');
  expect(yes.replies.map((x) => x.text).join('\n')).toContain('身份证号是 110105********002X');
  // a no asks the question as usual
  const no = step(yes.state, text('不对'), ctx);
  expect(no.state.answers.idNumber).toBeUndefined();
  expect(no.state.step).toBe('idNumber');
});

// 医保's figures said back only as the row gave them: a total with the self-paid part gives the
// reimbursement (total − self-paid); the self-paid part alone is context, the cost asked as usual.
test.each([
  ['total and self-paid', { selfPaidFen: 3_200_000, totalCostFen: 9_600_000 }, { totalCostFen: 9_600_000, reimbursedFen: 6_400_000, selfPaidConfirmed: true, selfPaidFen: 3_200_000 }, '一共花了 96,000元，报销了 64,000元，您家自己付了 32,000元', null],
  ['all self-paid', { selfPaidFen: 500_000, totalCostFen: 500_000 }, { totalCostFen: 500_000, reimbursedFen: 0, selfPaidConfirmed: true, selfPaidFen: 500_000 }, '报销了 0元', null],
  ['self-paid alone', { selfPaidFen: 3_200_000 }, null, null, '自己付了约 32,000元。后面会问一共花了多少、报销了多少'],
  ['self-paid above the total (a bad row)', { selfPaidFen: 3_200_000, totalCostFen: 1_000_000 }, null, null, '自己付了约 32,000元'],
  ['no figure', {}, null, null, null],
])('医保, %s: what is said back and what a yes would store', (_name, figures, patch, said, context) => {
  const offer: AlertOffer = { ...OFFER, known: { name: '李桂兰', ...figures } };
  const r = step(atRest({ alertOffer: offer }), text('1'), makeCtx());
  const cost = (r.state.prefill ?? []).find((p) => p.step === 'totalCostFen');
  const start = r.replies.map((x) => x.text).join('\n');
  if (patch === null) expect(cost).toBeUndefined();
  else {
    expect(cost?.patch).toEqual(patch);
    expect(renderAsk(cost!.ask, { lang: 'zh-CN', t: (key: string, params?: Record<string, unknown>) => t('zh-CN', key, params) } as never)).toContain(said);
  }
  if (context === null) expect(start).not.toContain('医保记录');
  else expect(start).toContain(context);
  // nothing of it stored before a yes
  expect(r.state.answers.totalCostFen).toBeUndefined();
});

test.each([
  ['2', 'call_me', '已经请村干部联系您'],
  ['3', 'not_needed', '知道了'],
])('"%s": recorded, the villager told, the offer gone', (said, answer, words) => {
  const r = step(atRest(), text(said), makeCtx());
  expect(r.effects).toEqual([{ type: 'alert_answer', alertId: 'alert-1', answer }]);
  expect(r.replies.map((x) => x.text).join('\n')).toContain(words);
  expect(r.state.alertOffer).toBeUndefined();
  expect(r.state.flow).toBe('menu');
});

test('another message: answered as usual after the choice said once; the next one drops the offer', () => {
  const ctx = makeCtx();
  const first = step(atRest(), text('你好'), ctx);
  expect(first.replies[0]!.text).toContain('回复 1 开始申请');
  expect(first.replies.length).toBeGreaterThan(1);
  expect(first.effects).toEqual([]);
  expect(first.state.alertOffer).toMatchObject({ alertId: 'alert-1', restated: true });
  // still answerable right after
  expect(step(first.state, text('3'), ctx).effects).toEqual([{ type: 'alert_answer', alertId: 'alert-1', answer: 'not_needed' }]);
  const second = step(first.state, text('你好'), ctx);
  expect(second.replies.map((x) => x.text).join('\n')).not.toContain('回复 1 开始申请');
  expect(second.state.alertOffer).toBeUndefined();
});

test('in the middle of an application the offer waits: "1" is the question’s answer', () => {
  const mid = atRest({ flow: 'apply', step: 'cause', answers: {} });
  const r = step(mid, text('1'), makeCtx());
  expect(r.effects).toEqual([]);
  expect(r.state.answers.cause).toBe('illness');
  expect(r.state.alertOffer).toEqual(OFFER);
});

describe('an offer kept back while the household was applying (deferred: not sent then)', () => {
  const deferred = (offer: Partial<AlertOffer> = {}): AlertOffer => ({ ...OFFER, ...offer, deferred: true });
  const offerText = (o: AlertOffer) => alertOfferText('zh-CN', o.wording);
  const filedOutcome = { type: 'case_filed', caseNo: 'FP-2025-000001', cause: 'illness' } as const;

  test('an application of the alert’s cause filed meanwhile answers it: the case is linked, nothing more is said', () => {
    const chat = atSummary('illness');
    chat.state = { ...chat.state!, alertOffer: deferred() };
    const r = chat.send('确认');
    const filing = r.effects.find((e) => e.type === 'file_case');
    expect(filing).toMatchObject({ type: 'file_case', alertId: 'alert-1' });
    expect(r.state.alertOffer).toBeUndefined();
    expect(describeOutcome(filedOutcome, r.state).map((x) => x.text).join('\n')).not.toContain('回复 1 开始申请');
  });

  test('an application of another cause: filed as it is, the offer told behind the case number, then answerable', () => {
    const chat = atSummary('illness');
    const disaster = deferred({ alertId: 'alert-2', cause: 'disaster', wording: 'alerts.wording.disaster', known: {} });
    chat.state = { ...chat.state!, alertOffer: disaster };
    const r = chat.send('确认');
    expect(r.effects.find((e) => e.type === 'file_case')).not.toHaveProperty('alertId');
    expect(r.replies.map((x) => x.text).join('\n')).not.toContain('回复 1 开始申请');
    const said = describeOutcome(filedOutcome, r.state).map((x) => x.text);
    expect(said.at(-1)).toBe(offerText(disaster));
    const next = chat.send('3');
    expect(next.effects).toEqual([{ type: 'alert_answer', alertId: 'alert-2', answer: 'not_needed' }]);
  });

  test('the application given up: the offer is told as they are back at rest, and "2" answers it', () => {
    const mid = atRest({ flow: 'apply', step: 'householdSize', answers: { cause: 'illness' }, alertOffer: deferred() });
    const r = step(mid, text('1'), makeCtx());
    // still busy: "1" is the household size's answer, nothing told
    expect(r.replies.map((x) => x.text).join('\n')).not.toContain('回复 1 开始申请');
    expect(r.state.alertOffer).toMatchObject({ deferred: true });
    const cancelled = step(r.state, text('取消'), makeCtx());
    expect(cancelled.state.flow).toBe('menu');
    expect(cancelled.replies.map((x) => x.text).join('\n')).toContain(offerText(OFFER));
    expect(cancelled.state.alertOffer).toMatchObject({ deferred: false });
    expect(step(cancelled.state, text('2'), makeCtx()).effects).toEqual([{ type: 'alert_answer', alertId: 'alert-1', answer: 'call_me' }]);
  });
});

describe('预警 in the cadre chat', () => {
  test.each([
    ['预警', { kind: 'alerts' }],
    ['我的预警', { kind: 'alerts' }],
    ['alerts', { kind: 'alerts' }],
    ['预警 2 不需要 入户核实，生活无困难', { kind: 'close_alert', number: 2, closure: 'not_needed', reason: '入户核实，生活无困难' }],
    ['预警第３条 已有帮扶', { kind: 'close_alert', number: 3, closure: 'already_helped', reason: '' }],
    ['预警 2', { kind: 'close_alert', number: 2, closure: null, reason: '' }],
    ['Alert 4 not needed Checked at home', { kind: 'close_alert', number: 4, closure: 'not_needed', reason: 'Checked at home' }],
    ['预警很多', null],
  ])('%s', (said, command) => {
    expect(parseCadreCommand(said)).toEqual(command);
  });
});
