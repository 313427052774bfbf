/**
 * GET /app/… — the mini-program's h5 build (miniprogram/dist/h5, APP_DIST_DIR), served as a
 * single-page app (server/http/static-site.ts): the h5 router's pages open directly (a village's
 * QR code, a reload). Before it is built, /app/ says how to build it (503).
 */
import type Router from '@koa/router';
import path from 'node:path';
import { staticSiteRouter } from '../../http/static-site';
import type { AppDeps } from '../../deps';
import { notBuiltPage } from '../../http/not-built';


export function appStaticRouter(deps: AppDeps): Router {
  return staticSiteRouter({
    prefix: '/app',
    root: deps.config.app.distDir,
    notBuilt: notBuiltPage(deps.config.defaultLang, 'app', 'cd miniprogram && npm install && npm run build:h5', '/simulator'),
    // Taro names its bundles <name>.<hex hash>.js
    hashed: (rel) => /\.[0-9a-f]{8,}\./.test(path.basename(rel)),
  });
}
