/**
 * The outbox, as the bots drain it (BOT_TOKEN). A bot names its WeChat account with `puppet` and
 * `accountId` (the channel `${puppet}:${accountId}`, as on inbound calls) and gets only that
 * account's messages:
 *   GET  /api/bot/outbox?puppet=&accountId=&wait=25&limit=10&skip=broadcast
 *        long-poll: answers as soon as messages are deliverable, or after `wait` seconds with none
 *        → { messages: [{ id, targetType: 'contact'|'room', targetId, kind, text, attempts, content? }], leaseSeconds }
 *        A login code's text is unsealed here, for the bot alone (server/core/outbox/sealed-text.ts); one
 *        whose code has expired is not handed out (it becomes 'expired').
 *        The messages are leased to the caller for leaseSeconds; say them in order. `content`: an
 *        image, link card or mini-program card instead of the text. `skip`: kinds the bot will
 *        not say now (a daily cap reached) — they stay queued. A bot that skips every kind is
 *        answered after `wait` without a look at the database: at its caps it costs nothing.
 *   GET  /api/bot/outbox/:id/media             an image message's bytes
 *   GET  /api/bot/outbox/sent-today?puppet=&accountId=  → { date, counts: { kind: n } }: what this
 *        account said today (China time), so a restarted bot keeps to its daily caps
 *   POST /api/bot/outbox/:id/ack               said: { id, status: 'sent' } (idempotent)
 *   POST /api/bot/outbox/ack { ids: [...] }    many said at once → { acked: [{ id, status }] } (unknown ids left out)
 *   POST /api/bot/outbox/:id/fail { error }    not said: retried with backoff, a dead letter after OUTBOX_MAX_ATTEMPTS
 *   POST /api/bot/outbox/:id/release { retryAt? }  not tried (stopping, a daily cap): deliverable again at once or from retryAt
 */
import Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { requireBotToken } from '../../core/auth/tokens';
import { HttpError, notFound, parseOr400 } from '../../http/errors';
import { ackMessage, ackMessages, failMessage, leaseMessages, mayLease, releaseMessage, type LeasedMessage } from '../../core/outbox/delivery';
import { OUTBOX_KINDS, type OutboxPayload } from '../../core/outbox/enqueue';
import { revealSealedTexts } from '../../core/outbox/sealed-text';
import { botKey } from '../../core/auth/bot-keys';
import { botChannel } from '../../core/notify/channels';
import { shanghaiDate, startOfShanghaiDay } from '../../../flows/china-time';
import type { AppDeps } from '../../deps';
import { clockOf } from '../../core/clock';

/** How often a waiting long-poll looks again (a commit elsewhere cannot wake it directly). */
const POLL_INTERVAL_MS = 300;
const MAX_WAIT_SECONDS = 30;

const Query = z.object({
  puppet: z.string().trim().min(1).max(100),
  accountId: z.string().trim().min(1).max(200),
  wait: z.coerce.number().int().min(0).max(MAX_WAIT_SECONDS).default(25),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  skip: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean))
    .pipe(z.array(z.enum(OUTBOX_KINDS))),
});
const Account = z.object({ puppet: z.string().trim().min(1).max(100), accountId: z.string().trim().min(1).max(200) });
const Id = z.string().trim().min(1).max(100);
const AckBody = z.object({ ids: z.array(Id).min(1).max(100) });
const FailBody = z.object({ error: z.string().max(2000).default('unknown error') });
const ReleaseBody = z.object({ retryAt: z.iso.datetime({ offset: true }).optional() });

export function botOutboxRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const settings = deps.config.outbox;
  const bot = requireBotToken(deps.config.botToken);
  const sealKey = botKey(deps.config.botToken, 'login-code-seal');

  router.get('/api/bot/outbox', bot, async (ctx) => {
    const q = parseOr400(Query, ctx.query);
    const channel = botChannel(q);
    const gone = clientGone(ctx);
    const until = Date.now() + q.wait * 1000;
    let messages: LeasedMessage[] = [];
    if (!mayLease(q.skip)) {
      // every daily cap reached: nothing to hand out until tomorrow, and nothing to look up
      await pause(until - Date.now(), gone);
      if (gone.aborted) return;
      ctx.body = { messages, leaseSeconds: settings.leaseSeconds };
      return;
    }
    for (;;) {
      if (gone.aborted) return; // nobody to hand them to: lease nothing
      messages = await revealSealedTexts(deps.prisma, sealKey, await leaseMessages(deps.prisma, channel, q.limit, now(), settings, q.skip), now());
      if (messages.length > 0 || Date.now() >= until) break;
      await pause(Math.min(POLL_INTERVAL_MS, until - Date.now()), gone);
    }
    ctx.body = { messages, leaseSeconds: settings.leaseSeconds };
  });

  router.get('/api/bot/outbox/sent-today', bot, async (ctx) => {
    const q = parseOr400(Account, ctx.query);
    const at = now();
    const rows = await deps.prisma.outbox.groupBy({ by: ['kind'], where: { channel: botChannel(q), status: 'sent', sentAt: { gte: startOfShanghaiDay(at) } }, _count: { _all: true } });
    ctx.body = { date: shanghaiDate(at), counts: Object.fromEntries(rows.map((r) => [r.kind, r._count._all])) };
  });

  // The bytes of an image message, for the bot that says it (never to a cadre or anyone else).
  router.get('/api/bot/outbox/:id/media', bot, async (ctx) => {
    const row = await deps.prisma.outbox.findUnique({ where: { id: parseOr400(Id, ctx.params.id, 'id') }, select: { payload: true } });
    const content = (row?.payload as OutboxPayload | undefined)?.content;
    if (!row || content?.type !== 'image') throw notFound('outbox image');
    const doc = await deps.prisma.document.findUnique({ where: { id: content.documentId } });
    const stream = doc ? await deps.store.open(doc.storageKey) : undefined;
    if (!doc || !stream) throw new HttpError(410, 'gone', 'the image is no longer stored');
    ctx.set('Content-Type', doc.mime);
    ctx.set('Content-Length', String(doc.size));
    ctx.body = stream;
  });

  router.post('/api/bot/outbox/:id/ack', bot, async (ctx) => {
    // said: a login code's sealed text goes with it (delivery.ts)
    const row = await ackMessage(deps.prisma, parseOr400(Id, ctx.params.id, 'id'), now());
    if (!row) throw notFound('outbox message');
    ctx.body = row;
  });

  router.post('/api/bot/outbox/ack', bot, async (ctx) => {
    const body = parseOr400(AckBody, ctx.request.body ?? {});
    ctx.body = { acked: await ackMessages(deps.prisma, [...new Set(body.ids)], now()) };
  });

  router.post('/api/bot/outbox/:id/fail', bot, async (ctx) => {
    const body = parseOr400(FailBody, ctx.request.body ?? {});
    const row = await failMessage(deps.prisma, parseOr400(Id, ctx.params.id, 'id'), body.error, now(), settings);
    if (!row) throw notFound('outbox message');
    if (row.status === 'dead') deps.log.warn('outbox message is a dead letter', { id: row.id, attempts: row.attempts });
    ctx.body = row;
  });

  router.post('/api/bot/outbox/:id/release', bot, async (ctx) => {
    const body = parseOr400(ReleaseBody, ctx.request.body ?? {});
    const row = await releaseMessage(deps.prisma, parseOr400(Id, ctx.params.id, 'id'), now(), body.retryAt ? new Date(body.retryAt) : undefined);
    if (!row) throw notFound('outbox message');
    ctx.body = row;
  });
  return router;
}

/** Aborted when the bot hangs up (it stopped, or its request timed out). */
function clientGone(ctx: Context): AbortSignal {
  // the response's 'close' (not the request's, which fires once its body is read) means the connection is done
  const controller = new AbortController();
  ctx.res.once('close', () => controller.abort());
  return controller.signal;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal.addEventListener('abort', done);
  });
}
