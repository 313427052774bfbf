/**
 * A demo county for the embedded default and for tests: two towns, five villages, an income
 * line, and one cadre per level. Codes follow the shape of the national division codes
 * (county 6 digits, town 9, village 12) but name no real place.
 */
import type { PrismaClient } from '../generated/prisma/client';
import { hashToken, newToken } from '../auth/tokens';

export const DEMO_COUNTY = {
  code: '439901',
  name: '清溪县',
  nameEn: 'Qingxi County',
  towns: [
    {
      code: '439901100',
      name: '青山镇',
      nameEn: 'Qingshan Town',
      villages: [
        { code: '439901100201', name: '柳树村', nameEn: 'Liushu Village' },
        { code: '439901100202', name: '石桥村', nameEn: 'Shiqiao Village' },
        { code: '439901100203', name: '河湾村', nameEn: 'Hewan Village' },
      ],
    },
    {
      code: '439901200',
      name: '白石乡',
      nameEn: 'Baishi Township',
      villages: [
        { code: '439901200201', name: '白石村', nameEn: 'Baishi Village' },
        { code: '439901200202', name: '杉木村', nameEn: 'Shanmu Village' },
      ],
    },
  ],
  /** Per-capita net income line in fen, by year (a demo figure: provinces set their own yearly). */
  incomeLines: [
    { year: 2025, perCapitaFen: 870_000 },
    { year: 2026, perCapitaFen: 870_000 },
  ],
} as const;

export type DemoCadreToken = { name: string; role: string; region: string; token: string };

/** Inserts the demo county. Returns the cadres' bearer tokens (shown once; only hashes are stored). */
export async function seedDemoCounty(prisma: PrismaClient): Promise<DemoCadreToken[]> {
  const tokens: DemoCadreToken[] = [];
  await prisma.$transaction(async (tx) => {
    const county = await tx.region.create({ data: { code: DEMO_COUNTY.code, name: DEMO_COUNTY.name, nameEn: DEMO_COUNTY.nameEn, level: 'county' } });
    for (const line of DEMO_COUNTY.incomeLines) {
      await tx.incomeLine.create({ data: { regionId: county.id, year: line.year, perCapitaFen: line.perCapitaFen, note: 'demo' } });
    }
    const cadre = async (name: string, role: string, regionId: string, region: string) => {
      const token = newToken();
      await tx.cadre.create({ data: { name, role, regionId, tokenHash: hashToken(token) } });
      tokens.push({ name, role, region, token });
    };
    await cadre('县帮扶办', 'county', county.id, DEMO_COUNTY.name);
    let townOrder = 0;
    for (const t of DEMO_COUNTY.towns) {
      const town = await tx.region.create({ data: { code: t.code, name: t.name, nameEn: t.nameEn, level: 'town', parentId: county.id, sortOrder: townOrder++ } });
      let villageOrder = 0;
      for (const v of t.villages) {
        const village = await tx.region.create({ data: { code: v.code, name: v.name, nameEn: v.nameEn, level: 'village', parentId: town.id, sortOrder: villageOrder++ } });
        if (v.code === '439901100201') await cadre('柳树村村委会', 'village', village.id, v.name);
      }
      if (t.code === '439901100') await cadre('青山镇帮扶站', 'town', town.id, t.name);
    }
  });
  return tokens;
}

export async function databaseIsEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.region.count()) === 0;
}
