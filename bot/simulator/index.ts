/**
 * A browser stand-in for WeChat while the bot runs on the mock puppet: a person plays a villager
 * (each display name is one mock contact, so two tabs can be two villagers), or speaks in a
 * mock group with ?room=村工作群. Development only: anyone who opens it reads any villager's
 * chat, so start/embedded.ts mounts it only on a loopback HOST outside production (SIMULATOR).
 *
 *   GET  /simulator                       the chat page (?as=张大爷&room=…&lang=en)
 *   POST /simulator/api/send              JSON { as, room?, text } or multipart as, room?, file
 *   GET  /simulator/api/messages          ?as=…&room=…&after=N → { messages } with index > N
 *   GET  /simulator/api/media/:id         the file of a mock message: a photo shown as its
 *                                         sniffed type, anything else downloaded, never rendered
 */
import { bodyParser } from '@koa/bodyparser';
import multer from '@koa/multer';
import Router from '@koa/router';
import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { z } from 'zod';
import type { mock } from 'wechaty-puppet-mock';
import { sniffMime } from '../../server/core/documents/sniff';
import { botT } from '../i18n';
import { DEFAULT_CHAT_LIMITS, MockChats, type ChatLimits } from './chats';
import { renderPage } from './page';

export interface SimulatorOptions {
  mocker: mock.Mocker;
  /** The bot's mock contact id; default: whoever the mock puppet is logged in as. */
  botUserId?: string;
  /** The largest file the page may send (default 20 MB), and what is kept in memory (chats.ts). */
  limits?: Partial<ChatLimits> & { maxFileBytes?: number };
}

/** Shown in the page as themselves; any other file is a download (an HTML file must never run on this origin). */
const INLINE_IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp']);

export const DEFAULT_VILLAGER = '张大爷';

const Who = z.object({
  as: z.string().trim().min(1).max(40).catch(DEFAULT_VILLAGER),
  room: z.string().trim().max(40).optional().catch(undefined).transform((r) => r || undefined),
});
const Send = Who.extend({ text: z.string().trim().max(4000).optional() });
const After = z.coerce.number().int().min(0).catch(0);

export function createSimulatorRouter({ mocker, botUserId, limits }: SimulatorOptions): Router {
  const chats = new MockChats(mocker, botUserId, { ...DEFAULT_CHAT_LIMITS, ...limits });
  // utf8: browsers send raw UTF-8 file names ("病历.jpg"), multer assumes latin1 by default
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: limits?.maxFileBytes ?? 20 << 20, files: 1 }, defParamCharset: 'utf8' } as multer.Options);
  const router = new Router();

  router.get('/simulator', (ctx) => {
    const lang = ctx.query['lang'] === 'en' ? 'en' : 'zh-CN';
    const { as, room } = Who.parse({ as: ctx.query['as'], room: ctx.query['room'] });
    const botName = chats.bot()?.payload.name ?? '';
    ctx.type = 'html';
    ctx.body = renderPage({ lang, t: botT(lang), as, ...(room ? { room } : {}), botName, nonce: pageNonce(ctx) });
  });

  router.post('/simulator/api/send', bodyParser(), tooLargeAs413, upload.single('file'), (ctx) => {
    const bot = chats.bot();
    if (!bot) {
      ctx.status = 503;
      ctx.body = { error: 'bot not logged in' };
      return;
    }
    const body = Send.safeParse(ctx.request.body ?? {});
    if (!body.success) {
      ctx.status = 400;
      ctx.body = { error: 'text too long' };
      return;
    }
    const { as, room, text } = body.data;
    const file = ctx.request.file as multer.File | undefined;
    if (file) {
      chats.sendFile(bot, as, room, { name: file.originalname, mimeType: file.mimetype, bytes: file.buffer });
    } else if (text) {
      chats.sayText(bot, as, room, text);
    } else {
      ctx.status = 400;
      ctx.body = { error: 'text or file required' };
      return;
    }
    ctx.body = { ok: true };
  });

  router.get('/simulator/api/messages', (ctx) => {
    const { as, room } = Who.parse({ as: ctx.query['as'], room: ctx.query['room'] });
    ctx.body = { messages: chats.messages(as, room, After.parse(ctx.query['after'])) };
  });

  router.get('/simulator/api/media/:id', async (ctx) => {
    const media = await chats.media(ctx.params['id'] ?? '');
    if (!media) return; // koa answers 404 (never sent, or forgotten to keep memory bounded)
    const sniffed = sniffMime(media.bytes);
    const inline = sniffed !== undefined && INLINE_IMAGE_TYPES.has(sniffed);
    ctx.type = inline ? sniffed : 'application/octet-stream';
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(media.name)}`);
    ctx.body = media.bytes;
  });

  return router;
}

/**
 * The CSP nonce for the page's inline script and style: the server's security headers put one
 * in ctx.state (server/http/headers.ts); mounted on its own, the page sets its own policy.
 */
function pageNonce(ctx: Context): string {
  const given = ctx.state['cspNonce'];
  if (typeof given === 'string' && given) return given;
  const nonce = randomBytes(16).toString('base64');
  ctx.set('Content-Security-Policy', `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'self' data: blob:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`);
  return nonce;
}

/** A file over the limit is a 413 with a reason the page shows, not a 500. */
async function tooLargeAs413(ctx: Context, next: () => Promise<unknown>): Promise<void> {
  try {
    await next();
  } catch (err) {
    if ((err as { code?: string }).code !== 'LIMIT_FILE_SIZE') throw err;
    ctx.status = 413;
    ctx.body = { error: 'file too large' };
  }
}
