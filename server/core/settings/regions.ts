/**
 * The county's towns and villages, kept by the county office in the console: created, renamed,
 * given their code, order and office phone; deactivated — never deleted — when anything refers to
 * them (cases, households, cadres…), deleted only when nothing does. Every change is audited (the
 * one audit writer) in its own transaction; the Region trigger replaces the static-data stamp, so
 * every server process offers the new tree from its next request.
 *
 * Codes are the national statistical division codes: a town's is its county's and three digits
 * (439901 → 439901100), a village's its town's and three digits (439901100 → 439901100201).
 */
import { z } from 'zod';
import type { CadreActor } from '../../../flows/workflow';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { conflict as refusedConflict, invalid as badRequest, notFound } from '../refusal';
import { recordAudit } from '../audit/record';
import { RegionTree, type RegionRow } from '../regions/tree';

type Tx = Prisma.TransactionClient;

/** An office phone: a landline (0731-84123456, area code and number, optional extension), a mobile, or a 400 number. */
export const OfficePhone = z
  .string()
  .trim()
  .max(30)
  .regex(/^(0\d{2,3}-?\d{7,8}(-\d{1,6})?|1[3-9]\d{9}|400-?\d{3}-?\d{4})$/, 'must be an office phone such as 0731-84123456 or 13812345678')
  .or(z.literal('').transform(() => null))
  .nullable();

const Name = z
  .string()
  .trim()
  .min(1, 'required')
  .max(40, 'at most 40 characters')
  .refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), 'no control characters');
const NameEn = z.string().trim().max(80, 'at most 80 characters').refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), 'no control characters').or(z.literal('')).nullable();
const Code = z.string().trim().regex(/^\d{6,12}$/, 'must be the division code, digits only');
/** A region's code as a path names it (PATCH/DELETE /api/regions/:code, /api/income-lines/:regionCode/:year). */
export const RegionCode = Code;
const SortOrder = z.number().int('must be a whole number').min(0).max(100_000);

export const CreateRegionBody = z.object({
  parentCode: Code,
  code: Code,
  name: Name,
  nameEn: NameEn.optional(),
  sortOrder: SortOrder.optional(),
  contactPhone: OfficePhone.optional(),
});
export type CreateRegionBody = z.infer<typeof CreateRegionBody>;

export const PatchRegionBody = z
  .object({ code: Code, name: Name, nameEn: NameEn, sortOrder: SortOrder, contactPhone: OfficePhone, active: z.boolean() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change', path: ['name'] });
export type PatchRegionBody = z.infer<typeof PatchRegionBody>;

const CHILD_LEVEL = { county: 'town', town: 'village' } as const;

/** What a region's code must look like under its parent: the parent's code and three digits, not 000. */
function checkCode(code: string, parent: RegionRow): void {
  if (!code.startsWith(parent.code) || !/^\d{3}$/.test(code.slice(parent.code.length)) || code.endsWith('000')) {
    throw badRequest(`code: a ${CHILD_LEVEL[parent.level as 'county' | 'town'] ?? 'region'} of ${parent.code} has the code ${parent.code}001…${parent.code}999`, 'code');
  }
}

const conflict = (message: string, field: string) => refusedConflict('conflict', message, field);

/** The county office may change only its own county's regions (the whole-system admin: any). */
export function requireInReach(actor: CadreActor, region: RegionRow): void {
  if (actor.regionIds !== null && !actor.regionIds.has(region.id)) throw notFound('region');
}

async function siblingsNamed(tx: Tx, parentId: string | null, name: string, except?: string): Promise<boolean> {
  return (await tx.region.count({ where: { parentId, name, ...(except ? { id: { not: except } } : {}) } })) > 0;
}

export type RegionChange = { region: RegionRow; action: 'created' | 'updated' | 'deactivated' | 'deleted'; refs?: RegionRefs };

export async function createRegion(prisma: PrismaClient, actor: CadreActor, body: CreateRegionBody, at: Date): Promise<RegionChange> {
  return prisma.$transaction(async (tx) => {
    const tree = await RegionTree.load(tx);
    const parent = tree.byCode.get(body.parentCode);
    if (!parent) throw badRequest(`parentCode: no region has the code ${body.parentCode}`, 'parentCode');
    requireInReach(actor, parent);
    if (parent.level === 'village') throw badRequest('parentCode: a village has no regions under it', 'parentCode');
    if (parent.active === false) throw conflict(`parentCode: ${parent.name} is deactivated`, 'parentCode');
    checkCode(body.code, parent);
    if (tree.byCode.has(body.code)) throw conflict(`code: ${body.code} is taken (${tree.byCode.get(body.code)!.name})`, 'code');
    if (await siblingsNamed(tx, parent.id, body.name)) throw conflict(`name: ${parent.name} has a ${body.name} already`, 'name');
    const level = CHILD_LEVEL[parent.level as 'county' | 'town'];
    const sortOrder = body.sortOrder ?? Math.max(-1, ...tree.childrenOf(parent.id).map((c) => c.sortOrder)) + 1;
    const created = await tx.region.create({
      data: { code: body.code, name: body.name, nameEn: body.nameEn || null, level, parentId: parent.id, sortOrder, contactPhone: body.contactPhone ?? null },
      select: REGION_SELECT,
    });
    await recordAudit(tx, { at, actor, action: 'settings:region-create', allowed: true, subject: created.code, reason: `${level} ${created.name} under ${parent.code}` });
    return { region: created, action: 'created' };
  });
}

export const REGION_SELECT = { id: true, code: true, name: true, nameEn: true, level: true, parentId: true, sortOrder: true, active: true, contactPhone: true } as const;

export type RegionRefs = { cases: number; households: number; cadres: number; children: number; other: number };

/** What refers to a region: a region with any of it is deactivated, not deleted. */
async function refsOf(tx: Tx, id: string): Promise<RegionRefs> {
  const [cases, households, cadres, children, lines, rooms, codes, broadcasts, articles, faqs, handovers] = await Promise.all([
    tx.case.count({ where: { villageId: id } }),
    tx.household.count({ where: { villageId: id } }),
    tx.cadre.count({ where: { regionId: id } }),
    tx.region.count({ where: { parentId: id } }),
    tx.incomeLine.count({ where: { regionId: id } }),
    tx.roomBinding.count({ where: { regionId: id } }),
    tx.bindingCode.count({ where: { regionId: id } }),
    tx.broadcast.count({ where: { regionId: id } }),
    tx.policyArticle.count({ where: { regionId: id } }),
    tx.faqEntry.count({ where: { regionId: id } }),
    tx.handover.count({ where: { villageId: id } }),
  ]);
  return { cases, households, cadres, children, other: lines + rooms + codes + broadcasts + articles + faqs + handovers };
}
const referred = (r: RegionRefs) => r.cases + r.households + r.cadres + r.children + r.other > 0;

export async function updateRegion(prisma: PrismaClient, actor: CadreActor, code: string, body: PatchRegionBody, at: Date): Promise<RegionChange> {
  return prisma.$transaction(async (tx) => {
    const tree = await RegionTree.load(tx);
    const region = tree.byCode.get(code);
    if (!region) throw notFound('region');
    requireInReach(actor, region);
    const parent = region.parentId ? tree.byId.get(region.parentId) : undefined;
    const changed: string[] = [];
    const data: Prisma.RegionUpdateInput = {};
    if (body.code !== undefined && body.code !== region.code) {
      if (!parent) throw badRequest('code: a county keeps its code', 'code');
      checkCode(body.code, parent);
      if (tree.byCode.has(body.code)) throw conflict(`code: ${body.code} is taken (${tree.byCode.get(body.code)!.name})`, 'code');
      // conversations, answers and exports carry the code: only a region nothing refers to yet takes another
      if (referred(await refsOf(tx, region.id))) throw conflict('code: cases, households, cadres or regions refer to this code: it stays', 'code');
      data.code = body.code;
      changed.push(`code ${region.code} → ${body.code}`);
    }
    if (body.name !== undefined && body.name !== region.name) {
      if (await siblingsNamed(tx, region.parentId, body.name, region.id)) throw conflict(`name: ${parent?.name ?? ''} has a ${body.name} already`, 'name');
      data.name = body.name;
      changed.push(`name ${region.name} → ${body.name}`);
    }
    if (body.nameEn !== undefined && (body.nameEn || null) !== region.nameEn) {
      data.nameEn = body.nameEn || null;
      changed.push('nameEn');
    }
    if (body.sortOrder !== undefined && body.sortOrder !== region.sortOrder) {
      data.sortOrder = body.sortOrder;
      changed.push(`sortOrder ${region.sortOrder} → ${body.sortOrder}`);
    }
    if (body.contactPhone !== undefined && body.contactPhone !== (region.contactPhone ?? null)) {
      data.contactPhone = body.contactPhone;
      changed.push(`contactPhone ${body.contactPhone ?? '—'}`);
    }
    if (body.active !== undefined && body.active !== (region.active !== false)) {
      if (!parent) throw badRequest('active: the county itself stays active', 'active');
      if (body.active && parent.active === false) throw conflict(`active: ${parent.name} is deactivated: activate it first`, 'active');
      data.active = body.active;
      changed.push(body.active ? 'activated' : 'deactivated');
    }
    if (changed.length === 0) return { region, action: 'updated' };
    const updated = await tx.region.update({ where: { id: region.id }, data, select: REGION_SELECT });
    // a town deactivated takes its villages with it (none of them can be chosen without it)
    if (body.active === false) await tx.region.updateMany({ where: { parentId: region.id, active: true }, data: { active: false } });
    await recordAudit(tx, { at, actor, action: body.active === false ? 'settings:region-deactivate' : 'settings:region-update', allowed: true, subject: updated.code, reason: changed.join('; ') });
    return { region: updated, action: body.active === false ? 'deactivated' : 'updated' };
  });
}

/** Deletes a region nothing refers to; one that anything refers to is deactivated instead (and says what refers to it). */
export async function removeRegion(prisma: PrismaClient, actor: CadreActor, code: string, at: Date): Promise<RegionChange> {
  return prisma.$transaction(async (tx) => {
    const tree = await RegionTree.load(tx);
    const region = tree.byCode.get(code);
    if (!region) throw notFound('region');
    requireInReach(actor, region);
    if (!region.parentId) throw badRequest('code: the county itself cannot be removed', 'code');
    const refs = await refsOf(tx, region.id);
    if (!referred(refs)) {
      await tx.region.delete({ where: { id: region.id } });
      await recordAudit(tx, { at, actor, action: 'settings:region-delete', allowed: true, subject: region.code, reason: `${region.level} ${region.name}` });
      return { region, action: 'deleted', refs };
    }
    const updated = await tx.region.update({ where: { id: region.id }, data: { active: false }, select: REGION_SELECT });
    await tx.region.updateMany({ where: { parentId: region.id, active: true }, data: { active: false } });
    const why = `referred to by ${refs.cases} cases, ${refs.households} households, ${refs.cadres} cadres, ${refs.children} regions, ${refs.other} other rows`;
    await recordAudit(tx, { at, actor, action: 'settings:region-deactivate', allowed: true, subject: region.code, reason: why });
    return { region: updated, action: 'deactivated', refs };
  });
}
