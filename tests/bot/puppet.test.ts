import { createPuppet, MOCK_BOT } from '../../bot/puppet';
import { leftovers, sleep } from './support';

let baseline: string[];
beforeAll(() => {
  baseline = process.getActiveResourcesInfo();
});
afterAll(async () => {
  await sleep(50);
  expect(leftovers(baseline)).toEqual([]);
});

test('no WECHATY_PUPPET: the offline mock, with its mocker, logging in as the bot', async () => {
  const { puppet, mocker } = await createPuppet({});
  expect(puppet.name()).toMatch(/^wechaty-puppet-mock/);
  expect(mocker).toBeDefined();
  await puppet.start();
  await new Promise<void>((resolve) => puppet.once('login', () => resolve()));
  expect(puppet.currentUserId).toBe(MOCK_BOT.id);
  await puppet.stop();
});

test('a production puppet that is not installed fails with the npm install to run', async () => {
  await expect(createPuppet({ WECHATY_PUPPET: 'wechaty-puppet-official-account' })).rejects.toThrow(
    'npm install wechaty-puppet-official-account',
  );
});

test('wechaty-puppet-service without its token fails before connecting anywhere', async () => {
  await expect(createPuppet({ WECHATY_PUPPET: 'wechaty-puppet-service' })).rejects.toThrow('WECHATY_PUPPET_SERVICE_TOKEN');
});
