/**
 * GET /console/… — the cadre console's build (console/dist, CONSOLE_DIST_DIR), served as a
 * single-page app (server/http/static-site.ts): its pages (a case, a filtered queue) open
 * directly from a link or a reload. Before it is built, /console/ says how to build it (503).
 */
import type Router from '@koa/router';
import { staticSiteRouter } from '../../http/static-site';
import type { AppDeps } from '../../deps';

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>防贫助手 · 干部工作台</title><body style="font:18px/1.6 sans-serif;max-width:40em;margin:2em auto;padding:0 1em">
<h1>防贫助手 · 干部工作台还没有构建</h1>
<p>The cadre console is not built yet. <code>npm start</code> builds it; or build it once, then reload this page:</p>
<pre style="background:#f4f4f4;padding:1em">cd console &amp;&amp; npm ci &amp;&amp; npm run build</pre>
<p>Meanwhile the API works: <a href="/health">/health</a>.</p></body></html>`;

export function consoleStaticRouter(deps: AppDeps): Router {
  return staticSiteRouter({
    prefix: '/console',
    root: deps.config.console.distDir,
    notBuilt: NOT_BUILT,
    // Vite names its bundles assets/<name>-<8-character hash>.<ext>
    hashed: (rel) => /^assets\/.+-[\w-]{8}\.\w+$/.test(rel),
  });
}
