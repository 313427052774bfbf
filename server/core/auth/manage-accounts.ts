/**
 * Managing cadre accounts (the rules: accounts.ts; who may: permissions.ts): create, list, change
 * (rename, deactivate, a new password, lift a lockout), and the long-lived API token. A generated
 * password or token is returned once: only hashes are stored. Losing trust in an account — it is
 * deactivated or its password reset — ends every credential it had: sessions, known devices and
 * the API token (which otherwise worked on after a reset, and came back on reactivation).
 * Another region's account reads as one that does not exist.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { conflict, forbidden, invalid, notFound } from '../refusal';
import { type CadreActor, inJurisdiction, type Role } from '../../../flows/workflow';
import { recordAudit } from '../audit/record';
import { RegionTree } from '../regions/tree';
import { mayManage, ROLE_LEVELS } from './accounts';
import { requireRole } from './cadre';
import { clearLoginLimits } from './login-limits';
import { hashPassword, newPassword } from './passwords';
import { MAY } from './permissions';
import { hashToken, newToken } from './tokens';
import { nowOf } from '../clock';

export type AccountRow = Prisma.CadreGetPayload<{ include: { region: true } }>;

export type NewAccount = { name: string; role: Role; regionCode: string; username?: string; password?: string; apiToken?: boolean; lang?: 'zh-CN' | 'en' };
/** `password`/`apiToken` only when generated here: shown once. */
export type CreatedAccount = { cadre: AccountRow; password?: string; apiToken?: string };
export type AccountChange = { name?: string; active?: boolean; password?: string; unlock?: true; role?: Role; regionCode?: string; resetPassword?: true };
/** `password` only when generated here (resetPassword): shown once. */
export type ChangedAccount = { cadre: AccountRow; password?: string };

export const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === 'P2002';

export async function createAccount(db: PrismaClient, actor: CadreActor, input: NewAccount, now: Date): Promise<CreatedAccount> {
  requireRole(actor, MAY.manageAccounts, 'create accounts');
  const region = (await RegionTree.load(db)).byCode.get(input.regionCode);
  if (!region) throw invalid(`regionCode: no region has the code ${input.regionCode}`, 'regionCode');
  const levels = ROLE_LEVELS[input.role];
  if (!levels.includes(region.level)) throw invalid(`regionCode: a ${input.role} account belongs to a ${levels.join(' or ')}, not a ${region.level}`, 'regionCode');
  if (!mayManage(actor, { role: input.role, regionId: region.id })) throw forbidden(`a ${actor.role} account cannot create a ${input.role} account there`);
  const password = input.username ? (input.password ?? newPassword()) : undefined;
  const apiToken = input.apiToken ? newToken() : undefined;
  try {
    const cadre = await db.cadre.create({
      data: {
        name: input.name,
        role: input.role,
        regionId: region.id,
        lang: input.lang ?? 'zh-CN',
        username: input.username ?? null,
        passwordHash: password ? await hashPassword(password) : null,
        tokenHash: apiToken ? hashToken(apiToken) : null,
        createdAt: now,
      },
      include: { region: true },
    });
    return { cadre, ...(password && !input.password ? { password } : {}), ...(apiToken ? { apiToken } : {}) };
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('conflict', 'username: already taken', 'username');
    throw err;
  }
}

/** The accounts in the caller's jurisdiction, narrowed to a role and a region's subtree when asked. */
export async function listAccounts(db: PrismaClient, actor: CadreActor, q: { role?: Role; region?: string }): Promise<AccountRow[]> {
  requireRole(actor, MAY.readAccounts, 'list accounts');
  let regionIds = actor.regionIds ? [...actor.regionIds] : null;
  if (q.region) {
    const tree = await RegionTree.load(db);
    const region = tree.byCode.get(q.region);
    if (!region) throw invalid(`region: no region has the code ${q.region}`, 'region');
    const subtree = [...tree.subtreeIds(region.id)];
    regionIds = regionIds ? regionIds.filter((id) => subtree.includes(id)) : subtree;
  }
  return db.cadre.findMany({
    where: { ...(regionIds ? { regionId: { in: regionIds } } : {}), ...(q.role ? { role: q.role } : {}) },
    include: { region: true },
    orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
  });
}

/** The account `id` when the caller may manage it (or it is the caller's own, for `self_ok`); otherwise it reads as not found. */
export async function managedAccount(db: PrismaClient, actor: CadreActor, id: string, self: 'self_ok' | 'managers_only'): Promise<AccountRow> {
  const row = await db.cadre.findUnique({ where: { id }, include: { region: true } });
  if (!row) throw notFound('cadre');
  if (self === 'self_ok' && row.id === actor.id) return row;
  if (!inJurisdiction(actor, row.regionId)) throw notFound('cadre');
  if (!mayManage(actor, row)) throw forbidden(`a ${actor.role} account cannot manage a ${row.role} account`);
  return row;
}

/**
 * Renames, (de)activates, sets or generates a new password, lifts a lockout, moves the account to
 * another role or region. A new role or region must suit each other (ROLE_LEVELS) and be one the
 * caller may manage; like a new password or deactivation it ends the account's sessions and known
 * devices (its powers changed: the next login starts with the new ones). A new password or
 * deactivation also unbinds the account's WeChat and drops its open binding codes: whoever had the
 * account before (or took it over) no longer acts as it in the chat, where that contact is now a
 * stranger or a villager; the owner binds again ("绑定 123456"). Each change is audited, naming
 * what changed (never a password).
 */
export async function changeAccount(db: PrismaClient, actor: CadreActor, id: string, change: AccountChange, now: Date = nowOf()): Promise<ChangedAccount> {
  requireRole(actor, MAY.manageAccounts, 'change accounts');
  const row = await managedAccount(db, actor, id, 'managers_only');
  if ((change.password || change.resetPassword) && !row.username) throw invalid('password: the account has no username to log in with', 'password');
  let regionId: string | undefined;
  if (change.role !== undefined || change.regionCode !== undefined) {
    const tree = await RegionTree.load(db);
    const region = change.regionCode !== undefined ? tree.byCode.get(change.regionCode) : tree.byId.get(row.regionId);
    if (!region) throw invalid(`regionCode: no region has the code ${change.regionCode}`, 'regionCode');
    const role = change.role ?? (row.role as Role);
    const levels = ROLE_LEVELS[role];
    if (!levels.includes(region.level)) throw invalid(`${change.regionCode !== undefined ? 'regionCode' : 'role'}: a ${role} account belongs to a ${levels.join(' or ')}, not a ${region.level}`, change.regionCode !== undefined ? 'regionCode' : 'role');
    if (!mayManage(actor, { role, regionId: region.id })) throw forbidden(`a ${actor.role} account cannot make a ${role} account there`);
    regionId = region.id;
  }
  const generated = change.resetPassword && !change.password ? newPassword() : undefined;
  const newPass = change.password ?? generated;
  const passwordHash = newPass ? await hashPassword(newPass) : undefined;
  const moved = (change.role !== undefined && change.role !== row.role) || (regionId !== undefined && regionId !== row.regionId);
  if (moved && actor.id === row.id) throw forbidden('your own role and region are changed by another county account');
  const revoke = change.active === false || !!passwordHash || moved;
  const unbind = change.active === false || !!passwordHash;
  const unbound = unbind && row.contactId !== null;
  const updated = await db.$transaction(async (tx) => {
    if (revoke) await revokeCredentials(tx, row.id);
    if (unbind) await tx.bindingCode.deleteMany({ where: { cadreId: row.id } });
    const changed = await tx.cadre.update({
      where: { id: row.id },
      data: {
        ...(change.name ? { name: change.name } : {}),
        ...(change.active !== undefined ? { active: change.active } : {}),
        ...(change.role !== undefined ? { role: change.role } : {}),
        ...(regionId !== undefined ? { regionId } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        ...(passwordHash || change.unlock ? { lockedUntil: null } : {}),
        ...(revoke ? { tokenHash: null } : {}),
        ...(unbound ? { contactId: null } : {}),
      },
      include: { region: true },
    });
    const what = [
      ...(change.name ? ['name'] : []),
      ...(change.active !== undefined ? [change.active ? 'activated' : 'deactivated'] : []),
      ...(change.role !== undefined && change.role !== row.role ? [`role ${row.role}→${change.role}`] : []),
      ...(regionId !== undefined && regionId !== row.regionId ? [`region ${row.region.code}→${changed.region.code}`] : []),
      ...(passwordHash ? [generated ? 'password reset' : 'password set'] : []),
      ...(change.unlock ? ['unlocked'] : []),
      ...(unbound ? ['WeChat unbound'] : []),
    ];
    await recordAudit(tx, { at: now, actor, action: 'cadre:update', allowed: true, subject: row.id, reason: what.join(', ') || null });
    return changed;
  });
  // lifting a lock (or a new password) starts the account's login count again
  if (passwordHash || change.unlock) await clearLoginLimits(db, row.username);
  return { cadre: updated, ...(generated ? { password: generated } : {}) };
}

/** A new API token replaces the old one at once: whoever held the old one is out. */
export async function rotateApiToken(db: PrismaClient, actor: CadreActor, id: string, now: Date): Promise<{ cadre: AccountRow; apiToken: string }> {
  requireRole(actor, MAY.issueApiTokens, 'issue API tokens');
  const row = await managedAccount(db, actor, id, 'managers_only');
  if (!row.active) throw conflict('inactive', 'the account is deactivated');
  const apiToken = newToken();
  const cadre = await db.cadre.update({ where: { id: row.id }, data: { tokenHash: hashToken(apiToken) }, include: { region: true } });
  await recordAudit(db, { at: now, actor, action: 'cadre:rotate_token', allowed: true, subject: row.id });
  return { cadre, apiToken };
}

export async function revokeApiToken(db: PrismaClient, actor: CadreActor, id: string, now: Date): Promise<AccountRow> {
  requireRole(actor, MAY.issueApiTokens, 'revoke API tokens');
  const row = await managedAccount(db, actor, id, 'managers_only');
  const cadre = await db.cadre.update({ where: { id: row.id }, data: { tokenHash: null }, include: { region: true } });
  await recordAudit(db, { at: now, actor, action: 'cadre:revoke_token', allowed: true, subject: row.id });
  return cadre;
}

/** Ends every open session of the account and forgets its known devices (the API token: by the caller's update). */
async function revokeCredentials(tx: Prisma.TransactionClient, cadreId: string): Promise<void> {
  await tx.cadreSession.deleteMany({ where: { cadreId } });
  await tx.cadreDevice.deleteMany({ where: { cadreId } });
}
