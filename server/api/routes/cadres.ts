/**
 * Cadre accounts and their WeChat binding codes (the actions: server/core/auth/manage-accounts.ts, issue-binding.ts):
 *   POST  /api/cadres { name, role, regionCode, username?, password?, apiToken?, lang? } → 201 { cadre, password?, apiToken? }
 *   GET   /api/cadres?role=&region=                      → { cadres } (never a hash)
 *   PATCH /api/cadres/:id { name?, active?, password?, resetPassword?, unlock?, role?, regionCode? } → { cadre, password? }
 *         (deactivating, a new password or a new role/region revokes sessions, known devices, API token;
 *          resetPassword: a generated password, shown once)
 *   POST  /api/cadres/:id/api-token                      → 201 { cadre, apiToken }   (county office: a new token; the old one stops working)
 *   DELETE /api/cadres/:id/api-token                     → { cadre }   (county office: no API token any more)
 *   POST  /api/cadres/:id/binding-code                   → 201 { code, expiresAt, cadre, message, qr }   (message "绑定 1234567890";
 *         qr: an SVG data URL of the message, to scan in WeChat and send to the bot)
 *   POST  /api/regions/:code/room-binding-code           → 201 { code, expiresAt, region, message, qr }  (message "绑定群 1234567890",
 *         sent @-mentioning the bot in the work group; qr: that message as an SVG data URL)
 * A generated password or API token is shown once: only hashes are stored.
 */
import Router from '@koa/router';
import { z } from 'zod';
import { cadreOf, requireCadre } from '../../core/auth/cadre';
import { issueAccountBindingCode, issueRoomBindingCode } from '../../core/auth/issue-binding';
import { changeAccount, createAccount, listAccounts, revokeApiToken, rotateApiToken, type AccountRow } from '../../core/auth/manage-accounts';
import { MIN_PASSWORD_LENGTH } from '../../core/auth/passwords';
import { parseOr400 } from '../../http/errors';
import { bindingMessage, qrDataUrl, roomBindingMessage } from '../../core/auth/binding-qr';
import { ROLES } from '../../../flows/workflow';
import type { AppDeps } from '../../deps';
import { clockOf } from '../../core/clock';

const RegionCode = z.string().trim().regex(/^\d{6,15}$/, 'must be a region code (6–15 digits)');
const Username = z.string().trim().regex(/^[A-Za-z0-9._-]{3,32}$/, '3–32 letters, digits, dot, dash or underscore');
const Password = z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(200);
const CadreId = z.string().regex(/^[a-z0-9]{10,40}$/, 'must be a cadre id');

const CreateBody = z
  .object({
    name: z.string().trim().min(1, 'required').max(50),
    role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }),
    regionCode: RegionCode,
    username: Username.optional(),
    password: Password.optional(),
    /** Also issue a long-lived API token (scripts, integrations). */
    apiToken: z.boolean().optional(),
    lang: z.enum(['zh-CN', 'en']).optional(),
  })
  .refine((b) => !b.password || b.username, { message: 'a password needs a username', path: ['username'] });

const PatchBody = z
  .object({
    name: z.string().trim().min(1, 'required').max(50).optional(),
    active: z.boolean().optional(),
    password: Password.optional(),
    /** A generated password, answered once. */
    resetPassword: z.literal(true).optional(),
    /** Lifts a lockout after repeated failed logins. */
    unlock: z.literal(true).optional(),
    role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }).optional(),
    regionCode: RegionCode.optional(),
  })
  .refine((b) => !(b.password && b.resetPassword), { message: 'either a password or resetPassword, not both', path: ['resetPassword'] })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change', path: ['active'] });

const ListQuery = z.object({ role: z.enum(ROLES).optional(), region: RegionCode.optional() });

function present(c: AccountRow, now: Date) {
  return {
    id: c.id,
    name: c.name,
    role: c.role,
    region: { code: c.region.code, name: c.region.name, level: c.region.level },
    username: c.username,
    active: c.active,
    lang: c.lang,
    wechatBound: c.contactId !== null,
    hasPassword: c.passwordHash !== null,
    hasApiToken: c.tokenHash !== null,
    lockedUntil: c.lockedUntil && c.lockedUntil > now ? c.lockedUntil.toISOString() : null,
    createdAt: c.createdAt.toISOString(),
  };
}

export function cadresRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now);

  router.post('/api/cadres', auth, async (ctx) => {
    const body = parseOr400(CreateBody, ctx.request.body ?? {});
    const { cadre, ...shownOnce } = await createAccount(deps.prisma, cadreOf(ctx), body, now());
    ctx.status = 201;
    ctx.body = { cadre: present(cadre, now()), ...shownOnce };
  });

  router.get('/api/cadres', auth, async (ctx) => {
    const q = parseOr400(ListQuery, ctx.query);
    const rows = await listAccounts(deps.prisma, cadreOf(ctx), q);
    ctx.body = { cadres: rows.map((r) => present(r, now())) };
  });

  router.patch('/api/cadres/:id', auth, async (ctx) => {
    const id = parseOr400(CadreId, ctx.params.id, 'id');
    const body = parseOr400(PatchBody, ctx.request.body ?? {});
    const { cadre, ...shownOnce } = await changeAccount(deps.prisma, cadreOf(ctx), id, body, now());
    ctx.body = { cadre: present(cadre, now()), ...shownOnce };
  });

  router.post('/api/cadres/:id/api-token', auth, async (ctx) => {
    const id = parseOr400(CadreId, ctx.params.id, 'id');
    const { cadre, apiToken } = await rotateApiToken(deps.prisma, cadreOf(ctx), id, now());
    ctx.status = 201;
    ctx.body = { cadre: present(cadre, now()), apiToken };
  });

  router.delete('/api/cadres/:id/api-token', auth, async (ctx) => {
    const id = parseOr400(CadreId, ctx.params.id, 'id');
    ctx.body = { cadre: present(await revokeApiToken(deps.prisma, cadreOf(ctx), id, now()), now()) };
  });

  router.post('/api/cadres/:id/binding-code', auth, async (ctx) => {
    const id = parseOr400(CadreId, ctx.params.id, 'id');
    const { code, expiresAt, cadre } = await issueAccountBindingCode(deps.prisma, cadreOf(ctx), id, now());
    ctx.status = 201;
    const message = bindingMessage(code);
    ctx.body = { code, expiresAt: expiresAt.toISOString(), cadre: { id: cadre.id, name: cadre.name, role: cadre.role }, message, qr: await qrDataUrl(message) };
  });

  router.post('/api/regions/:code/room-binding-code', auth, async (ctx) => {
    const code = parseOr400(RegionCode, ctx.params.code, 'code');
    const issued = await issueRoomBindingCode(deps.prisma, cadreOf(ctx), code, now());
    ctx.status = 201;
    const message = roomBindingMessage(issued.code);
    ctx.body = {
      code: issued.code,
      expiresAt: issued.expiresAt.toISOString(),
      region: { code: issued.region.code, name: issued.region.name, level: issued.region.level },
      message,
      qr: await qrDataUrl(message),
    };
  });

  return router;
}
