/**
 * A department alert's offer in the villager's chat, pure (flows/villager/alert-offer.ts and the
 * engine's `offer` hook): how 1/2/3 are read, what each does, the application pre-filled and said
 * back for a yes (nothing stored before it), another message answered as usual after the choice is
 * said again once, and an application in progress left undisturbed.
 */
import { step } from '../../flows';
import type { AlertOffer, SessionState } from '../../flows';
import { alertOfferText, readAlertAnswer } from '../../flows/villager/alert-offer';
import { parseCadreCommand } from '../../flows/cadre/commands';
import { ID, makeCtx, PHONE, text } from './support';

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
