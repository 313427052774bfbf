/**
 * "退订" / "订阅" (publicity only): understood at every step as a whole message, answered in the
 * villager's language, and an application in progress keeps its place.
 */
import { Chat, makeCtx, applicant } from './support';

describe.each([
  ['退订', false, '已经退订'],
  ['取消订阅', false, '已经退订'],
  ['TD', false, '已经退订'],
  ['td。', false, '已经退订'],
  ['unsubscribe', false, '已经退订'],
  ['订阅', true, '已经订阅'],
  ['恢复订阅', true, '已经订阅'],
  ['subscribe', true, '已经订阅'],
])('"%s"', (msg, subscribed, reply) => {
  test('from a new contact: the effect and the confirmation, no welcome first', () => {
    const chat = new Chat(makeCtx({ knownContact: false }));
    const r = chat.send(msg);
    expect(r.effects).toEqual([{ type: 'set_subscription', subscribed }]);
    expect(chat.said).toContain(reply);
    expect(chat.said).not.toContain('这里是防贫助手');
  });

  test('at the menu', () => {
    const chat = new Chat();
    chat.send('你好');
    const r = chat.send(msg);
    expect(r.effects).toEqual([{ type: 'set_subscription', subscribed }]);
    expect(chat.said).toContain(reply);
    expect(chat.at).toBe('menu/main');
  });

  test('in the middle of an application: the place and the answers are kept, the question asked again', () => {
    const chat = new Chat();
    chat.send(...applicant('1').slice(0, 5)); // up to the ID number
    expect(chat.at).toBe('apply/phone');
    const answers = chat.state!.answers;
    const r = chat.send(msg);
    expect(r.effects).toEqual([{ type: 'set_subscription', subscribed }]);
    expect(chat.at).toBe('apply/phone');
    expect(chat.state!.answers).toEqual(answers);
    expect(chat.said).toContain(reply);
    expect(chat.said).toContain('手机号');
  });
});

test('the opt-out says case updates still come, and how to resume', () => {
  const chat = new Chat();
  chat.send('退订');
  expect(chat.said).toContain('申请进度还会照常通知');
  expect(chat.said).toContain('订阅');
});

test('in English', () => {
  const chat = new Chat();
  chat.send('English');
  chat.send('退订');
  expect(chat.said).toContain('no more policy announcements');
  expect(chat.said).toContain('own application still comes');
});

test.each(['我想退订', '退订吗我', '订阅号'])('"%s" is not the command (only a whole message is)', (msg) => {
  const chat = new Chat();
  chat.send('你好');
  expect(chat.send(msg).effects.filter((e) => e.type === 'set_subscription')).toEqual([]);
});
