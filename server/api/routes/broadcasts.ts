/**
 * Publicity for the county office and the town offices (a town only within its own town):
 *   POST /api/broadcasts/images (multipart `file`)        → 201 { documentId, mime, size }   an image to send
 *   GET  /api/broadcasts/images/:documentId               → the image's bytes (any cadre: it is publicity)
 *   POST /api/broadcasts/preview { target }               → { count, sample: [{ kind, name (masked), village }] } whom it would reach now
 *   POST /api/broadcasts { title?, content, target }      → 201 broadcast (a draft, with `audience`: whom it would reach now)
 *   POST /api/broadcasts/:id/send { at? }                 → broadcast: started now, or scheduled for `at`
 *   POST /api/broadcasts/:id/cancel                       → broadcast: what is not yet said is not said
 *   GET  /api/broadcasts?status=&page=&pageSize=          → { items, total, page, pageSize }, newest first
 *   GET  /api/broadcasts/:id                              → broadcast with counts (queued, sent, failed, cancelled, optedOut)
 *   GET  /api/broadcasts/:id/deliveries?status=&page=     → per recipient: status, attempts, last error
 * Content and target: server/core/broadcasts/content.ts. Reading: any cadre, for broadcasts of their
 * region's subtree (the auditor: all); composing, sending, cancelling: the county and town offices.
 */
import Router from '@koa/router';
import multer from '@koa/multer';
import type { Context } from 'koa';
import { z } from 'zod';
import { cadreOf, requireCadre, requireRole } from '../../core/auth/cadre';
import { MAY } from '../../core/auth/permissions';
import { BROADCAST_IMAGE_TYPES, BROADCAST_STATUSES, BroadcastContent, BroadcastTarget } from '../../core/broadcasts/content';
import { cancelBroadcastOf, composeBroadcast, previewAudience, sendBroadcast, visibleBroadcast, type BroadcastRow } from '../../core/broadcasts/compose';
import { broadcastCounts, settleBroadcasts } from '../../core/broadcasts/lifecycle';
import { countRecipients } from '../../core/broadcasts/recipients';
import { attachDocument } from '../../core/documents/attach';
import { DOCUMENT_KIND } from '../../core/documents/kinds';
import { sniffMime } from '../../core/documents/sniff';
import { IMAGE_REFUSAL_STATUS, imageRefusal } from '../../core/documents/pixels';
import type { Prisma } from '../../generated/prisma/client';
import { badRequest, HttpError, notFound, parseOr400 } from '../../http/errors';
import { refuseMultipartControlChars } from '../../http/control-chars';
import { RegionTree } from '../../core/regions/tree';
import type { UploadGuard } from '../../core/documents/upload-guard';
import type { AppDeps } from '../../deps';
import { clockOf } from '../../core/clock';

/** WeChat shows larger images poorly, and every recipient downloads it. */
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

const Id = z.string().trim().regex(/^[a-z0-9]{10,40}$/, 'must be a broadcast id');
const DocumentId = z.string().trim().regex(/^[a-z0-9]{10,40}$/, 'must be an image id');
const ComposeBody = z.object({
  title: z.string().trim().min(1).max(100).optional(),
  content: BroadcastContent,
  target: BroadcastTarget,
});
const PreviewBody = z.strictObject({ target: BroadcastTarget });
const SendBody = z.object({ at: z.iso.datetime({ offset: true, message: 'must be a date and time such as 2026-07-21T09:00:00+08:00' }).optional() });
const ListQuery = z.object({
  status: z.enum(BROADCAST_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const DELIVERY_STATUSES = { queued: 'pending', sent: 'sent', failed: 'dead', cancelled: 'cancelled', optedOut: 'skipped' } as const;
const DeliveriesQuery = z.object({
  status: z.enum(Object.keys(DELIVERY_STATUSES) as [keyof typeof DELIVERY_STATUSES]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export function broadcastsRouter(deps: AppDeps, guard: UploadGuard): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now);
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: Math.min(MAX_IMAGE_BYTES, deps.config.maxUploadBytes), files: 1, fields: 2 } } as multer.Options);

  /** A broadcast the caller may see (outside their region: 404, as for cases). */
  const visible = (ctx: Context): Promise<BroadcastRow> => visibleBroadcast(deps.prisma, cadreOf(ctx), parseOr400(Id, ctx.params.id, 'id'));

  async function view(b: BroadcastRow) {
    const counts = (await broadcastCounts(deps.prisma, [b.id])).get(b.id)!;
    const waiting = b.status === 'draft' || b.status === 'scheduled';
    const audience = waiting ? await countRecipients(deps.prisma, await RegionTree.load(deps.prisma), BroadcastTarget.parse(b.target)) : undefined;
    return present(b, counts, audience);
  }

  router.post('/api/broadcasts/images', auth, async (ctx) => {
    requireRole(cadreOf(ctx), MAY.sendBroadcasts, 'send broadcasts');
    if (!ctx.is('multipart/form-data')) throw new HttpError(415, 'unsupported_media_type', 'send the image as multipart/form-data with a `file` part');
    // the image is held in memory while it is checked: one of the upload places (server/core/documents/upload-guard.ts)
    const doc = await guard.withBody(deps.config.defaultLang, async () => {
      try {
        await upload.single('file')(ctx as never, async () => {});
      } catch (err) {
        if ((err as { code?: string }).code === 'LIMIT_FILE_SIZE') throw new HttpError(413, 'too_large', `file: larger than ${Math.min(MAX_IMAGE_BYTES, deps.config.maxUploadBytes)} bytes`, 'file');
        throw badRequest(`multipart: ${(err as Error).message}`);
      }
      refuseMultipartControlChars(ctx, deps.config.defaultLang);
      const file = (ctx as unknown as { file?: { buffer: Buffer } }).file;
      if (!file || file.buffer.length === 0) throw badRequest('file: a non-empty file part is required', 'file');
      const mime = sniffMime(file.buffer);
      if (!mime || !BROADCAST_IMAGE_TYPES.has(mime)) throw new HttpError(415, 'unsupported_media_type', `file: type ${mime ?? 'unknown'} is not an image WeChat shows (JPEG, PNG, GIF, WebP)`, 'file');
      const refusal = imageRefusal(file.buffer, mime, deps.config.maxImagePixels);
      if (refusal === 'too_many_pixels') throw new HttpError(413, refusal, `file: an image of more than ${deps.config.maxImagePixels} pixels (MAX_IMAGE_PIXELS)`, 'file');
      if (refusal) throw new HttpError(IMAGE_REFUSAL_STATUS[refusal], refusal, 'file: an image whose size cannot be read from its header', 'file');
      const stored = await deps.store.put(file.buffer);
      return attachDocument(deps.prisma, { ...stored, mime, kind: DOCUMENT_KIND.broadcastImage, at: now() });
    });
    ctx.status = 201;
    ctx.body = { documentId: doc.id, mime: doc.mime, size: doc.size };
  });

  router.get('/api/broadcasts/images/:documentId', auth, async (ctx) => {
    const id = parseOr400(DocumentId, ctx.params.documentId, 'documentId');
    const doc = await deps.prisma.document.findUnique({ where: { id } });
    const stream = doc?.kind === DOCUMENT_KIND.broadcastImage ? await deps.store.open(doc.storageKey) : undefined;
    if (!doc || !stream) throw notFound('image');
    ctx.set('Content-Type', doc.mime);
    ctx.set('Content-Length', String(doc.size));
    ctx.body = stream;
  });

  router.post('/api/broadcasts/preview', auth, async (ctx) => {
    const body = parseOr400(PreviewBody, ctx.request.body ?? {});
    ctx.body = await previewAudience(deps.prisma, cadreOf(ctx), body.target);
  });

  router.post('/api/broadcasts', auth, async (ctx) => {
    const body = parseOr400(ComposeBody, ctx.request.body ?? {});
    const created = await composeBroadcast(deps.prisma, cadreOf(ctx), body, now());
    ctx.status = 201;
    ctx.body = await view(created);
  });

  router.get('/api/broadcasts', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    const q = parseOr400(ListQuery, ctx.query);
    const where: Prisma.BroadcastWhereInput = {
      ...(q.status ? { status: q.status } : {}),
      ...(actor.regionIds ? { regionId: { in: [...actor.regionIds] } } : {}),
    };
    const [total, rows] = await Promise.all([
      deps.prisma.broadcast.count({ where }),
      deps.prisma.broadcast.findMany({ where, include: { region: true, author: true }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    ]);
    await settleBroadcasts(deps.prisma, now(), rows.filter((r) => r.status === 'sending').map((r) => r.id));
    const settled = await deps.prisma.broadcast.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true, status: true, finishedAt: true } });
    const latest = new Map(settled.map((s) => [s.id, s]));
    const counts = await broadcastCounts(deps.prisma, rows.map((r) => r.id));
    ctx.body = { items: rows.map((r) => present({ ...r, ...latest.get(r.id) }, counts.get(r.id)!)), total, page: q.page, pageSize: q.pageSize };
  });

  router.get('/api/broadcasts/:id', auth, async (ctx) => {
    const b = await visible(ctx);
    // nothing left queued: it is done (the job says so too, within a minute)
    const settled = b.status === 'sending' && (await settleBroadcasts(deps.prisma, now(), [b.id])) > 0;
    ctx.body = await view(settled ? await visible(ctx) : b);
  });

  router.get('/api/broadcasts/:id/deliveries', auth, async (ctx) => {
    const b = await visible(ctx);
    const q = parseOr400(DeliveriesQuery, ctx.query);
    const where: Prisma.OutboxWhereInput = { broadcastId: b.id, ...(q.status ? { status: DELIVERY_STATUSES[q.status] } : {}) };
    const [total, rows] = await Promise.all([
      deps.prisma.outbox.count({ where }),
      deps.prisma.outbox.findMany({ where, orderBy: { seq: 'asc' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    ]);
    const names = await targetNames(deps, rows);
    const statusName = Object.fromEntries(Object.entries(DELIVERY_STATUSES).map(([k, v]) => [v, k]));
    ctx.body = {
      items: rows.map((r) => ({
        id: r.id,
        targetType: r.targetType,
        ...names.get(`${r.targetType}:${r.channel}:${r.targetId}`),
        status: statusName[r.status] ?? r.status,
        attempts: r.attempts,
        lastError: r.lastError,
        sentAt: r.sentAt,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  });

  router.post('/api/broadcasts/:id/send', auth, async (ctx) => {
    const id = parseOr400(Id, ctx.params.id, 'id');
    const body = parseOr400(SendBody, ctx.request.body ?? {});
    await sendBroadcast(deps.prisma, cadreOf(ctx), id, body.at ? new Date(body.at) : undefined, now());
    ctx.body = await view(await visible(ctx));
  });

  router.post('/api/broadcasts/:id/cancel', auth, async (ctx) => {
    await cancelBroadcastOf(deps.prisma, cadreOf(ctx), parseOr400(Id, ctx.params.id, 'id'), now());
    ctx.body = await view(await visible(ctx));
  });

  return router;
}

/** Names to show for the targets: a villager's WeChat name and village, a work group's topic. */
async function targetNames(deps: AppDeps, rows: { targetType: string; channel: string | null; targetId: string }[]) {
  const out = new Map<string, { name: string; village?: string }>();
  const contacts = rows.filter((r) => r.targetType === 'contact' && r.channel);
  const rooms = rows.filter((r) => r.targetType === 'room' && r.channel);
  if (contacts.length) {
    const found = await deps.prisma.contact.findMany({
      where: { OR: contacts.map((r) => ({ channel: r.channel!, externalId: r.targetId })) },
      select: { channel: true, externalId: true, name: true, household: { select: { village: { select: { name: true } } } } },
    });
    for (const c of found) out.set(`contact:${c.channel}:${c.externalId}`, { name: c.name, ...(c.household ? { village: c.household.village.name } : {}) });
  }
  if (rooms.length) {
    const found = await deps.prisma.roomBinding.findMany({ where: { OR: rooms.map((r) => ({ channel: r.channel!, roomId: r.targetId })) }, include: { region: true } });
    for (const r of found) out.set(`room:${r.channel}:${r.roomId}`, { name: r.topic, village: r.region.name });
  }
  return out;
}

function present(b: BroadcastRow, counts: object, audience?: number) {
  return {
    id: b.id,
    title: b.title,
    status: b.status,
    contentKind: b.contentKind,
    content: b.content,
    target: b.target,
    region: { code: b.region.code, name: b.region.name },
    author: b.author ? { id: b.author.id, name: b.author.name } : null,
    createdAt: b.createdAt,
    scheduledAt: b.scheduledAt,
    startedAt: b.startedAt,
    finishedAt: b.finishedAt,
    cancelledAt: b.cancelledAt,
    counts,
    ...(audience !== undefined ? { audience } : {}),
  };
}
