/**
 * GET /app/… — the mini-program's h5 build (miniprogram/dist/h5, APP_DIST_DIR), served as a
 * single-page app (server/http/static-site.ts): the h5 router's pages open directly (a village's
 * QR code, a reload). Before it is built, /app/ says how to build it (503).
 */
import type Router from '@koa/router';
import path from 'node:path';
import { staticSiteRouter } from '../../http/static-site';
import type { AppDeps } from '../../deps';

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>防贫助手</title><body style="font:18px/1.6 sans-serif;max-width:40em;margin:2em auto;padding:0 1em">
<h1>防贫助手 · 小程序网页版还没有构建</h1>
<p>The h5 build of the mini-program is not there yet. Build it once, then reload this page:</p>
<pre style="background:#f4f4f4;padding:1em">cd miniprogram &amp;&amp; npm install &amp;&amp; npm run build:h5</pre>
<p>Meanwhile the chat works: <a href="/simulator">/simulator</a>.</p></body></html>`;

export function appStaticRouter(deps: AppDeps): Router {
  return staticSiteRouter({
    prefix: '/app',
    root: deps.config.app.distDir,
    notBuilt: NOT_BUILT,
    // Taro names its bundles <name>.<hex hash>.js
    hashed: (rel) => /\.[0-9a-f]{8,}\./.test(path.basename(rel)),
  });
}
