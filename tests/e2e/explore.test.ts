import { rmSync } from 'node:fs';
import { jpegBytes, pngBytes, startTestServer } from '../support/server';
import { recordedIn, startChatBot, tempDir, Villager } from './support';

test('explore', async () => {
  const srv = await startTestServer();
  const spool = tempDir('e2e-spool-');
  const bot = await startChatBot(srv, spool);
  const v = new Villager('villager-1', '李秀英', recordedIn(srv)).join(bot);
  for (const m of ['你好', '1', '因病', '李秀英', '11010519491231002X', '１３８００１３８０００', '青山镇', '2', '4口人', '三万二', '是的', '本人', '脑梗', '县人民医院', '3万2', '一万', '对']) await v.send(m);
  await v.send({ bytes: jpegBytes(1), name: '发票1.jpg' });
  await v.send({ bytes: pngBytes(2), name: '发票2.png' });
  for (const m of ['好了', '没有', '同意', '同意', '确认', '查询']) await v.send(m);
  console.log(v.print());
  await bot.stop();
  await srv.close();
  rmSync(spool, { recursive: true, force: true });
});
