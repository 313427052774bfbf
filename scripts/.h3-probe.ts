import { ChildServer } from '../bench/harness/server-process';
import { HttpTarget } from '../bench/harness/http';
import { repeatRequest } from '../bench/harness/load';
const ADMIN = 'a'.repeat(40);
(async () => {
  const cmd = { file: process.execPath, args: [...(process.env.H3_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/h3/prof'] : []), '--import', 'tsx', 'server/main.ts'], env: {}, text: 'tsx server/main.ts' };
  const srv = await ChildServer.start(cmd, { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/h3_probe', ADMIN_TOKEN: ADMIN, BOT_TOKEN: 'b'.repeat(40), LOG_LEVEL: 'warn', DATA_DIR: '/tmp/h3/data' });
  const t = new HttpTarget(srv.url, 32);
  const auth = { authorization: `Bearer ${ADMIN}` };
  for (const path of (process.argv[2] ?? '/health,/api/cases?pageSize=20').split(',')) {
    await repeatRequest(32, 2, () => t.get(path, path.startsWith('/api') ? auth : {}));
    const r = await repeatRequest(32, Number(process.argv[3] ?? 5), () => t.get(path, path.startsWith('/api') ? auth : {}));
    console.log(path, Math.round(r.perSecond), 'req/s', 'p50', r.p50.toFixed(1), 'errors', r.errors, r.firstError ?? '');
  }
  t.close();
  const hello = await ChildServer.start({ file: process.execPath, args: ['bench/baseline/hello-koa.mjs'], env: {}, text: 'hello' }, {}, '/');
  const h = new HttpTarget(hello.url, 32);
  await repeatRequest(32, 2, () => h.get('/'));
  const r = await repeatRequest(32, Number(process.argv[3] ?? 5), () => h.get('/'));
  console.log('hello', Math.round(r.perSecond), 'req/s p50', r.p50.toFixed(1));
  h.close();
  await hello.stop();
  await srv.stop?.();
  process.exit(0);
})();
