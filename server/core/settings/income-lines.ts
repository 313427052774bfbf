/**
 * The income line per region and year (per-capita net income, fen per person per year), set by the
 * county office: on the county (every village inherits it), or on a town or village that differs.
 * A write replaces the static-data stamp (the IncomeLine trigger): the chat's "标准是多少", a new
 * case's line and the FAQ answers follow at every server process's next message. Audited, with the
 * figure before and after.
 */
import { z } from 'zod';
import type { CadreActor } from '../../../flows/workflow';
import type { PrismaClient } from '../../generated/prisma/client';
import { recordAudit } from '../audit/record';
import { invalid, notFound } from '../refusal';
import { RegionTree } from '../regions/tree';
import { requireInReach } from './regions';

/** 1,000 to 100,000 yuan a person a year, in fen. */
export const LINE_BOUNDS = { minFen: 100_000, maxFen: 10_000_000 } as const;
export const Year = z.coerce.number().int('must be a year').min(2000, 'from 2000').max(2100, 'until 2100');

export const SetLineBody = z.object({
  regionCode: z.string().trim().regex(/^\d{6,12}$/, 'must be a region code'),
  year: Year,
  perCapitaFen: z
    .number()
    .int('whole fen')
    .min(LINE_BOUNDS.minFen, `at least ${LINE_BOUNDS.minFen / 100} yuan`)
    .max(LINE_BOUNDS.maxFen, `at most ${LINE_BOUNDS.maxFen / 100} yuan`),
  note: z
    .string()
    .trim()
    .max(200, 'at most 200 characters')
    .refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), 'no control characters')
    .nullable()
    .optional(),
});
export type SetLineBody = z.infer<typeof SetLineBody>;

export type LineView = { regionCode: string; regionName: string; level: string; year: number; perCapitaFen: number; note: string | null; createdAt: string };

/** The lines that apply to the caller: set on its regions, and on the regions above them (a village's town and county). */
export async function listLines(prisma: PrismaClient, actor: CadreActor, year?: number): Promise<LineView[]> {
  const tree = await RegionTree.load(prisma);
  const ids = new Set<string>();
  for (const id of actor.regionIds ?? tree.byId.keys()) for (const up of tree.lineOf(id)) ids.add(up);
  const rows = await prisma.incomeLine.findMany({ where: { regionId: { in: [...ids] }, ...(year ? { year } : {}) }, orderBy: [{ year: 'desc' }] });
  const order = [...tree.byId.keys()];
  return rows
    .sort((a, b) => b.year - a.year || order.indexOf(a.regionId) - order.indexOf(b.regionId))
    .map((l) => {
      const r = tree.byId.get(l.regionId)!;
      return { regionCode: r.code, regionName: r.name, level: r.level, year: l.year, perCapitaFen: l.perCapitaFen, note: l.note, createdAt: l.createdAt.toISOString() };
    });
}

export async function setLine(prisma: PrismaClient, actor: CadreActor, body: SetLineBody, at: Date): Promise<{ line: LineView; created: boolean }> {
  return prisma.$transaction(async (tx) => {
    const tree = await RegionTree.load(tx);
    const region = tree.byCode.get(body.regionCode);
    if (!region) throw invalid(`regionCode: no region has the code ${body.regionCode}`, 'regionCode');
    requireInReach(actor, region);
    const before = await tx.incomeLine.findUnique({ where: { regionId_year: { regionId: region.id, year: body.year } } });
    const note = body.note === undefined ? (before?.note ?? null) : body.note || null;
    const row = await tx.incomeLine.upsert({
      where: { regionId_year: { regionId: region.id, year: body.year } },
      create: { regionId: region.id, year: body.year, perCapitaFen: body.perCapitaFen, note },
      update: { perCapitaFen: body.perCapitaFen, note },
    });
    const change = before ? `${before.perCapitaFen} → ${row.perCapitaFen} fen` : `${row.perCapitaFen} fen`;
    await recordAudit(tx, { at, actor, action: 'settings:income-line-set', allowed: true, subject: `${region.code}:${body.year}`, reason: `${region.name} ${body.year}: ${change}` });
    return { line: { regionCode: region.code, regionName: region.name, level: region.level, year: row.year, perCapitaFen: row.perCapitaFen, note: row.note, createdAt: row.createdAt.toISOString() }, created: !before };
  });
}

/** Removes a line (a village then inherits its town's or county's again). */
export async function removeLine(prisma: PrismaClient, actor: CadreActor, regionCode: string, year: number, at: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const tree = await RegionTree.load(tx);
    const region = tree.byCode.get(regionCode);
    if (!region) throw notFound('income line');
    requireInReach(actor, region);
    const removed = await tx.incomeLine.deleteMany({ where: { regionId: region.id, year } });
    if (removed.count === 0) throw notFound('income line');
    await recordAudit(tx, { at, actor, action: 'settings:income-line-delete', allowed: true, subject: `${region.code}:${year}`, reason: `${region.name} ${year}` });
  });
}
