/**
 * A demo county for the embedded default and for tests: two towns, five villages, an income
 * line, and cadre accounts for each role (both towns, a village in each, an insurer verifier and
 * an auditor over the county). Codes follow the shape of the national division codes
 * (county 6 digits, town 9, village 12) but name no real place.
 */
import type { PrismaClient } from '../generated/prisma/client';
import { issueBindingCode } from '../core/auth/binding-codes';
import { hashPassword, newPassword } from '../core/auth/passwords';
import { hashToken, newToken } from '../core/auth/tokens';
import type { Role } from '../../flows/workflow';
import { shanghaiDateTime } from '../../flows/china-time';
import { seedPolicyKnowledge } from './policy-knowledge';
import { nowOf } from '../core/clock';

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

/** The demo accounts, in the order printed (and found by role in tests: the 青山镇 side first). */
const DEMO_CADRES = [
  { key: 'county', name: '县帮扶办', role: 'county', region: DEMO_COUNTY.code, username: 'county', bindingCode: true },
  { key: 'liushu', name: '柳树村村委会', role: 'village', region: '439901100201', username: 'liushu', bindingCode: true },
  { key: 'qingshan', name: '青山镇帮扶站', role: 'town', region: '439901100', username: 'qingshan', bindingCode: true },
  { key: 'baishi', name: '白石村村委会', role: 'village', region: '439901200201', username: 'baishi', bindingCode: false },
  { key: 'baishi_town', name: '白石乡帮扶站', role: 'town', region: '439901200', username: 'baishi-town', bindingCode: false },
  { key: 'verifier', name: '人保核查员', role: 'verifier', region: DEMO_COUNTY.code, username: 'verifier', bindingCode: false },
  { key: 'auditor', name: '县审计员', role: 'auditor', region: DEMO_COUNTY.code, username: 'auditor', bindingCode: false },
] as const;

/** Work groups that get a binding code at seeding ("绑定群 123456"). */
const DEMO_ROOMS = [{ region: '439901100201', topic: '柳树村工作群' }] as const;

export type DemoCadreKey = (typeof DEMO_CADRES)[number]['key'];

export type DemoCadre = {
  key: DemoCadreKey;
  id: string;
  name: string;
  role: Role;
  /** The region's name. */
  region: string;
  username: string;
  password: string;
  /** A long-lived API token (Authorization: Bearer …). */
  token: string;
  /** A one-time code to bind a WeChat contact to the account ("绑定 123456"). */
  bindingCode?: string;
};

export type DemoSeed = {
  cadres: DemoCadre[];
  /** One-time codes to bind a work group to a village ("@防贫助手 绑定群 123456"). */
  roomCodes: { region: string; topic: string; code: string }[];
  codesExpireAt: Date;
};

/**
 * Inserts the demo county: regions, income lines, one account per level with a random password
 * and API token, binding codes for the simulator. Returns the secrets to print once (only hashes
 * are stored).
 */
export async function seedDemoCounty(prisma: PrismaClient, opts: { now?: Date } = {}): Promise<DemoSeed> {
  const now = opts.now ?? nowOf();
  // bcrypt outside the transaction: it takes a while per password
  const secrets = await Promise.all(
    DEMO_CADRES.map(async (c) => {
      const password = newPassword();
      return { ...c, password, passwordHash: await hashPassword(password), token: newToken() };
    }),
  );
  const seed: DemoSeed = { cadres: [], roomCodes: [], codesExpireAt: now };
  await prisma.$transaction(async (tx) => {
    const county = await tx.region.create({ data: { code: DEMO_COUNTY.code, name: DEMO_COUNTY.name, nameEn: DEMO_COUNTY.nameEn, level: 'county' } });
    for (const line of DEMO_COUNTY.incomeLines) {
      await tx.incomeLine.create({ data: { regionId: county.id, year: line.year, perCapitaFen: line.perCapitaFen, note: 'demo' } });
    }
    const regions = new Map<string, { id: string; name: string }>([[county.code, county]]);
    let townOrder = 0;
    for (const t of DEMO_COUNTY.towns) {
      const town = await tx.region.create({ data: { code: t.code, name: t.name, nameEn: t.nameEn, level: 'town', parentId: county.id, sortOrder: townOrder++ } });
      regions.set(town.code, town);
      let villageOrder = 0;
      for (const v of t.villages) {
        const village = await tx.region.create({ data: { code: v.code, name: v.name, nameEn: v.nameEn, level: 'village', parentId: town.id, sortOrder: villageOrder++ } });
        regions.set(village.code, village);
      }
    }
    for (const c of secrets) {
      const region = regions.get(c.region)!;
      const row = await tx.cadre.create({
        data: { name: c.name, role: c.role, regionId: region.id, username: c.username, passwordHash: c.passwordHash, tokenHash: hashToken(c.token) },
      });
      const code = c.bindingCode ? await issueBindingCode(tx, { purpose: 'cadre', cadreId: row.id }, now) : undefined;
      if (code) seed.codesExpireAt = code.expiresAt;
      seed.cadres.push({ key: c.key, id: row.id, name: c.name, role: c.role, region: region.name, username: c.username, password: c.password, token: c.token, ...(code ? { bindingCode: code.code } : {}) });
    }
    for (const room of DEMO_ROOMS) {
      const region = regions.get(room.region)!;
      const code = await issueBindingCode(tx, { purpose: 'room', regionId: region.id }, now);
      seed.roomCodes.push({ region: region.name, topic: room.topic, code: code.code });
    }
    // the default FAQ and articles (zh-CN and en), unless the database already has its own
    await seedPolicyKnowledge(tx);
    // ~150 writes, each sealed: Prisma's 5 s default is too short on a busy machine (a first start, CI)
  }, { maxWait: 30_000, timeout: 120_000 });
  return seed;
}

/** What `npm start` and `npm run db:seed` print after seeding (secrets shown once). */
export function describeDemoSeed(seed: DemoSeed, base = 'http://localhost:3000'): string {
  const until = shanghaiDateTime(seed.codesExpireAt);
  const lines = [
    'Seeded the demo county 清溪县. Cadre accounts: API token, login and password, WeChat binding code.',
    'Shown once — only hashes are stored:',
    ...seed.cadres.map(
      (c) => `  ${c.role.padEnd(8)} ${c.region}  ${c.name}: ${c.token}   login ${c.username} / ${c.password}${c.bindingCode ? `   绑定 ${c.bindingCode}` : ''}`,
    ),
    ...seed.roomCodes.map((r) => `  work group of ${r.region}: 绑定群 ${r.code}`),
    `Binding codes are valid until ${until} (China time); the county office issues new ones (POST /api/cadres/:id/binding-code).`,
    ...seed.roomCodes.slice(0, 1).map((r) => {
      const village = seed.cadres.find((c) => c.key === 'liushu');
      // a personal code goes in a private chat (posted in a group it is withdrawn); the group's with @
      return [
        `Play the village cadre: open ${base}/simulator?as=村支书 and send "绑定 ${village?.bindingCode ?? ''}",`,
        `then ${base}/simulator?as=村支书&room=${r.topic} and send "@防贫助手 绑定群 ${r.code}".`,
      ].join('\n');
    }),
  ];
  return lines.join('\n');
}

export async function databaseIsEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.region.count()) === 0;
}
