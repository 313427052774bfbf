/**
 * 公示 lists (server/core/notices):
 *   POST /api/notices { villageId, from, to, nameMask?, includeDecided?, preview? } → 201 notice (stored as posted; preview: 200, nothing stored)
 *   GET  /api/notices?villageId=&from=&to=                                         → { items } newest first (no rows)
 *   GET  /api/notices/:id                                                          → notice with rows, objections per row, public URL, QR (SVG)
 *   POST /api/notices/:id/send                                                     → { notice, broadcast: { id, recipients } }  发到村工作群
 *   POST /api/notices/:id/objections { caseNo, note }                              → 201 { objection: { id, caseNo, noticeId } }
 *   POST /api/notices/:id/withdraw                                                 → { notice }  撤回: the public page is gone
 *   GET  /notice/:id[?lang=en]                                                     → the public page (HTML, no login; print view)
 * villageId: the village's region id or its code. Dates: China dates YYYY-MM-DD. nameMask none: the
 * town and the county office only. Bodies and queries with unknown keys are refused (400 naming it).
 *
 * The public page's address (in the JSON, the QR code, the group message) is built on
 * PUBLIC_BASE_URL — never on the request's Host header, which whoever sends the request chooses. Unset:
 * in development the request's own origin; in production making or sending a notice is refused
 * (409 public_base_url_missing). The page is served until NOTICE_PUBLIC_DAYS after the notice's end
 * day, and not after it is withdrawn (then: the not-found page).
 */
import Router from '@koa/router';
import type { Context } from 'koa';
import QRCode from 'qrcode';
import { z } from 'zod';
import { cadreOf, requireCadre } from '../../core/auth/cadre';
import { NAME_MASKS, DEFAULT_NAME_MASK } from '../../core/notices/mask';
import { listNotices, makeNotice, noticeText, objectionsByRow, publicNotice, recordNoticeObjection, sendNotice, visibleNotice, withdrawNotice, type NoticeRecord } from '../../core/notices/notices';
import { conflict } from '../../core/refusal';
import { noticeNotFoundPage, noticePage } from '../../core/notices/page';
import type { NoticeHeader } from '../../core/notices/words';
import { MAX_OBJECTION_TEXT } from '../../core/workflow/objections';
import { cspNonce } from '../../http/headers';
import { parseOr400 } from '../../http/errors';
import { refusalError } from '../../http/refusal';
import { asLang } from '../../http/lang';
import type { AppDeps } from '../../deps';
import { CaseNo } from './cases';
import { clockOf } from '../../core/clock';
import { TrimmedDay } from '../../core/day';

const Day = TrimmedDay;
const VillageRef = z.string().trim().regex(/^[A-Za-z0-9]{6,40}$/, 'must be a village id or code');
const MakeBody = z.strictObject({
  villageId: VillageRef,
  from: Day,
  to: Day,
  nameMask: z.enum(NAME_MASKS).default(DEFAULT_NAME_MASK),
  includeDecided: z.boolean().default(false),
  preview: z.boolean().default(false),
});
const ListQuery = z.strictObject({ villageId: VillageRef.optional(), from: Day.optional(), to: Day.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });
const NoticeId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'must be a notice id');
const ObjectionBody = z.strictObject({ caseNo: CaseNo, note: z.string().trim().min(1, 'required').max(MAX_OBJECTION_TEXT) });

export function noticesRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now, deps.sql);

  /** Where the public pages are: PUBLIC_BASE_URL; unset, the request's origin in development only. */
  const baseOf = (ctx: Context): string | null => deps.config.notices.publicBaseUrl ?? (deps.config.notices.requestOrigin ? `${ctx.protocol}://${ctx.host}` : null);
  const publicBase = (ctx: Context): string => {
    const base = baseOf(ctx);
    if (base) return base;
    throw conflict('public_base_url_missing', 'PUBLIC_BASE_URL is not set: a notice\'s public link and QR code need the address villagers reach this server at (see the README, configuration)');
  };
  /** The public page's absolute address (refused without a base: see publicBase). */
  const publicUrl = (ctx: Context, id: string) => `${publicBase(ctx)}/notice/${encodeURIComponent(id)}`;
  /** The same for showing it, where a missing base leaves it out rather than refusing. */
  const shownUrl = (ctx: Context, id: string) => {
    const base = baseOf(ctx);
    return base ? `${base}/notice/${encodeURIComponent(id)}` : null;
  };
  const qrSvg = (url: string) => QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });

  function summary(n: NoticeRecord) {
    const header = n.header as unknown as NoticeHeader;
    return {
      id: n.id,
      village: { code: header.village.code, name: header.village.name, nameEn: header.village.nameEn },
      town: header.town,
      periodFrom: n.periodFrom,
      periodTo: n.periodTo,
      start: n.startDay,
      end: n.endDay,
      nameMask: n.nameMask,
      includeDecided: n.includeDecided,
      households: (n.rows as unknown[]).length,
      createdAt: n.createdAt.toISOString(),
      createdById: n.createdById,
      sentAt: n.sentAt?.toISOString() ?? null,
      broadcastId: n.broadcastId,
      withdrawnAt: n.withdrawnAt?.toISOString() ?? null,
    };
  }

  async function full(ctx: Context, n: NoticeRecord) {
    const text = noticeText(n);
    const stored = n.id !== 'preview';
    const objections = stored ? await objectionsByRow(deps.prisma, n.id) : new Map<string, { open: number; total: number }>();
    const url = stored && !n.withdrawnAt ? shownUrl(ctx, n.id) : null;
    return {
      ...summary(n),
      header: text.header,
      rows: text.rows.map((r) => ({ ...r, objections: objections.get(r.caseNo) ?? { open: 0, total: 0 } })),
      publicUrl: url,
      qrSvg: url ? await qrSvg(url) : null,
    };
  }

  router.post('/api/notices', auth, async (ctx) => {
    const body = parseOr400(MakeBody, ctx.request.body ?? {});
    if (!body.preview) publicBase(ctx); // its link must be right before it is posted
    const n = await makeNotice(deps, cadreOf(ctx), { village: body.villageId, from: body.from, to: body.to, nameMask: body.nameMask, includeDecided: body.includeDecided }, now(), !body.preview);
    ctx.status = body.preview ? 200 : 201;
    ctx.body = await full(ctx, n);
  });

  router.get('/api/notices', auth, async (ctx) => {
    const q = parseOr400(ListQuery, ctx.query);
    const items = await listNotices(deps.prisma, cadreOf(ctx), { village: q.villageId, from: q.from, to: q.to, limit: q.limit });
    ctx.body = { items: items.map(summary) };
  });

  router.get('/api/notices/:id', auth, async (ctx) => {
    const id = parseOr400(NoticeId, ctx.params.id, 'id');
    ctx.body = await full(ctx, await visibleNotice(deps.prisma, cadreOf(ctx), id));
  });

  router.post('/api/notices/:id/send', auth, async (ctx) => {
    const id = parseOr400(NoticeId, ctx.params.id, 'id');
    const sent = await sendNotice(deps.prisma, cadreOf(ctx), id, publicUrl(ctx, id), now());
    ctx.body = { notice: await full(ctx, sent.notice), broadcast: { id: sent.broadcastId, recipients: sent.recipients } };
  });

  router.post('/api/notices/:id/withdraw', auth, async (ctx) => {
    const id = parseOr400(NoticeId, ctx.params.id, 'id');
    ctx.body = { notice: summary(await withdrawNotice(deps.prisma, cadreOf(ctx), id, now())) };
  });

  router.post('/api/notices/:id/objections', auth, async (ctx) => {
    const id = parseOr400(NoticeId, ctx.params.id, 'id');
    const body = parseOr400(ObjectionBody, ctx.request.body ?? {});
    const recorded = await recordNoticeObjection(deps.prisma, cadreOf(ctx), id, body.caseNo, body.note, now());
    if (!recorded.ok) throw refusalError(recorded);
    ctx.status = 201;
    ctx.body = { objection: { id: recorded.objectionId, caseNo: recorded.caseNo, noticeId: recorded.noticeId } };
  });

  // the public page: anyone with the address (the QR code on the board, the link in the group)
  router.get('/notice/:id', async (ctx) => {
    const lang = asLang(ctx.query.lang) ?? 'zh-CN';
    const n = await publicNotice(deps.prisma, String(ctx.params.id), now(), deps.config.notices.publicDays);
    ctx.type = 'text/html; charset=utf-8';
    // names of households, masked as posted: not for search engines, and kept by no cache (a withdrawn or expired page must be gone)
    ctx.set('X-Robots-Tag', 'noindex, nofollow');
    ctx.set('Cache-Control', 'private, no-store');
    if (!n) {
      ctx.status = 404;
      ctx.body = noticeNotFoundPage(lang, cspNonce(ctx));
      return;
    }
    const url = shownUrl(ctx, n.id);
    ctx.body = noticePage({ notice: n, lang, nonce: cspNonce(ctx), qrSvg: url ? await qrSvg(url) : '' });
  });

  return router;
}
