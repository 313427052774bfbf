// The HTTP ceiling for the server's own routes: koa answering a small JSON body, nothing else —
// no router, no database. Plain JavaScript so that it also gives the floor of a Node + koa start.
// Started by bench/run.ts with PORT set; GET any path → {"status":"ok"}.
import Koa from 'koa';

const app = new Koa();
app.use((ctx) => {
  ctx.body = { status: 'ok' };
});
app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
