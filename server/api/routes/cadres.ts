/**
 * Cadre accounts and their WeChat binding codes (rules in server/core/auth/accounts.ts):
 *   POST  /api/cadres { name, role, regionCode, username?, password?, apiToken?, lang? } → 201 { cadre, password?, apiToken? }
 *   GET   /api/cadres?role=&region=                      → { cadres } (never a hash)
 *   PATCH /api/cadres/:id { name?, active?, password?, unlock? } → { cadre }   (deactivating or a new password revokes sessions, known devices, API token)
 *   POST  /api/cadres/:id/api-token                      → 201 { cadre, apiToken }   (county office: a new token; the old one stops working)
 *   DELETE /api/cadres/:id/api-token                     → { cadre }   (county office: no API token any more)
 *   POST  /api/cadres/:id/binding-code                   → 201 { code, expiresAt, cadre }   ("绑定 123456")
 *   POST  /api/regions/:code/room-binding-code           → 201 { code, expiresAt, region }  ("绑定群 123456")
 * A generated password or API token is shown once: only hashes are stored.
 */
import Router from '@koa/router';
import { z } from 'zod';
import { mayManage, MANAGER_ROLES, ROLE_LEVELS } from '../../core/auth/accounts';
import { issueBindingCode } from '../../core/auth/binding-codes';
import { clearLoginLimits } from '../../core/auth/login-limits';
import { cadreOf, requireCadre, requireRole } from '../../core/auth/cadre';
import { hashPassword, MIN_PASSWORD_LENGTH, newPassword } from '../../core/auth/passwords';
import { hashToken, newToken } from '../../core/auth/tokens';
import type { Prisma } from '../../generated/prisma/client';
import { badRequest, forbidden, HttpError, notFound, parseOr400 } from '../../http/errors';
import { RegionTree } from '../../core/regions/tree';
import { inJurisdiction, type Role, ROLES } from '../../../flows/workflow';
import type { AppDeps } from '../../deps';

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
    /** Lifts a lockout after repeated failed logins. */
    unlock: z.literal(true).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change', path: ['active'] });

const ListQuery = z.object({ role: z.enum(ROLES).optional(), region: RegionCode.optional() });

type CadreRow = Prisma.CadreGetPayload<{ include: { region: true } }>;

function present(c: CadreRow, now: Date) {
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

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === 'P2002';

export function cadresRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = () => deps.now?.() ?? new Date();
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now);

  router.post('/api/cadres', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MANAGER_ROLES, 'create accounts');
    const body = parseOr400(CreateBody, ctx.request.body ?? {});
    const tree = await RegionTree.load(deps.prisma);
    const region = tree.byCode.get(body.regionCode);
    if (!region) throw badRequest(`regionCode: no region has the code ${body.regionCode}`, 'regionCode');
    if (!ROLE_LEVELS[body.role].includes(region.level))
      throw badRequest(`regionCode: a ${body.role} account belongs to a ${ROLE_LEVELS[body.role].join(' or ')}, not a ${region.level}`, 'regionCode');
    if (!mayManage(actor, { role: body.role, regionId: region.id })) throw forbidden(`a ${actor.role} account cannot create a ${body.role} account there`);
    const password = body.username ? (body.password ?? newPassword()) : undefined;
    const apiToken = body.apiToken ? newToken() : undefined;
    try {
      const row = await deps.prisma.cadre.create({
        data: {
          name: body.name,
          role: body.role,
          regionId: region.id,
          lang: body.lang ?? 'zh-CN',
          username: body.username ?? null,
          passwordHash: password ? await hashPassword(password) : null,
          tokenHash: apiToken ? hashToken(apiToken) : null,
          createdAt: now(),
        },
        include: { region: true },
      });
      ctx.status = 201;
      ctx.body = { cadre: present(row, now()), ...(password && !body.password ? { password } : {}), ...(apiToken ? { apiToken } : {}) };
    } catch (err) {
      if (isUniqueViolation(err)) throw new HttpError(409, 'conflict', 'username: already taken', 'username');
      throw err;
    }
  });

  router.get('/api/cadres', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, [...MANAGER_ROLES, 'auditor'], 'list accounts');
    const q = parseOr400(ListQuery, ctx.query);
    let regionIds = actor.regionIds ? [...actor.regionIds] : null;
    if (q.region) {
      const tree = await RegionTree.load(deps.prisma);
      const region = tree.byCode.get(q.region);
      if (!region) throw badRequest(`region: no region has the code ${q.region}`, 'region');
      const subtree = [...tree.subtreeIds(region.id)];
      regionIds = regionIds ? regionIds.filter((id) => subtree.includes(id)) : subtree;
    }
    const rows = await deps.prisma.cadre.findMany({
      where: { ...(regionIds ? { regionId: { in: regionIds } } : {}), ...(q.role ? { role: q.role } : {}) },
      include: { region: true },
      orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
    });
    ctx.body = { cadres: rows.map((r) => present(r, now())) };
  });

  /** The account `id`, when the caller may manage it; otherwise it reads as not found. */
  async function managed(actor: ReturnType<typeof cadreOf>, id: string, self: 'self_ok' | 'managers_only'): Promise<CadreRow> {
    const row = await deps.prisma.cadre.findUnique({ where: { id }, include: { region: true } });
    if (!row) throw notFound('cadre');
    if (self === 'self_ok' && row.id === actor.id) return row;
    if (!inJurisdiction(actor, row.regionId)) throw notFound('cadre');
    if (!mayManage(actor, row)) throw forbidden(`a ${actor.role} account cannot manage a ${row.role} account`);
    return row;
  }

  router.patch('/api/cadres/:id', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MANAGER_ROLES, 'change accounts');
    const id = parseOr400(CadreId, ctx.params.id, 'id');
    const body = parseOr400(PatchBody, ctx.request.body ?? {});
    const row = await managed(actor, id, 'managers_only');
    if (body.password && !row.username) throw badRequest('password: the account has no username to log in with', 'password');
    const passwordHash = body.password ? await hashPassword(body.password) : undefined;
    // a deactivated account or a reset password loses every credential it had: sessions, known
    // devices and the API token (which otherwise worked on after a reset, and came back on reactivation)
    const revoke = body.active === false || !!passwordHash;
    const updated = await deps.prisma.$transaction(async (tx) => {
      if (revoke) await revokeCredentials(tx, row.id);
      return tx.cadre.update({
        where: { id: row.id },
        data: {
          ...(body.name ? { name: body.name } : {}),
          ...(body.active !== undefined ? { active: body.active } : {}),
          ...(passwordHash ? { passwordHash } : {}),
          ...(passwordHash || body.unlock ? { lockedUntil: null } : {}),
          ...(revoke ? { tokenHash: null } : {}),
        },
        include: { region: true },
      });
    });
    // lifting a lock (or a new password) starts the account's login count again
    if (passwordHash || body.unlock) await clearLoginLimits(deps.prisma, row.username);
    ctx.body = { cadre: present(updated, now()) };
  });

  router.post('/api/cadres/:id/api-token', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, ['county'], 'issue API tokens');
    const id = parseOr400(CadreId, ctx.params.id, 'id');
    const row = await managed(actor, id, 'managers_only');
    if (!row.active) throw new HttpError(409, 'inactive', 'the account is deactivated');
    // a new token replaces the old one at once: whoever held the old one is out
    const apiToken = newToken();
    const updated = await deps.prisma.cadre.update({ where: { id: row.id }, data: { tokenHash: hashToken(apiToken) }, include: { region: true } });
    await deps.prisma.auditEntry.create({ data: { at: now(), actorType: 'cadre', actorId: actor.id, action: 'cadre:rotate_token', allowed: true, subject: row.id } });
    ctx.status = 201;
    ctx.body = { cadre: present(updated, now()), apiToken };
  });

  router.delete('/api/cadres/:id/api-token', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, ['county'], 'revoke API tokens');
    const id = parseOr400(CadreId, ctx.params.id, 'id');
    const row = await managed(actor, id, 'managers_only');
    const updated = await deps.prisma.cadre.update({ where: { id: row.id }, data: { tokenHash: null }, include: { region: true } });
    await deps.prisma.auditEntry.create({ data: { at: now(), actorType: 'cadre', actorId: actor.id, action: 'cadre:revoke_token', allowed: true, subject: row.id } });
    ctx.body = { cadre: present(updated, now()) };
  });

  router.post('/api/cadres/:id/binding-code', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    const id = parseOr400(CadreId, ctx.params.id, 'id');
    if (id !== actor.id) requireRole(actor, MANAGER_ROLES, 'issue binding codes for other accounts');
    const row = await managed(actor, id, 'self_ok');
    if (!row.active) throw new HttpError(409, 'inactive', 'the account is deactivated');
    const issued = await withFreshCode(() => issueBindingCode(deps.prisma, { purpose: 'cadre', cadreId: row.id }, now()));
    ctx.status = 201;
    ctx.body = { code: issued.code, expiresAt: issued.expiresAt.toISOString(), cadre: { id: row.id, name: row.name, role: row.role } };
  });

  router.post('/api/regions/:code/room-binding-code', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, [...MANAGER_ROLES, 'village'] as Role[], 'bind work groups');
    const code = parseOr400(RegionCode, ctx.params.code, 'code');
    const tree = await RegionTree.load(deps.prisma);
    const region = tree.byCode.get(code);
    if (!region || !inJurisdiction(actor, region.id)) throw notFound('region');
    if (region.level === 'county') throw badRequest('code: a work group is bound to a village or a town', 'code');
    const issued = await withFreshCode(() => issueBindingCode(deps.prisma, { purpose: 'room', regionId: region.id }, now()));
    ctx.status = 201;
    ctx.body = { code: issued.code, expiresAt: issued.expiresAt.toISOString(), region: { code: region.code, name: region.name, level: region.level } };
  });

  return router;
}

/** Ends every open session of the account and forgets its known devices (the API token: by the caller's update). */
async function revokeCredentials(tx: Prisma.TransactionClient, cadreId: string): Promise<void> {
  await tx.cadreSession.deleteMany({ where: { cadreId } });
  await tx.cadreDevice.deleteMany({ where: { cadreId } });
}

/** Two codes drawn at once may collide on the unique column: draw again. */
async function withFreshCode<T>(issue: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await issue();
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 3) throw err;
    }
  }
}
