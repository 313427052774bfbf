/**
 * POST /api/bot/inbound — the gateway hands over one WeChat message and gets the replies to say.
 * JSON for text; multipart (a `meta` JSON part + a `file` part) for image/file/audio/video;
 * JSON `{ type: "unsupported", kind }` for what cannot be read (a sticker, a link, a location, a
 * contact or mini-program card): answered with a polite request to type or take a photo and the
 * question the villager is at; nothing else changes (the conversation stays where it was).
 */
import Router from '@koa/router';
import multer from '@koa/multer';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Inbound, Lang, UploadRef } from '../../../flows/engine/types';
import { t } from '../../../flows/i18n';
import { handleInbound, type InboundEnvelope } from '../conversation/runtime';
import { questionToRepeat } from '../conversation/remind';
import { sniffMime, DOCUMENT_MIME_TYPES, unsupportedTypeKey } from '../../core/documents/sniff';
import { IMAGE_REFUSAL_STATUS, imageRefusal } from '../../core/documents/pixels';
import { controlCharsError, findControlChars, refuseMultipartControlChars, stripFields, WECHAT_NAME_FIELDS } from '../../http/control-chars';
import { badRequest, HttpError, parseOr400 } from '../../http/errors';
import { tooDeepAt, tooDeepError } from '../../http/json-depth';
import { requireBotToken } from '../../core/auth/tokens';
import type { UploadGuard } from '../../core/documents/upload-guard';
import { safeFileName } from '../../core/documents/attach';
import { botChannel, UNNAMED_BOT_CHANNEL } from '../../core/notify/channels';
import type { AppDeps } from '../../deps';
import { nowOf } from '../../core/clock';

const Envelope = z.object({
  messageId: z.string().trim().min(1).max(200),
  bot: z.object({ puppet: z.string().trim().min(1).max(100), accountId: z.string().trim().min(1).max(200) }).optional(),
  from: z.object({ id: z.string().trim().min(1).max(200), name: z.string().max(200).default(''), alias: z.string().max(200).optional() }),
  room: z.object({ id: z.string().trim().min(1).max(200), topic: z.string().max(200).default('') }).optional(),
});
export const MAX_TEXT_LENGTH = 4000;
const TextMessage = Envelope.extend({ type: z.literal('text'), text: z.string().max(MAX_TEXT_LENGTH) });
const MediaMeta = Envelope.extend({ type: z.enum(['image', 'file', 'audio', 'video']) });
const UnsupportedMessage = Envelope.extend({ type: z.literal('unsupported'), kind: z.enum(['emoticon', 'url', 'location', 'contact', 'miniprogram', 'other']) });

/** The channel a call is heard on: its bot's WeChat account (core/notify/channels.ts). */
function channelOf(bot: { puppet: string; accountId: string } | undefined): string {
  return bot ? botChannel(bot) : UNNAMED_BOT_CHANNEL;
}

export function botInboundRouter(deps: AppDeps, guard: UploadGuard): Router {
  const router = new Router();
  // defParamCharset: WeChat and browsers send UTF-8 file names; multer assumes latin1 by default.
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 5, fieldSize: 64 * 1024 }, defParamCharset: 'utf8' } as multer.Options);

  router.post('/api/bot/inbound', requireBotToken(deps.config.botToken), async (ctx) => {
    if (ctx.is('multipart/form-data')) {
      // one of the upload places (server/core/documents/upload-guard.ts) while the body is in memory:
      // read, checked and stored; the turn runs after, with the place free (the bot retries a 503)
      const media = await guard.withBody(deps.config.defaultLang, () => receiveMultipart(ctx, deps, upload));
      const result = await handleInbound(deps.prisma, media, turnOptions(deps));
      ctx.body = { replies: result.replies };
    } else if (ctx.is('application/json')) {
      const body = (ctx.request as { body?: unknown }).body;
      if ((body as { type?: unknown } | undefined)?.type === 'unsupported') {
        const msg = parseOr400(UnsupportedMessage, body);
        const lang = await contactLang(deps, channelOf(msg.bot), msg.from.id);
        // …then the question the villager is at, so they know what to type
        const question = await questionToRepeat(deps.prisma, channelOf(msg.bot), msg.from.id, nowOf(deps));
        ctx.body = { replies: [t(lang, 'server.unsupported'), ...(question ? [question] : [])].map((text) => ({ type: 'text', text })) };
        return;
      }
      await refuseOverlongText(deps, body);
      const msg = parseOr400(TextMessage, body);
      const result = await handleInbound(
        deps.prisma,
        { channel: channelOf(msg.bot), messageId: msg.messageId, from: msg.from, ...(msg.room ? { room: msg.room } : {}), inbound: { kind: 'text', text: msg.text } },
        turnOptions(deps),
      );
      ctx.body = { replies: result.replies };
    } else {
      throw new HttpError(415, 'unsupported_media_type', 'send application/json for text or multipart/form-data for media');
    }
  });
  return router;
}

/** Reads, checks and stores the media; answers the turn to run. The body is let go of before it returns. */
async function receiveMultipart(ctx: Context, deps: AppDeps, multipart: ReturnType<typeof multer>): Promise<InboundEnvelope> {
  try {
    await multipart.single('file')(ctx as never, async () => {});
  } catch (err) {
    if ((err as { code?: string }).code === 'LIMIT_FILE_SIZE') {
      const lang = await langFromPartialMeta(ctx, deps);
      throw new HttpError(413, 'too_large', `file: larger than ${deps.config.maxUploadBytes} bytes`, 'file', {
        replies: [{ type: 'text', text: t(lang, 'media.too_large', { mb: Math.floor(deps.config.maxUploadBytes / 1024 / 1024) }) }],
      });
    }
    throw badRequest(`multipart: ${(err as Error).message}`);
  }
  // every text part but meta, which is parsed and checked below with its names stripped
  refuseMultipartControlChars(ctx, deps.config.defaultLang, ['meta']);
  const body = (ctx.request as { body?: Record<string, unknown> }).body ?? {};
  let metaJson: unknown;
  try {
    metaJson = JSON.parse(String(body.meta ?? ''));
  } catch {
    throw badRequest('meta: must be a JSON object', 'meta');
  }
  // the meta part is multipart, past the JSON-body checks: nesting bounded, names stripped, other controls refused
  const deep = tooDeepAt(metaJson);
  if (deep !== undefined) throw tooDeepError(deps.config.defaultLang, `meta.${deep}`.replace(/\.body$/, ''));
  stripFields(metaJson, WECHAT_NAME_FIELDS);
  const badField = findControlChars(metaJson);
  if (badField !== undefined) throw controlCharsError(deps.config.defaultLang, `meta.${badField}`);
  const meta = parseOr400(MediaMeta, metaJson, 'meta');
  const file = (ctx as unknown as { file?: { buffer: Buffer; originalname?: string } }).file;
  if (!file || file.buffer.length === 0) throw badRequest('file: a non-empty file part is required', 'file');

  const channel = channelOf(meta.bot);
  const mime = sniffMime(file.buffer);
  let upload: UploadRef;
  if (meta.type === 'audio') {
    // Voice is answered with a request to type; it is not kept as a document.
    upload = { sha256: '', mime: mime ?? 'audio/unknown', size: file.buffer.length, storageKey: '' };
  } else {
    if (!mime || !DOCUMENT_MIME_TYPES.has(mime)) {
      const lang = await contactLang(deps, channel, meta.from.id);
      throw new HttpError(415, 'unsupported_media_type', `file: type ${mime ?? 'unknown'} is not accepted`, 'file', {
        replies: [{ type: 'text', text: t(lang, unsupportedTypeKey(mime)) }],
      });
    }
    const refusal = imageRefusal(file.buffer, mime, deps.config.maxImagePixels);
    if (refusal) {
      const lang = await contactLang(deps, channel, meta.from.id);
      const why = refusal === 'too_many_pixels' ? `an image of more than ${deps.config.maxImagePixels} pixels` : 'an image whose size cannot be read from its header';
      throw new HttpError(IMAGE_REFUSAL_STATUS[refusal], refusal, `file: ${why}`, 'file', {
        replies: [{ type: 'text', text: t(lang, `media.${refusal}`) }],
      });
    }
    const stored = await deps.store.put(file.buffer);
    upload = { ...stored, mime, fileName: file.originalname ? safeFileName(file.originalname) : undefined };
  }
  // the bytes are stored: drop multer's references so the buffer is not held through the turn
  const held = ctx as unknown as { file?: unknown; request: { file?: unknown } };
  delete held.file;
  delete held.request.file;
  const inbound: Inbound = { kind: 'media', mediaType: meta.type, upload };
  return { channel, messageId: meta.messageId, from: meta.from, ...(meta.room ? { room: meta.room } : {}), inbound };
}

/** What a chat turn needs from the configuration, texts and media alike (the binding-code and ID+phone budgets among them). */
const turnOptions = (deps: AppDeps) => ({
  sql: deps.sql,
  log: deps.log,
  now: deps.now,
  defaultLang: deps.config.defaultLang,
  workflow: deps.config.workflow,
  bindingAttemptsPerHour: deps.config.auth.bindingAttemptsPerHour,
  identityChecks: { keyring: deps.keyring, perHour: deps.config.auth.identityChecksPerHour },
  publicBaseUrl: deps.config.notices.publicBaseUrl,
});

// built once: building a zod schema per request cost ~5% of a step's server CPU (bench/README.md)
const OverlongText = Envelope.extend({ type: z.literal('text'), text: z.string().min(MAX_TEXT_LENGTH + 1) });

/** A villager who pastes a very long text is asked, in their language, to send it in parts. */
async function refuseOverlongText(deps: AppDeps, body: unknown) {
  // nearly every text is short: zod's failing parse (its issues, its error) is not paid for those
  const text = body !== null && typeof body === 'object' ? (body as { text?: unknown }).text : undefined;
  if (typeof text !== 'string' || text.length <= MAX_TEXT_LENGTH) return;
  const long = OverlongText.safeParse(body);
  if (!long.success) return;
  const lang = await contactLang(deps, channelOf(long.data.bot), long.data.from.id);
  throw new HttpError(400, 'bad_request', `text: longer than ${MAX_TEXT_LENGTH} characters`, 'text', {
    replies: [{ type: 'text', text: t(lang, 'server.too_long') }],
  });
}


async function contactLang(deps: AppDeps, channel: string, externalId: string): Promise<Lang> {
  const contact = await deps.prisma.contact.findUnique({ where: { channel_externalId: { channel, externalId } }, select: { lang: true } });
  return (contact?.lang as Lang | undefined) ?? deps.config.defaultLang;
}

async function langFromPartialMeta(ctx: Context, deps: AppDeps): Promise<Lang> {
  try {
    const meta = MediaMeta.parse(JSON.parse(String(((ctx.request as { body?: Record<string, unknown> }).body ?? {}).meta)));
    return await contactLang(deps, channelOf(meta.bot), meta.from.id);
  } catch {
    return deps.config.defaultLang;
  }
}
