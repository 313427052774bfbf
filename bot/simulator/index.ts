/**
 * A browser stand-in for WeChat while the bot runs on the mock puppet: a person plays a villager
 * (each display name is one mock contact, so two tabs can be two villagers), or speaks in a
 * mock group with ?room=村工作群. Development only: mount it when createPuppet() returned a mocker.
 *
 *   GET  /simulator                       the chat page (?as=张大爷&room=…&lang=en)
 *   POST /simulator/api/send              JSON { as, room?, text } or multipart as, room?, file
 *   GET  /simulator/api/messages          ?as=…&room=…&after=N → { messages } with index > N
 *   GET  /simulator/api/media/:id         the file of a mock message
 */
import { bodyParser } from '@koa/bodyparser';
import multer from '@koa/multer';
import Router from '@koa/router';
import { z } from 'zod';
import type { mock } from 'wechaty-puppet-mock';
import { botT } from '../i18n';
import { MockChats } from './chats';
import { renderPage } from './page';

export interface SimulatorOptions {
  mocker: mock.Mocker;
  /** The bot's mock contact id; default: whoever the mock puppet is logged in as. */
  botUserId?: string;
}

export const DEFAULT_VILLAGER = '张大爷';

const Who = z.object({
  as: z.string().trim().min(1).max(40).catch(DEFAULT_VILLAGER),
  room: z.string().trim().max(40).optional().catch(undefined).transform((r) => r || undefined),
});
const Send = Who.extend({ text: z.string().trim().max(4000).optional() });
const After = z.coerce.number().int().min(0).catch(0);

export function createSimulatorRouter({ mocker, botUserId }: SimulatorOptions): Router {
  const chats = new MockChats(mocker, botUserId);
  // utf8: browsers send raw UTF-8 file names ("病历.jpg"), multer assumes latin1 by default
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 20 << 20 }, defParamCharset: 'utf8' } as multer.Options);
  const router = new Router();

  router.get('/simulator', (ctx) => {
    const lang = ctx.query['lang'] === 'en' ? 'en' : 'zh-CN';
    const { as, room } = Who.parse({ as: ctx.query['as'], room: ctx.query['room'] });
    const botName = chats.bot()?.payload.name ?? '';
    ctx.type = 'html';
    ctx.body = renderPage({ lang, t: botT(lang), as, ...(room ? { room } : {}), botName });
  });

  router.post('/simulator/api/send', bodyParser(), upload.single('file'), (ctx) => {
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
    if (!media) return; // koa answers 404
    ctx.type = media.mimeType;
    ctx.set('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(media.name)}`);
    ctx.body = media.bytes;
  });

  return router;
}
