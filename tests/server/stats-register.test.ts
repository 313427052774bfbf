/**
 * The register's figures of the statistics (GET /api/stats `register`, the workbook's 防返贫监测
 * sheet; server/core/stats/register-figures.ts): households, monitoring events, support measures and
 * department alerts are seeded in two villages (柳树村 of 青山镇, 白石村 of 白石乡), with events and alerts
 * on both sides of the period's edges; every figure is checked against counts computed here from the
 * database with plain Prisma reads, for the county and for each village's cadre (who sees only its
 * village, and nothing of another's).
 */
import ExcelJS from 'exceljs';
import { shanghaiDate, shanghaiMidnight } from '../../flows/china-time';
import { HOUSEHOLD_CATEGORIES } from '../../flows/workflow';
import { ALERT_CAUSES, RULE_KINDS, WORDINGS } from '../../server/core/alerts/departments';
import { ALERT_CLOSE_DAYS } from '../../server/core/stats/register-figures';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server';

const NOW = new Date('2026-06-10T04:00:00.000Z');
const LIUSHU = '439901100201';
const BAISHI = '439901200201';
const DAY = 86_400_000;

let srv: TestServer;
let seq = 0;

type Seed = {
  village: string;
  state: 'none' | 'monitored' | 'eliminated';
  category?: string;
  /** [type, at (UTC ISO), day (the China day it takes effect) or null] */
  events?: [string, string, string | null][];
  /** amounts in fen (null: not money) */
  measures?: (number | null)[];
  /** [department, raised (UTC ISO), closed after days (null: open)] */
  alerts?: [string, string, number | null][];
};

const SEEDS: Seed[] = [
  { village: LIUSHU, state: 'monitored', category: 'marginal', events: [['identified', '2026-05-03T02:00:00Z', '2026-05-03']], measures: [100_000, null], alerts: [['yibao', '2026-05-02T02:00:00Z', 8]] },
  // the day it takes effect (30 April) wins over when it was written (2 May): April's
  { village: LIUSHU, state: 'monitored', category: 'unstable_lifted', events: [['identified', '2026-05-02T02:00:00Z', '2026-04-30']], measures: [50_000], alerts: [['yibao', '2026-05-05T02:00:00Z', 20]] },
  // eliminated at 20:00 UTC on 31 May: 1 June in China (no day given) — June's
  { village: LIUSHU, state: 'eliminated', category: 'marginal', events: [['identified', '2026-05-05T02:00:00Z', '2026-05-05'], ['eliminated', '2026-05-31T20:00:00Z', null]], measures: [30_000], alerts: [['minzheng', '2026-05-20T02:00:00Z', null]] },
  // raised at 17:00 UTC on 30 April: 1 May 01:00 in China — May's; closed on the 15th day
  { village: LIUSHU, state: 'none', alerts: [['yibao', '2026-04-30T17:00:00Z', 14.9]] },
  // found on a cadre's round: no department (the figures' 'other' line)
  { village: LIUSHU, state: 'none', alerts: [['other', '2026-05-12T02:00:00Z', null]] },
  { village: BAISHI, state: 'monitored', category: 'sudden_hardship', events: [['reincluded', '2026-05-10T02:00:00Z', '2026-05-10'], ['risk_added', '2026-05-11T02:00:00Z', '2026-05-11']], alerts: [['jiaoyu', '2026-05-31T15:30:00Z', 1]] },
  { village: BAISHI, state: 'eliminated', category: 'marginal', events: [['eliminated', '2026-05-20T02:00:00Z', '2026-05-20']], measures: [70_000, 20_000] },
  // at 15:30 UTC on 31 May: 23:30 in China, still May
  { village: BAISHI, state: 'eliminated', category: 'unstable_lifted', events: [['eliminated', '2026-05-31T15:30:00Z', null]], alerts: [['yibao', '2026-04-30T15:00:00Z', 2]] },
];

beforeAll(async () => {
  srv = await startTestServer({ now: () => NOW });
  const prisma = srv.db.prisma;
  const county = await prisma.region.findUniqueOrThrow({ where: { code: '439901' } });
  const departments = new Map<string, { id: string; ruleId: string }>();
  for (const code of ['yibao', 'minzheng', 'jiaoyu']) {
    const d = (await prisma.department.findFirst({ where: { countyId: county.id, code } })) ?? (await prisma.department.create({ data: { countyId: county.id, code } }));
    const rule = await prisma.alertRule.create({ data: { departmentId: d.id, kind: RULE_KINDS[0], cause: ALERT_CAUSES[0], wording: WORDINGS[0] } });
    departments.set(code, { id: d.id, ruleId: rule.id });
  }
  for (const s of SEEDS) {
    seq += 1;
    const village = await prisma.region.findUniqueOrThrow({ where: { code: s.village } });
    const h = await prisma.household.create({
      data: {
        villageId: village.id, headName: `登记户${seq}`, headIdNumber: `43990119700101${String(1000 + seq)}`, phone: '13800138000', size: 3,
        monitoringState: s.state, monitoringCategory: s.category ?? null,
        monitoredSince: s.state === 'none' ? null : shanghaiMidnight('2026-03-01'), eliminatedOn: s.state === 'eliminated' ? shanghaiMidnight('2026-05-20') : null,
      },
    });
    for (const [type, at, day] of s.events ?? []) await prisma.monitoringEvent.create({ data: { householdId: h.id, type, at: new Date(at), day, actorType: 'cadre' } });
    for (const amountFen of s.measures ?? []) await prisma.supportMeasure.create({ data: { householdId: h.id, kind: 'medical', amountFen, givenOn: shanghaiMidnight('2026-05-15') } });
    for (const [i, [dept, raised, closedAfter]] of (s.alerts ?? []).entries()) {
      const d = departments.get(dept) ?? { id: null, ruleId: null };
      const raisedAt = new Date(raised);
      await prisma.alert.create({
        data: {
          householdId: h.id, villageId: village.id, countyId: county.id, departmentId: d.id, ruleId: d.ruleId, rowId: d.id ? `row-${seq}-${i}` : null, ...(d.id ? {} : { source: 'cadre_round' }),
          cause: ALERT_CAUSES[i % ALERT_CAUSES.length]!, wording: WORDINGS[0], figures: {}, raisedAt, dueAt: new Date(raisedAt.getTime() + 15 * DAY),
          status: closedAfter === null ? 'open' : 'closed', closedAt: closedAfter === null ? null : new Date(raisedAt.getTime() + closedAfter * DAY), closure: closedAfter === null ? null : 'not_needed',
        },
      });
    }
  }
}, 120_000);

afterAll(async () => {
  await srv.close();
});

const get = async (path: string, token = ADMIN_TOKEN) => {
  const res = await fetch(`${srv.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer()) };
};

/** The figures counted here, with Prisma reads and plain arithmetic, for the villages given and the period's China days. */
async function expected(villageCodes: string[] | null, from: string, to: string, months: string[]) {
  const prisma = srv.db.prisma;
  const villages = villageCodes === null ? undefined : { in: (await prisma.region.findMany({ where: { code: { in: villageCodes } } })).map((r) => r.id) };
  const households = await prisma.household.findMany({
    where: { villageId: villages },
    select: { id: true, monitoringState: true, monitoringCategory: true, supportMeasures: { select: { amountFen: true } }, monitoringEvents: { select: { type: true, at: true, day: true } } },
  });
  const monitored = households.filter((h) => h.monitoringState === 'monitored');
  const eliminated = households.filter((h) => h.monitoringState === 'eliminated').length;
  const events = households.flatMap((h) => h.monitoringEvents.map((e) => ({ household: h.id, type: e.type, day: e.day ?? shanghaiDate(e.at) }))).filter((e) => e.day >= from && e.day <= to);
  // a month's figure: the households with such an event that month
  const householdsWith = (type: string, month: string) => new Set(events.filter((e) => e.type === type && e.day.startsWith(month)).map((e) => e.household)).size;
  const measures = monitored.flatMap((h) => h.supportMeasures);
  const alerts = (await prisma.alert.findMany({ where: { villageId: villages }, select: { raisedAt: true, status: true, closedAt: true, department: { select: { code: true } } } })).filter(
    (a) => shanghaiDate(a.raisedAt) >= from && shanghaiDate(a.raisedAt) <= to,
  );
  const inTime = (a: (typeof alerts)[number]) => a.status === 'closed' && a.closedAt !== null && a.closedAt.getTime() - a.raisedAt.getTime() <= ALERT_CLOSE_DAYS * DAY;
  const deptCodes = [...new Set(alerts.map((a) => a.department?.code ?? 'other'))];
  return {
    monitored: monitored.length,
    eliminated,
    eliminationRate: monitored.length + eliminated === 0 ? null : Math.round((eliminated / (monitored.length + eliminated)) * 1000) / 10,
    byCategory: [...HOUSEHOLD_CATEGORIES].map((category) => ({ category, n: monitored.filter((h) => h.monitoringCategory === category).length })),
    months: months.map((month) => ({
      month,
      identified: householdsWith('identified', month),
      reincluded: householdsWith('reincluded', month),
      eliminated: householdsWith('eliminated', month),
    })),
    measures: { households: monitored.length, count: measures.length, amountFen: measures.reduce((s, m) => s + (m.amountFen ?? 0), 0) },
    alerts: {
      raised: alerts.length,
      closedInTime: alerts.filter(inTime).length,
      byDepartment: deptCodes.map((code) => ({ department: code, raised: alerts.filter((a) => (a.department?.code ?? 'other') === code).length, closedInTime: alerts.filter((a) => (a.department?.code ?? 'other') === code && inTime(a)).length })),
    },
  };
}

/** The answer's figures in the shape counted above. */
const shapeOf = (r: any, deptCodes: string[]) => ({
  monitored: r.monitored,
  eliminated: r.eliminated,
  eliminationRate: r.eliminationRate,
  byCategory: r.byCategory.filter((c: any) => c.category !== 'none').map((c: any) => ({ category: c.category, n: c.n })),
  months: r.months.map(({ drill: _drill, ...m }: any) => m),
  measures: { households: r.measures.households, count: r.measures.count, amountFen: r.measures.amountFen },
  alerts: {
    raised: r.alerts.raised,
    closedInTime: r.alerts.closedInTime,
    byDepartment: deptCodes.map((code) => {
      const d = r.alerts.byDepartment.find((x: any) => x.department === code);
      return { department: code, raised: d?.raised ?? 0, closedInTime: d?.closedInTime ?? 0 };
    }),
  },
});

describe('the register figures', () => {
  test.each([
    ['the county office, May', 'county', null, '2026-05', '2026-05-01', '2026-05-31', ['2026-05']],
    ['the county office, Q2', 'county', null, '2026-Q2', '2026-04-01', '2026-06-30', ['2026-04', '2026-05', '2026-06']],
    ['柳树村’s cadre, May: its village only', 'liushu', [LIUSHU], '2026-05', '2026-05-01', '2026-05-31', ['2026-05']],
    ['白石村’s cadre, Q2: its village only', 'baishi', [BAISHI], '2026-Q2', '2026-04-01', '2026-06-30', ['2026-04', '2026-05', '2026-06']],
  ] as const)('%s', async (_name, who, villages, period, from, to, months) => {
    const res = await get(`/api/stats?period=${period}`, srv.cadre(who).token);
    expect(res.status).toBe(200);
    const want = await expected(villages === null ? null : [...villages], from, to, [...months]);
    expect(shapeOf(res.body.register, want.alerts.byDepartment.map((d) => d.department))).toEqual(want);
    expect(res.body.register.months.map((m: any) => m.month)).toEqual(months);
    const perHousehold = want.measures.households === 0 ? null : Math.round((want.measures.count / want.measures.households) * 100) / 100;
    expect(res.body.register.measures.perHousehold).toBe(perHousehold);
    // the alerts no department's figures leave out: the total is the departments' sum
    expect(res.body.register.alerts.byDepartment.reduce((s: number, d: any) => s + d.raised, 0)).toBe(want.alerts.raised);
  });

  test('the seeded facts are what the figures show (the counting above is not vacuous)', async () => {
    const liushu = (await get('/api/stats?period=2026-05', srv.cadre('liushu').token)).body.register;
    // the seeded 柳树村 households: 2 monitored (marginal, unstable_lifted), 1 eliminated — plus any the demo seeded there
    expect(liushu.monitored).toBeGreaterThanOrEqual(2);
    expect(liushu.byCategory.find((c: any) => c.category === 'marginal').n).toBeGreaterThanOrEqual(1);
    // May: identified on 3 and 5 May (not the one of 30 April); the elimination of 1 June (China) is not May's
    expect(liushu.months[0].identified).toBeGreaterThanOrEqual(2);
    // 柳树村's yibao alerts of May: raised 2 May (closed in 8 days), 5 May (20 days: late), 1 May 01:00 China (14.9 days)
    const yibao = liushu.alerts.byDepartment.find((d: any) => d.department === 'yibao');
    expect(yibao.raised - yibao.closedInTime).toBeGreaterThanOrEqual(1);
    expect(yibao.closedInTime).toBeGreaterThanOrEqual(2);
    // nothing of 白石村: its jiaoyu alert is not here
    expect(liushu.alerts.byDepartment.find((d: any) => d.department === 'jiaoyu').raised).toBe(0);
  });

  test('a village cadre asking for another village gets nothing of it', async () => {
    const res = await get(`/api/stats?period=2026-05&region=${BAISHI}`, srv.cadre('liushu').token);
    expect(res.status).toBe(200);
    const r = res.body.register;
    expect([r.monitored, r.eliminated, r.measures.count, r.alerts.raised, r.months[0].identified + r.months[0].reincluded + r.months[0].eliminated]).toEqual([0, 0, 0, 0, 0]);
    expect(r.eliminationRate).toBeNull();
  });

  /** The register list's households for a figure's drill, every page. */
  async function listed(drill: Record<string, string>, token: string): Promise<number> {
    let n = 0;
    let cursor: string | null = null;
    do {
      const q: URLSearchParams = new URLSearchParams({ ...drill, pageSize: '200', ...(cursor ? { cursor } : {}) });
      const res = await get(`/api/households?${q.toString()}`, token);
      expect(res.status).toBe(200);
      n += res.body.households.length;
      cursor = res.body.nextCursor;
    } while (cursor);
    return n;
  }

  test.each([
    ['the county office, all its region', 'county', ''],
    ['the county office, 青山镇 asked', 'county', '439901100'],
    ['柳树村’s cadre', 'liushu', ''],
  ] as const)('each household figure opens the register list of exactly its households: %s', async (_name, who, region) => {
    const token = srv.cadre(who).token;
    const r = (await get(`/api/stats?period=2026-05${region ? `&region=${region}` : ''}`, token)).body.register;
    const figures: [string, number, Record<string, string> | null][] = [
      ['monitored', r.monitored, r.drill.monitored],
      ['eliminated', r.eliminated, r.drill.eliminated],
      ['measures', r.measures.households, r.measures.drill],
      ...r.byCategory.map((c: any): [string, number, Record<string, string> | null] => [c.category, c.n, c.drill]),
    ];
    for (const [name, n, drill] of figures) {
      if (name === 'none') {
        expect(drill).toBeNull();
        continue;
      }
      expect(drill).toMatchObject(region ? { region } : {});
      expect({ name, n: await listed(drill!, token) }).toEqual({ name, n });
    }
    expect(r.monitored + r.eliminated).toBeGreaterThan(0);
  });

  test.each([
    ['the county office, Q2', 'county', '2026-Q2', ''],
    ['the county office, Q2, 白石乡 asked', 'county', '2026-Q2', '439901200'],
    ['柳树村’s cadre, Q2', 'liushu', '2026-Q2', ''],
  ] as const)('each month’s event figure opens the register list of exactly its households: %s', async (_name, who, period, region) => {
    const token = srv.cadre(who).token;
    const r = (await get(`/api/stats?period=${period}${region ? `&region=${region}` : ''}`, token)).body.register;
    let seen = 0;
    for (const m of r.months) {
      for (const event of ['identified', 'reincluded', 'eliminated'] as const) {
        expect(m.drill[event]).toEqual({ event, month: m.month, ...(region ? { region } : {}) });
        expect({ month: m.month, event, n: await listed(m.drill[event], token) }).toEqual({ month: m.month, event, n: m[event] });
        seen += m[event];
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  /** The alert list's total for a figure's drill, checked by following every page too. */
  async function alertsListed(drill: Record<string, string>, token: string): Promise<number> {
    let n = 0;
    for (let page = 1; ; page += 1) {
      const res = await get(`/api/alerts?${new URLSearchParams({ ...drill, pageSize: '2', page: String(page) }).toString()}`, token);
      expect(res.status).toBe(200);
      n += res.body.items.length;
      if (res.body.items.length < 2) {
        expect(res.body.total).toBe(n);
        return n;
      }
    }
  }

  test.each([
    ['the county office, May', 'county', '2026-05', ''],
    ['the county office, Q2, 青山镇 asked', 'county', '2026-Q2', '439901100'],
    ['柳树村’s cadre, May', 'liushu', '2026-05', ''],
  ] as const)('each department’s alerts figure opens the alert list of exactly its alerts: %s', async (_name, who, period, region) => {
    const token = srv.cadre(who).token;
    const r = (await get(`/api/stats?period=${period}${region ? `&region=${region}` : ''}`, token)).body.register;
    for (const d of r.alerts.byDepartment) {
      expect(d.drill).toMatchObject({ department: d.department, ...(region ? { region } : {}) });
      expect({ department: d.department, n: await alertsListed(d.drill, token) }).toEqual({ department: d.department, n: d.raised });
    }
    expect(r.alerts.raised).toBeGreaterThan(0);
    if (!region) expect(r.alerts.byDepartment.find((d: any) => d.department === 'other')?.raised).toBeGreaterThanOrEqual(1);
  });

  test.each([
    ['/api/households?event=identified', 'month'],
    ['/api/households?month=2026-05', 'event'],
    ['/api/households?event=risk_added&month=2026-05', 'event'],
    ['/api/households?event=identified&month=2026-13', 'month'],
    ['/api/households?event=identified&month=2026-5', 'month'],
    ['/api/alerts?raisedFrom=2026-05-01', 'raisedTo'],
    ['/api/alerts?raisedTo=2026-05-31', 'raisedFrom'],
    ['/api/alerts?raisedFrom=2026-05-31&raisedTo=2026-05-01', 'raisedTo'],
    ['/api/alerts?raisedFrom=2026-02-30&raisedTo=2026-05-01', 'raisedFrom'],
    ['/api/alerts?department=nobody', 'department'],
    ['/api/alerts?region=999999', 'region'],
  ] as const)('%s is refused, naming %s', async (path, field) => {
    const res = await get(path);
    expect({ status: res.status, field: res.body.error?.field }).toEqual({ status: 400, field });
  });

  test('the workbook has the register sheet, in each language', async () => {
    for (const [lang, sheetName, rate] of [
      ['zh-CN', '防返贫监测', '风险消除率（%）＝风险消除 ÷（监测对象＋风险消除）'],
      ['en', 'Monitoring register', 'Risk elimination rate (%) = eliminated ÷ (monitored + eliminated)'],
    ] as const) {
      const json = (await get('/api/stats?period=2026-05')).body.register;
      const res = await get(`/api/stats.xlsx?period=2026-05&lang=${lang}`);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as Buffer as never);
      const ws = wb.getWorksheet(sheetName)!;
      expect(ws).toBeDefined();
      const values = Array.from(ws.getSheetValues(), (row) => (Array.isArray(row) ? row.slice(1) : []));
      expect(values).toContainEqual([rate, json.eliminationRate]);
      expect(values.find((r) => r[0] === '2026-05')).toEqual(['2026-05', json.months[0].identified, json.months[0].reincluded, json.months[0].eliminated]);
    }
  });
});
