/**
 * GET /console/… — the cadre console's build (console/dist, CONSOLE_DIST_DIR), served as a
 * single-page app (server/http/static-site.ts): its pages (a case, a filtered queue) open
 * directly from a link or a reload. Before it is built, /console/ says how to build it (503).
 */
import type Router from '@koa/router';
import { staticSiteRouter } from '../../http/static-site';
import type { AppDeps } from '../../deps';
import { notBuiltPage } from '../../http/not-built';


export function consoleStaticRouter(deps: AppDeps): Router {
  return staticSiteRouter({
    prefix: '/console',
    root: deps.config.console.distDir,
    notBuilt: notBuiltPage(deps.config.defaultLang, 'console', 'cd console && npm ci && npm run build', '/health'),
    // Vite names its bundles assets/<name>-<8-character hash>.<ext>
    hashed: (rel) => /^assets\/.+-[\w-]{8}\.\w+$/.test(rel),
  });
}
