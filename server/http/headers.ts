/**
 * Security headers on every answer. Pages (the simulator, the h5 app at /app/, koa's own error
 * pages) get a Content-Security-Policy that forbids framing (clickjacking) and any script the
 * server did not write; nothing is sniffed into another type; no page address leaks to other
 * sites; and answers that may carry personal data are never stored by a browser or a proxy.
 *
 * The simulator page's inline script and style carry a per-answer nonce (ctx.state.cspNonce, made
 * when a page first reads it; an answer that never reads it allows no inline script or style).
 * The h5 build (Taro) loads its scripts from files, except one small inline script in its
 * index.html (the rem sizing): that one is allowed by its hash, read from the build itself, so a
 * rebuild needs no change here. Taro sets inline styles at run time (style attributes, <style>
 * elements — tried: the app breaks without 'unsafe-inline' styles), so /app/ allows those.
 * The cadre console at /console/ (Vite's build: scripts from files) gets the same policy: Ant
 * Design writes its styles into <style> elements at run time.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { Context, Next } from 'koa';

/**
 * Answers anyone may cache: reads (GET, HEAD) of these paths, nothing personal in them. Everything
 * else under /api and /simulator is no-store — also a POST to a public path, which may echo what
 * was sent (the form check repeats the full ID number and phone).
 */
const PUBLIC_PATHS = [/^\/api\/public\//, /^\/api\/forms\//, /^\/api\/app\/config$/];
const isPublic = (ctx: Context) => (ctx.method === 'GET' || ctx.method === 'HEAD') && PUBLIC_PATHS.some((p) => p.test(ctx.path));
const PRIVATE_PATHS = /^\/(api|simulator)(\/|$)/;

const COMMON = ["base-uri 'none'", "object-src 'none'", "frame-ancestors 'none'", "form-action 'self'"];

/** The h5 app: its own scripts (and the build's inline ones, by hash); Taro's run-time inline styles; photos previewed and read from blob: URLs. */
function appPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes.map((h) => `'${h}'`)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // the page reads a picked photo back from its own blob: URL before uploading it
    "connect-src 'self' blob:",
    ...COMMON,
  ].join('; ');
}

/** sha256-… of each inline <script> of an HTML page, as CSP wants them. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => `sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}`);
}

/** The inline scripts' hashes of the h5 build's index.html, read again when the file changes (a rebuild). */
function buildHashes(indexHtml: string): () => string[] {
  let seen = { mtimeMs: -1, hashes: [] as string[] };
  return () => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(indexHtml).mtimeMs;
    } catch {
      return []; // not built: /app/ answers a page without scripts
    }
    if (mtimeMs !== seen.mtimeMs) seen = { mtimeMs, hashes: inlineScriptHashes(readFileSync(indexHtml, 'utf8')) };
    return seen.hashes;
  };
}

function pagePolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    ...COMMON,
  ].join('; ');
}

/** An answer no page of ours asked a nonce for (JSON, a file, koa's error text): no inline script or style at all. */
const NO_INLINE_POLICY = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'none'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  ...COMMON,
].join('; ');

/**
 * ctx.state.cspNonce, made when first read: a page that writes inline script or style reads it
 * (cspNonce(), or ctx.state.cspNonce directly as the simulator does) and its policy allows it; the
 * many answers that never read it — every JSON answer — cost no random bytes and get NO_INLINE_POLICY.
 */
function lazyNonce(state: Record<string, unknown>): { made(): string | undefined } {
  let nonce: string | undefined;
  Object.defineProperty(state, 'cspNonce', {
    configurable: true,
    enumerable: true,
    get: () => (nonce ??= randomBytes(16).toString('base64')),
    set: (value: unknown) => void (nonce = String(value)),
  });
  return { made: () => nonce };
}

const APP_PATH = /^\/app(\/|$)/;
const CONSOLE_PATH = /^\/console(\/|$)/;

/** `appIndexHtml`, `consoleIndexHtml`: the h5 build's and the console's index.html, whose inline scripts /app/ and /console/ allow. */
export function securityHeaders(opts: { appIndexHtml: string; consoleIndexHtml: string }) {
  const appHashes = buildHashes(opts.appIndexHtml);
  const consoleHashes = buildHashes(opts.consoleIndexHtml);
  return async (ctx: Context, next: Next) => {
    const nonce = lazyNonce(ctx.state);
    try {
      await next();
    } finally {
      const path = ctx.path;
      const made = nonce.made();
      const policy = APP_PATH.test(path) ? appPolicy(appHashes()) : CONSOLE_PATH.test(path) ? appPolicy(consoleHashes()) : made ? pagePolicy(made) : NO_INLINE_POLICY;
      ctx.set('Content-Security-Policy', policy);
      ctx.set('X-Frame-Options', 'DENY');
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('Referrer-Policy', 'no-referrer');
      if (PRIVATE_PATHS.test(path) && !isPublic(ctx)) ctx.set('Cache-Control', 'no-store');
    }
  };
}

/** The nonce the current answer's CSP allows for inline <script> and <style>. */
export function cspNonce(ctx: Context): string {
  return String(ctx.state['cspNonce'] ?? '');
}
