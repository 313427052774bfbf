/**
 * GET /app/… — the mini-program's h5 build (miniprogram/dist/h5, APP_DIST_DIR), served as
 * static files with an SPA fallback: a path that is not a file gets index.html, so the h5
 * router's pages open directly (a village's QR code, a reload). Before it is built, /app/ says
 * how to build it (503). Hashed assets are cached long; index.html never.
 */
import Router from '@koa/router';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppDeps } from '../../deps';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>防贫助手</title><body style="font:18px/1.6 sans-serif;max-width:40em;margin:2em auto;padding:0 1em">
<h1>防贫助手 · 小程序网页版还没有构建</h1>
<p>The h5 build of the mini-program is not there yet. Build it once, then reload this page:</p>
<pre style="background:#f4f4f4;padding:1em">cd miniprogram &amp;&amp; npm install &amp;&amp; npm run build:h5</pre>
<p>Meanwhile the chat works: <a href="/simulator">/simulator</a>.</p></body></html>`;

async function fileAt(p: string) {
  const s = await stat(p).catch(() => undefined);
  return s?.isFile() ? s : undefined;
}

export function appStaticRouter(deps: AppDeps): Router {
  const router = new Router();
  const root = deps.config.app.distDir;

  router.get(/^\/app(?:\/.*)?$/, async (ctx) => {
    if (ctx.path === '/app') return ctx.redirect('/app/');
    let rel: string;
    try {
      rel = decodeURIComponent(ctx.path.slice('/app/'.length));
    } catch {
      ctx.status = 400;
      return;
    }
    const target = path.resolve(root, rel);
    // Nothing outside the build directory, whatever the path says.
    const inside = target === root || target.startsWith(root + path.sep);
    let file = inside && rel !== '' ? target : undefined;
    let stats = file ? await fileAt(file) : undefined;
    if (!stats) {
      // Asset-looking paths that are missing are 404s, not the page (a stale cached page asks for old hashes).
      if (inside && path.extname(rel) && path.extname(rel) !== '.html') {
        ctx.status = 404;
        return;
      }
      file = path.join(root, 'index.html');
      stats = await fileAt(file);
      if (!stats) {
        ctx.status = 503;
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = NOT_BUILT;
        return;
      }
    }
    const ext = path.extname(file!).toLowerCase();
    ctx.set('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    ctx.set('Content-Length', String(stats.size));
    ctx.set('Cache-Control', ext === '.html' ? 'no-cache' : /\.[0-9a-f]{8,}\./.test(path.basename(file!)) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    ctx.body = createReadStream(file!);
  });
  return router;
}
