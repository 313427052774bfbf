/**
 * Outgoing messages, for the county office: what could not be delivered (dead letters) and
 * sending one again. A login code is never shown: its row reads as a login code, nothing more
 * (the code is sealed for the bot alone, server/core/outbox/sealed-text.ts). ID numbers, phones and
 * card numbers in a notice (a hand-over tells the village cadre the villager's phone) are shown
 * masked: this is a delivery desk, and the case page is where personal data is read, and audited.
 *   GET  /api/outbox?status=dead|pending|sent&page=&pageSize=  → { items, total, page, pageSize }
 *   POST /api/outbox/:id/retry   a dead letter goes back to the queue → { id, status: 'pending' }
 */
import Router from '@koa/router';
import { z } from 'zod';
import { cadreOf, requireCadre, requireRole } from '../../core/auth/cadre';
import { MAY } from '../../core/auth/permissions';
import { HttpError, notFound, parseOr400 } from '../../http/errors';
import type { OutboxPayload } from '../../core/outbox/enqueue';
import { retryDeadMessage } from '../../core/outbox/delivery';
import { recordAudit } from '../../core/audit/record';
import { SEALED_KINDS } from '../../core/outbox/sealed-text';
import { requestLang } from '../../http/lang';
import { t } from '../../../flows/i18n';
import type { AppDeps } from '../../deps';
import { scrub } from '../../log';
import { clockOf } from '../../core/clock';

const ListQuery = z.object({
  status: z.enum(['dead', 'pending', 'sent']).default('dead'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const Id = z.string().trim().min(1).max(100);

export function outboxRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const cadre = requireCadre(deps.prisma, deps.config.adminToken, now);

  router.get('/api/outbox', cadre, async (ctx) => {
    requireRole(cadreOf(ctx), MAY.readOutbox, 'see the outbox');
    const q = parseOr400(ListQuery, ctx.query);
    const where = { status: q.status };
    const [total, rows] = await Promise.all([
      deps.prisma.outbox.count({ where }),
      deps.prisma.outbox.findMany({ where, orderBy: { seq: 'desc' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    ]);
    const caseIds = [...new Set(rows.flatMap((r) => (r.caseId ? [r.caseId] : [])))];
    const cases = new Map((await deps.prisma.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, caseNo: true } })).map((c) => [c.id, c.caseNo]));
    ctx.body = {
      items: rows.map((r) => ({
        id: r.id,
        status: r.status,
        kind: r.kind,
        channel: r.channel,
        targetType: r.targetType,
        targetId: r.targetId,
        caseNo: r.caseId ? (cases.get(r.caseId) ?? null) : null,
        text: (SEALED_KINDS as readonly string[]).includes(r.kind) ? t(requestLang(ctx, deps.config.defaultLang), 'auth.login_code_hidden') : scrub((r.payload as OutboxPayload).text),
        attempts: r.attempts,
        lastError: r.lastError,
        createdAt: r.createdAt,
        nextAttemptAt: r.nextAttemptAt,
        sentAt: r.sentAt,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  });

  router.post('/api/outbox/:id/retry', cadre, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.retryOutbox, 'retry outbox messages');
    const id = parseOr400(Id, ctx.params.id, 'id');
    const at = now();
    const result = await retryDeadMessage(deps.prisma, id, at);
    if (!result) throw notFound('outbox message');
    if (result === 'not_dead') throw new HttpError(409, 'not_dead', 'only a dead letter can be retried');
    await recordAudit(deps.prisma, { at, actor, action: 'outbox:retry', allowed: true, reason: id });
    ctx.body = result;
  });
  return router;
}
