/** The table of channels: who carries what is written to each, and the filters read from it. */
import {
  APP_CHANNEL,
  botChannel,
  carrierOf,
  CHAT_CONTACT_CHANNEL,
  DRAINED_BOT_CHANNEL,
  isAppChannel,
  SUBSCRIBE_CHANNEL,
  SUBSCRIBE_CONTACT_CHANNEL,
  takesSubscribeMessages,
  UNNAMED_BOT_CHANNEL,
} from '../../server/core/notify/channels';

test.each([
  // channel                              carrier      app    subscribe  chat contact  a bot drains it
  [APP_CHANNEL.wechat, 'household', true, true, false, false],
  [APP_CHANNEL.phone, 'household', true, false, false, false],
  [SUBSCRIBE_CHANNEL, 'server', false, false, false, false],
  [botChannel({ puppet: 'wechaty-puppet-service', accountId: 'wxid_1' }), 'bot', false, false, true, true],
  [UNNAMED_BOT_CHANNEL, 'bot', false, false, true, false],
  ['constructor', 'bot', false, false, true, false],
])('%s', (channel, carrier, app, subscribe, chatContact, drained) => {
  expect(carrierOf(channel)).toBe(carrier);
  expect(isAppChannel(channel)).toBe(app);
  expect(takesSubscribeMessages(channel)).toBe(subscribe);
  expect(SUBSCRIBE_CONTACT_CHANNEL.in.includes(channel)).toBe(subscribe);
  expect(!CHAT_CONTACT_CHANNEL.notIn.includes(channel)).toBe(chatContact);
  expect(channel.includes(DRAINED_BOT_CHANNEL.contains)).toBe(drained);
});

test('a bot’s channel is its WeChat account', () => {
  expect(botChannel({ puppet: 'test', accountId: 'bot' })).toBe('test:bot');
});
