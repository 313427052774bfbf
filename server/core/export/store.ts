/**
 * The layouts a cadre can export with: the built-in ones and its county's own (ExportLayout rows),
 * and the county office's changes to its own — each change written to the audit log.
 */
import type { Lang } from '../../../flows/i18n';
import type { CadreActor } from '../../../flows/workflow';
import type { PrismaClient } from '../../generated/prisma/client';
import { recordAudit } from '../audit/record';
import type { RegionTree } from '../regions/tree';
import { builtInLayout, builtInLayouts, storedColumns, type Layout, type LayoutInput, type LayoutKind } from './layouts';

/** The county the caller belongs to (ADMIN_TOKEN: the first county of the tree); null when none. */
export function countyOf(tree: RegionTree, actor: CadreActor): string | null {
  if (actor.regionIds === null) return [...tree.byId.values()].find((r) => r.level === 'county')?.id ?? null;
  const own = [...actor.regionIds].find((id) => !actor.regionIds!.has(tree.byId.get(id)?.parentId ?? ''));
  if (!own) return null;
  return tree.lineOf(own).find((id) => tree.byId.get(id)?.level === 'county') ?? null;
}

type Row = { id: string; name: string; kind: string; columns: unknown; copiedFrom: string | null; updatedAt: Date };

const present = (r: Row): Layout => ({ id: r.id, name: r.name, kind: r.kind as LayoutKind, columns: storedColumns(r.columns), builtIn: false, copiedFrom: r.copiedFrom, updatedAt: r.updatedAt.toISOString() });

export async function listLayouts(db: Pick<PrismaClient, 'exportLayout'>, countyId: string | null, lang: Lang): Promise<Layout[]> {
  const own = countyId ? await db.exportLayout.findMany({ where: { countyId }, orderBy: [{ name: 'asc' }, { createdAt: 'asc' }] }) : [];
  return [...builtInLayouts(lang), ...own.map(present)];
}

/** A layout by id, among the built-ins and the county's own (another county's reads as none). */
export async function findLayout(db: PrismaClient, countyId: string | null, id: string, lang: Lang): Promise<Layout | null> {
  const builtIn = builtInLayout(id, lang);
  if (builtIn) return builtIn;
  if (!countyId) return null;
  const row = await db.exportLayout.findFirst({ where: { id, countyId } });
  return row ? present(row) : null;
}

export async function createLayout(db: PrismaClient, countyId: string, actor: CadreActor, input: LayoutInput, now: Date): Promise<Layout> {
  const row = await db.$transaction(async (tx) => {
    const created = await tx.exportLayout.create({
      data: { countyId, name: input.name, kind: input.kind, columns: input.columns, copiedFrom: input.copiedFrom ?? null, createdBy: actor.id === 'admin' ? null : actor.id, createdAt: now, updatedAt: now },
    });
    await recordAudit(tx, { at: now, actor, action: 'export-layout:create', allowed: true, subject: created.id, reason: input.name });
    return created;
  });
  return present(row);
}

/** null: no such layout of this county. */
export async function updateLayout(db: PrismaClient, countyId: string, id: string, actor: CadreActor, input: LayoutInput, now: Date): Promise<Layout | null> {
  return db.$transaction(async (tx) => {
    const found = await tx.exportLayout.findFirst({ where: { id, countyId } });
    if (!found) return null;
    const row = await tx.exportLayout.update({ where: { id }, data: { name: input.name, kind: input.kind, columns: input.columns, updatedAt: now } });
    await recordAudit(tx, { at: now, actor, action: 'export-layout:update', allowed: true, subject: id, reason: input.name });
    return present(row);
  });
}

export async function deleteLayout(db: PrismaClient, countyId: string, id: string, actor: CadreActor, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.exportLayout.deleteMany({ where: { id, countyId } });
    if (count > 0) await recordAudit(tx, { at: now, actor, action: 'export-layout:delete', allowed: true, subject: id });
    return count > 0;
  });
}
