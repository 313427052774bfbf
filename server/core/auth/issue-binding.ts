/**
 * Handing out binding codes (binding-codes.ts): for an account — one's own, or one the caller
 * manages — to bind a WeChat to it ("绑定 …"), and for a village's or town's work group
 * ("绑定群 …") in the caller's region. A deactivated account gets none.
 */
import type { PrismaClient } from '../../generated/prisma/client';
import { conflict, invalid, notFound } from '../refusal';
import { type CadreActor, inJurisdiction } from '../../../flows/workflow';
import { RegionTree, type RegionRow } from '../regions/tree';
import { issueBindingCode } from './binding-codes';
import { requireRole } from './cadre';
import { isUniqueViolation, managedAccount, type AccountRow } from './manage-accounts';
import { MAY } from './permissions';

export type IssuedCode = { code: string; expiresAt: Date };

export async function issueAccountBindingCode(db: PrismaClient, actor: CadreActor, id: string, now: Date): Promise<IssuedCode & { cadre: AccountRow }> {
  if (id !== actor.id) requireRole(actor, MAY.manageAccounts, 'issue binding codes for other accounts');
  const cadre = await managedAccount(db, actor, id, 'self_ok');
  if (!cadre.active) throw conflict('inactive', 'the account is deactivated');
  const issued = await withFreshCode(() => issueBindingCode(db, { purpose: 'cadre', cadreId: cadre.id }, now));
  return { ...issued, cadre };
}

export async function issueRoomBindingCode(db: PrismaClient, actor: CadreActor, regionCode: string, now: Date): Promise<IssuedCode & { region: RegionRow }> {
  requireRole(actor, MAY.bindWorkGroups, 'bind work groups');
  const region = (await RegionTree.load(db)).byCode.get(regionCode);
  if (!region || !inJurisdiction(actor, region.id)) throw notFound('region');
  if (region.level === 'county') throw invalid('code: a work group is bound to a village or a town', 'code');
  const issued = await withFreshCode(() => issueBindingCode(db, { purpose: 'room', regionId: region.id }, now));
  return { ...issued, region };
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
