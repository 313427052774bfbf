/**
 * A built single-page app served under a path prefix (the mini-program's h5 face at /app/, the
 * cadre console at /console/): static files, with an SPA fallback — a path that is not a file gets
 * index.html, so the app's router opens any of its pages directly (a QR code, a reload, a link).
 * Before it is built, the prefix answers `notBuilt` (503). Hashed assets are cached long;
 * index.html never.
 */
import Router from '@koa/router';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

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

async function fileAt(p: string) {
  const s = await stat(p).catch(() => undefined);
  return s?.isFile() ? s : undefined;
}

export type StaticSite = {
  /** The path prefix, without its trailing slash ('/app'). */
  prefix: string;
  /** The build directory. */
  root: string;
  /** The page said before there is a build. */
  notBuilt: string;
  /** Whether a file (its path under root) has its content's hash in its name: cached for a year. */
  hashed: (rel: string) => boolean;
};

export function staticSiteRouter({ prefix, root, notBuilt, hashed }: StaticSite): Router {
  const router = new Router();
  const pattern = new RegExp(`^${prefix.replace(/[/.]/g, '\\$&')}(?:/.*)?$`);

  router.get(pattern, async (ctx) => {
    if (ctx.path === prefix) return ctx.redirect(`${prefix}/`);
    let rel: string;
    try {
      rel = decodeURIComponent(ctx.path.slice(prefix.length + 1));
    } catch {
      ctx.status = 400;
      return;
    }
    const target = path.resolve(root, rel);
    // Nothing outside the build directory, whatever the path says.
    const inside = target === root || target.startsWith(root + path.sep);
    // never a dot file (the build's stamp, an editor's leftovers): a 404, as a missing asset
    // ('..' climbs, and is answered below like any path outside the build)
    if (rel.split(/[\\/]/).some((part) => part.startsWith('.') && part !== '.' && part !== '..')) {
      ctx.status = 404;
      return;
    }
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
        ctx.body = notBuilt;
        return;
      }
    }
    const ext = path.extname(file!).toLowerCase();
    ctx.set('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    ctx.set('Content-Length', String(stats.size));
    ctx.set('Cache-Control', ext === '.html' ? 'no-cache' : hashed(path.relative(root, file!).split(path.sep).join('/')) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    ctx.body = createReadStream(file!);
  });
  return router;
}
