/**
 * The county office's statistics (GET /api/stats, /api/stats.xlsx, /api/stats/cases, the budget):
 * a known set of cases across causes, categories, towns, channels and statuses, with their events
 * and dates, is seeded; every figure is checked against counts computed here from the database
 * with plain Prisma queries (not the statistics' SQL), and every figure's drill-down lists exactly
 * the cases behind it — through the statistics' endpoint and through the work queue's list.
 */
import ExcelJS from 'exceljs';
import { shanghaiMidnight } from '../../flows/china-time';
import { CASE_STATUSES, TIMED_STATUSES, type CaseStatus } from '../../flows/workflow';
import { addLimit } from '../../server/core/workflow/deadlines';
import type { Prisma } from '../../server/generated/prisma/client';
import { insertCase } from '../support/fixtures';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server';

const NOW = new Date('2026-06-10T04:00:00.000Z');
/** May 2026 in China time: from 1 May 00:00 (+08:00) to 1 June 00:00 (+08:00). */
const MAY = { gte: new Date('2026-05-01T00:00:00+08:00'), lt: new Date('2026-06-01T00:00:00+08:00') };
const DAY = 86_400_000;

const LIUSHU = '439901100201'; // 青山镇
const SHIQIAO = '439901100202'; // 青山镇
const BAISHI = '439901200201'; // 白石乡
const QINGSHAN = '439901100';

type Step = [CaseStatus, number]; // the status entered, days after submitting
type Scenario = {
  key: string;
  village: string;
  cause: 'illness' | 'disaster' | 'education';
  channel: string;
  /** China wall time. */
  submitted: string;
  steps: Step[];
  fields?: Partial<Prisma.CaseUncheckedCreateInput>;
  /** Items of each return, in order. */
  items?: string[][];
  reason?: string;
};

const VR: Step = ['village_review', 0];
const SCENARIOS: Scenario[] = [
  {
    key: 'A', village: LIUSHU, cause: 'illness', channel: 'wechaty:bot1', submitted: '2026-05-03T10:00',
    // verification 8 calendar days (> 5 working days): late; the rest within
    steps: [VR, ['town_review', 1], ['county_review', 2], ['verification', 4], ['assessment', 12], ['publicity', 13], ['approved', 20], ['paid', 25]],
    fields: { householdCategory: 'marginal', approvedAmountFen: 500_000, paidAt: shanghaiMidnight('2026-05-28') },
  },
  // the last day of May at 23:30 in China (15:30 UTC): May's
  { key: 'B', village: SHIQIAO, cause: 'education', channel: 'miniprogram', submitted: '2026-05-31T23:30', steps: [VR] },
  // the first of June at 00:30 in China: not May's
  { key: 'C', village: BAISHI, cause: 'disaster', channel: 'cadre', submitted: '2026-06-01T00:30', steps: [VR] },
  {
    key: 'D', village: LIUSHU, cause: 'illness', channel: 'app-phone', submitted: '2026-05-10T09:00',
    steps: [VR, ['returned', 1], ['village_review', 3], ['rejected', 4]],
    items: [['出院小结', '户口本']], reason: '收入超过标准',
  },
  {
    key: 'E', village: BAISHI, cause: 'disaster', channel: 'wechaty:bot1', submitted: '2026-05-05T15:00',
    // village review 3 days (> 2): late
    steps: [VR, ['town_review', 3], ['returned', 5]], items: [['出院小结']],
  },
  {
    key: 'F', village: SHIQIAO, cause: 'illness', channel: 'wechaty:bot1', submitted: '2026-05-02T08:00',
    // decided after 18 days: past the 15-day identification limit; paid in June
    steps: [VR, ['town_review', 1], ['county_review', 3], ['approved', 18], ['paid', 30]],
    fields: { householdCategory: 'unstable_lifted', approvedAmountFen: 300_000, paidAt: shanghaiMidnight('2026-06-02'), greenChannel: true },
  },
  {
    key: 'G', village: LIUSHU, cause: 'education', channel: 'miniprogram', submitted: '2026-04-30T23:30',
    // April's, paid in May
    steps: [VR, ['town_review', 1], ['county_review', 2], ['approved', 6], ['paid', 15]],
    fields: { householdCategory: 'sudden_hardship', approvedAmountFen: 200_000, paidAt: shanghaiMidnight('2026-05-15') },
  },
  { key: 'H', village: BAISHI, cause: 'illness', channel: 'cadre', submitted: '2026-05-20T11:00', steps: [VR, ['rejected', 1]], reason: '收入超过标准' },
  { key: 'I', village: LIUSHU, cause: 'disaster', channel: 'wechaty:bot2', submitted: '2026-05-25T16:00', steps: [VR, ['withdrawn', 2]] },
  { key: 'J', village: SHIQIAO, cause: 'illness', channel: 'wechaty:bot1', submitted: '2026-05-15T10:00', steps: [VR, ['town_review', 1], ['county_review', 2]] },
  {
    key: 'K', village: BAISHI, cause: 'education', channel: 'miniprogram', submitted: '2026-05-12T10:00',
    steps: [VR, ['town_review', 1], ['county_review', 2], ['approved', 9]],
    fields: { householdCategory: 'marginal', approvedAmountFen: 150_000 },
  },
  { key: 'L', village: BAISHI, cause: 'disaster', channel: 'wechaty:bot1', submitted: '2026-05-18T10:00', steps: [VR, ['rejected', 2]], reason: '非刚性支出' },
];

let srv: TestServer;
const caseNoOf = new Map<string, string>();

beforeAll(async () => {
  srv = await startTestServer({ now: () => NOW });
  let n = 0;
  for (const s of SCENARIOS) {
    const submittedAt = new Date(`${s.submitted}:00+08:00`);
    const last = s.steps.at(-1)![0];
    const returns = s.items ?? [];
    const c = await insertCase(srv.db.prisma, srv.config.documentsDir, {
      villageCode: s.village,
      cause: s.cause,
      status: last,
      idNumber: `11010519491231${String(100 + n++).padStart(4, '0')}`,
      // as the workflow writes them: the reason (sealed), the latest return's items
      fields: { channel: s.channel, submittedAt, ...(s.reason ? { rejectionReason: s.reason } : {}), ...(returns.length ? { missingItems: returns.at(-1) } : {}), ...s.fields },
    });
    caseNoOf.set(s.key, c.caseNo);
    const events: Prisma.CaseEventCreateManyInput[] = [{ caseId: c.caseId, at: submittedAt, type: 'submitted', actorType: 'villager', toStatus: 'submitted' }];
    let from: CaseStatus = 'submitted';
    let r = 0;
    for (const [to, days] of s.steps) {
      const data = to === 'returned' ? { items: returns[r++] } : undefined;
      events.push({ caseId: c.caseId, at: new Date(submittedAt.getTime() + days * DAY), type: to === 'returned' ? 'return' : 'approve', actorType: 'cadre', fromStatus: from, toStatus: to, ...(data ? { data } : {}) });
      from = to;
    }
    // a side act (no status change) in between: it is no step
    events.push({ caseId: c.caseId, at: new Date(submittedAt.getTime() + 0.5 * DAY), type: 'objection', actorType: 'cadre' });
    for (const e of events) await srv.db.prisma.caseEvent.create({ data: e });
  }
});
afterAll(async () => {
  await srv.close();
});

const get = async (path: string, token = ADMIN_TOKEN) => {
  const res = await fetch(`${srv.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, body: type.includes('json') ? ((await res.json()) as any) : Buffer.from(await res.arrayBuffer()) };
};
const qs = (drill: Record<string, string>) => new URLSearchParams(drill).toString();

// ---- the independent side: plain Prisma queries over the cases and their events ----

const prisma = () => srv.db.prisma;
const mayCases: Prisma.CaseWhereInput = { submittedAt: MAY };
const numbers = async (where: Prisma.CaseWhereInput) => (await prisma().case.findMany({ where, select: { caseNo: true } })).map((c) => c.caseNo).sort();
const kindOf = (channel: string) => (channel === 'miniprogram' || channel === 'app-phone' ? 'miniprogram' : channel.startsWith('cadre') ? 'cadre' : 'chat');

/** Each May case's completed stays per status: days spent, whether any ran past the limit. */
async function staysByStatus() {
  const { limits, calendar } = srv.config.workflow;
  const cases = await prisma().case.findMany({ where: mayCases, include: { events: { where: { toStatus: { not: null } }, orderBy: [{ at: 'asc' }, { seq: 'asc' }] } } });
  const out = new Map<string, Map<string, { days: number; late: boolean }>>();
  for (const c of cases) {
    c.events.forEach((e, i) => {
      const next = c.events[i + 1];
      if (!next || !(TIMED_STATUSES as readonly string[]).includes(e.toStatus!)) return;
      const per = out.get(e.toStatus!) ?? new Map();
      const was = per.get(c.caseNo) ?? { days: 0, late: false };
      per.set(c.caseNo, { days: was.days + (next.at.getTime() - e.at.getTime()) / DAY, late: was.late || next.at > addLimit(e.at, limits[e.toStatus as CaseStatus]!, calendar) });
      out.set(e.toStatus!, per);
    });
  }
  return out;
}

async function decisions() {
  const { limits, calendar } = srv.config.workflow;
  const cases = await prisma().case.findMany({ where: mayCases, include: { events: { where: { toStatus: { in: ['approved', 'rejected'] } }, orderBy: { at: 'asc' } } } });
  return cases.filter((c) => c.events.length).map((c) => ({ caseNo: c.caseNo, days: (c.events[0]!.at.getTime() - c.submittedAt.getTime()) / DAY, late: c.events[0]!.at > addLimit(c.submittedAt, limits.total, calendar) }));
}

/** PostgreSQL's percentile_cont. */
function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const at = p * (v.length - 1);
  const lo = Math.floor(at);
  return v[lo]! + (v[Math.min(lo + 1, v.length - 1)]! - v[lo]!) * (at - lo);
}
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

describe('GET /api/stats?period=2026-05 (the county)', () => {
  let stats: any;
  beforeAll(async () => {
    const res = await get('/api/stats?period=2026-05');
    expect(res.status).toBe(200);
    stats = res.body;
  });

  test('the period is May in China dates; 23:30 on its last day is in it, 00:30 on the next is not', async () => {
    expect(stats.period).toEqual({ kind: 'month', label: '2026-05', from: '2026-05-01', to: '2026-05-31' });
    const listed = (await get(`/api/stats/cases?${qs(stats.applications.drill)}`)).body.cases.map((c: any) => c.caseNo);
    expect(listed).toContain(caseNoOf.get('B'));
    expect(listed).not.toContain(caseNoOf.get('C'));
    expect(listed).not.toContain(caseNoOf.get('G'));
  });

  test('applications: total, by cause, by category, cause × category, by town', async () => {
    expect(stats.applications.total).toBe(await prisma().case.count({ where: mayCases }));
    for (const c of stats.applications.byCause) expect([c.cause, c.n]).toEqual([c.cause, await prisma().case.count({ where: { ...mayCases, cause: c.cause } })]);
    for (const c of stats.applications.byCategory) {
      expect([c.category, c.n]).toEqual([c.category, await prisma().case.count({ where: { ...mayCases, householdCategory: c.category === 'none' ? null : c.category } })]);
    }
    for (const c of stats.applications.byCauseCategory) {
      expect([c.cause, c.category, c.n]).toEqual([c.cause, c.category, await prisma().case.count({ where: { ...mayCases, cause: c.cause, householdCategory: c.category === 'none' ? null : c.category } })]);
    }
    expect(stats.applications.regionLevel).toBe('town');
    const towns = await prisma().region.findMany({ where: { level: 'town' } });
    for (const t of towns) {
      const row = stats.applications.byRegion.find((r: any) => r.code === t.code);
      const n = await prisma().case.count({ where: { ...mayCases, village: { parentId: t.id } } });
      expect([t.code, row?.n ?? 0]).toEqual([t.code, n]);
    }
    const villageRows = stats.applications.rows.reduce((s: number, r: any) => s + r.n, 0);
    expect(villageRows).toBe(stats.applications.total);
  });

  test('channels: chat, mini-program, cadre-entered', async () => {
    const cases = await prisma().case.findMany({ where: mayCases, select: { channel: true } });
    for (const kind of ['chat', 'miniprogram', 'cadre']) {
      expect([kind, stats.channels.find((c: any) => c.channel === kind).n]).toEqual([kind, cases.filter((c) => kindOf(c.channel) === kind).length]);
    }
  });

  test('the funnel: reached each status (events) and in each now', async () => {
    for (const s of CASE_STATUSES) {
      const row = stats.funnel.find((f: any) => f.status === s);
      const reached = await prisma().caseEvent.findMany({ where: { toStatus: s, case: mayCases }, distinct: ['caseId'], select: { caseId: true } });
      expect([s, row.reached, row.now]).toEqual([s, reached.length, await prisma().case.count({ where: { ...mayCases, status: s } })]);
    }
  });

  test('time per step: cases through each timed status, within/late, median and 90th percentile', async () => {
    const stays = await staysByStatus();
    for (const s of TIMED_STATUSES) {
      const row = stats.steps.find((r: any) => r.status === s);
      const per = [...(stays.get(s)?.values() ?? [])];
      const late = per.filter((p) => p.late).length;
      expect([s, row.cases, row.late, row.within, row.medianDays, row.p90Days]).toEqual([s, per.length, late, per.length - late, round1(percentile(per.map((p) => p.days), 0.5)), round1(percentile(per.map((p) => p.days), 0.9))]);
    }
    // the scenarios meant these: verification late once (A), village review late once (E)
    expect(stats.steps.find((r: any) => r.status === 'verification')).toMatchObject({ cases: 1, late: 1 });
    expect(stats.steps.find((r: any) => r.status === 'village_review').late).toBe(1);
  });

  test('identification within the whole limit (submitted → decided)', async () => {
    const d = await decisions();
    const late = d.filter((x) => x.late).length;
    expect(stats.identification).toMatchObject({ decided: d.length, late, within: d.length - late, medianDays: round1(percentile(d.map((x) => x.days), 0.5)) });
    expect(late).toBe(2); // A (20 days) and F (18 days)
  });

  test('returns by step and by missing item; rejections by reason', async () => {
    const returns = await prisma().caseEvent.findMany({ where: { toStatus: 'returned', case: mayCases } });
    expect(stats.returns.cases).toBe(new Set(returns.map((e) => e.caseId)).size);
    expect(stats.returns.events).toBe(returns.length);
    // the items of each returned case's latest return (Case.missingItems)
    const returned = await prisma().case.findMany({ where: { ...mayCases, events: { some: { toStatus: 'returned' } } } });
    const items = new Map<string, number>();
    for (const c of returned) for (const item of new Set((c.missingItems as string[] | null) ?? [])) items.set(item, (items.get(item) ?? 0) + 1);
    expect(Object.fromEntries(stats.returns.items.map((i: any) => [i.item, i.cases]))).toEqual(Object.fromEntries(items));
    expect(items.get('出院小结')).toBe(2);
    for (const s of stats.returns.byStep) expect(s.cases).toBe(new Set(returns.filter((e) => e.fromStatus === s.status).map((e) => e.caseId)).size);
    // the reasons, opened (sealed at rest)
    const rejected = await prisma().case.findMany({ where: { ...mayCases, status: 'rejected' } });
    const reasons = new Map<string, number>();
    for (const c of rejected) reasons.set(c.rejectionReason ?? '', (reasons.get(c.rejectionReason ?? '') ?? 0) + 1);
    expect(Object.fromEntries(stats.rejections.reasons.map((r: any) => [r.reason, r.cases]))).toEqual(Object.fromEntries(reasons));
    expect(reasons.get('收入超过标准')).toBe(2);
    const rejections = await prisma().caseEvent.findMany({ where: { toStatus: 'rejected', case: mayCases } });
    expect(Object.fromEntries(stats.rejections.byStep.map((r: any) => [r.status, r.cases]))).toEqual(
      Object.fromEntries([...new Set(rejections.map((e) => e.fromStatus!))].map((s) => [s, new Set(rejections.filter((e) => e.fromStatus === s).map((e) => e.caseId)).size])),
    );
  });

  test('payments: paid in May (by paidAt in China time, whatever month submitted)', async () => {
    const paid = await prisma().case.findMany({ where: { paidAt: MAY }, select: { approvedAmountFen: true } });
    expect(stats.payments.months).toEqual([expect.objectContaining({ month: '2026-05', cases: paid.length, amountFen: paid.reduce((s, c) => s + (c.approvedAmountFen ?? 0), 0) })]);
    expect(paid.length).toBe(2); // A and G (F is June's)
  });

  test('every figure’s drill-down lists as many cases as the figure, through the statistics and through the work queue', async () => {
    const figures: [string, number, Record<string, string>][] = [
      ['applications', stats.applications.total, stats.applications.drill],
      ...stats.applications.byCause.map((c: any) => [`cause ${c.cause}`, c.n, c.drill]),
      ...stats.applications.byCauseCategory.map((c: any) => [`${c.cause} × ${c.category}`, c.n, c.drill]),
      ...stats.applications.byRegion.map((c: any) => [`region ${c.code}`, c.n, c.drill]),
      ...stats.applications.rows.map((c: any) => [`row ${c.cause} ${c.category} ${c.village?.code}`, c.n, c.drill]),
      ...stats.channels.map((c: any) => [`channel ${c.channel}`, c.n, c.drill]),
      ...stats.funnel.flatMap((f: any) => [[`reached ${f.status}`, f.reached, f.reachedDrill], [`now ${f.status}`, f.now, f.nowDrill]]),
      ...stats.steps.flatMap((s: any) => [[`step ${s.status}`, s.cases, s.drill], [`step ${s.status} late`, s.late, s.lateDrill], [`step ${s.status} within`, s.within, s.withinDrill]]),
      ['decided', stats.identification.decided, stats.identification.drill],
      ['decided late', stats.identification.late, stats.identification.lateDrill],
      ['decided within', stats.identification.within, stats.identification.withinDrill],
      ['returned', stats.returns.cases, stats.returns.drill],
      ...stats.returns.byStep.map((s: any) => [`returned from ${s.status}`, s.cases, s.drill]),
      ...stats.returns.items.map((i: any) => [`missing ${i.item}`, i.cases, i.drill]),
      ['rejected', stats.rejections.cases, stats.rejections.drill],
      ...stats.rejections.reasons.map((r: any) => [`reason ${r.reason}`, r.cases, r.drill]),
      ...stats.rejections.byStep.map((r: any) => [`rejected at ${r.status}`, r.cases, r.drill]),
      ['paid', stats.payments.cases, stats.payments.drill],
      ...stats.payments.months.map((m: any) => [`paid ${m.month}`, m.cases, m.drill]),
    ];
    for (const [label, n, drill] of figures) {
      const viaStats = await get(`/api/stats/cases?${qs(drill)}`);
      const viaQueue = await get(`/api/cases?${qs(drill)}&pageSize=200`);
      expect([label, viaStats.status, viaStats.body.total, viaQueue.status, viaQueue.body.total]).toEqual([label, 200, n, 200, n]);
      expect(viaQueue.body.cases.map((c: any) => c.caseNo).sort()).toEqual(viaStats.body.cases.map((c: any) => c.caseNo).sort());
    }
  });

  const key = (k: string) => caseNoOf.get(k)!;
  test.each<[string, () => Record<string, string>, () => Promise<string[]> | string[]]>([
    ['illness cases', () => stats.applications.byCause.find((c: any) => c.cause === 'illness').drill, () => numbers({ ...mayCases, cause: 'illness' })],
    ['marginal illness', () => stats.applications.byCauseCategory.find((c: any) => c.cause === 'illness' && c.category === 'marginal').drill, () => numbers({ ...mayCases, cause: 'illness', householdCategory: 'marginal' })],
    ['白石乡', () => stats.applications.byRegion.find((c: any) => c.code === '439901200').drill, () => numbers({ ...mayCases, village: { code: { startsWith: '439901200' } } })],
    ['cadre-entered', () => stats.channels.find((c: any) => c.channel === 'cadre').drill, () => [key('H')]],
    ['reached town review', () => stats.funnel.find((f: any) => f.status === 'town_review').reachedDrill, () => [key('A'), key('E'), key('F'), key('J'), key('K')].sort()],
    ['late at verification', () => stats.steps.find((s: any) => s.status === 'verification').lateDrill, () => [key('A')]],
    ['late at village review', () => stats.steps.find((s: any) => s.status === 'village_review').lateDrill, () => [key('E')]],
    ['decided past 15 days', () => stats.identification.lateDrill, () => [key('A'), key('F')].sort()],
    ['rejected at the village', () => stats.rejections.byStep.find((s: any) => s.status === 'village_review').drill, () => [key('D'), key('H'), key('L')].sort()],
    ['missing 出院小结', () => stats.returns.items.find((i: any) => i.item === '出院小结').drill, () => [key('D'), key('E')].sort()],
    ['returned at the town', () => stats.returns.byStep.find((s: any) => s.status === 'town_review').drill, () => [key('E')]],
    ['rejected: 收入超过标准', () => stats.rejections.reasons.find((r: any) => r.reason === '收入超过标准').drill, () => [key('D'), key('H')].sort()],
    ['paid in May', () => stats.payments.months[0].drill, () => [key('A'), key('G')].sort()],
  ])('the drill-down of %s lists exactly its cases', async (_l, drill, expected) => {
    const res = await get(`/api/stats/cases?${qs(drill())}`);
    expect(res.body.cases.map((c: any) => c.caseNo).sort()).toEqual(await expected());
  });
});

describe('opening the sealed rejection reasons is audited', () => {
  test.each([
    ['the auditor', 'auditor'],
    ['the county office', 'county'],
  ] as const)('%s: an access row naming rejectionReason and the cases whose reasons were opened', async (_who, role) => {
    const token = srv.tokenOf(role);
    const actorId = srv.cadres.find((c) => c.role === role)!.id;
    const before = await prisma().auditEntry.count({ where: { action: 'stats:rejection_reasons' } });
    const res = await get('/api/stats?period=2026-05', token);
    expect(res.status).toBe(200);
    expect(res.body.rejections.reasons.length).toBeGreaterThan(0);
    const rows = await prisma().auditEntry.findMany({ where: { action: 'stats:rejection_reasons' }, orderBy: { seq: 'asc' } });
    expect(rows).toHaveLength(before + 1);
    const row = rows.at(-1)!;
    expect(row).toMatchObject({ kind: 'access', allowed: true, actorType: 'cadre', actorId, fields: ['rejectionReason'] });
    const rejected = (await prisma().case.findMany({ where: { ...mayCases, status: 'rejected' }, select: { caseNo: true, rejectionReason: true } })).filter((c) => c.rejectionReason !== null);
    expect(rejected.length).toBeGreaterThan(0);
    expect(row.reason).toContain(`${rejected.length} rejection reason(s) opened`);
    for (const c of rejected) expect(row.reason).toContain(c.caseNo);
    // never the reasons themselves
    for (const r of res.body.rejections.reasons) if (r.reason) expect(row.reason).not.toContain(r.reason);
  });

  test('a period with no rejection opens nothing and writes no row', async () => {
    const before = await prisma().auditEntry.count({ where: { action: 'stats:rejection_reasons' } });
    expect((await get('/api/stats?period=2025-01')).status).toBe(200);
    expect(await prisma().auditEntry.count({ where: { action: 'stats:rejection_reasons' } })).toBe(before);
  });
});

describe('scope, roles and periods', () => {
  test('a town cadre sees its town only; its figures by village', async () => {
    const res = await get('/api/stats?period=2026-05', srv.tokenOf('town'));
    expect(res.status).toBe(200);
    expect(res.body.applications.total).toBe(await prisma().case.count({ where: { ...mayCases, village: { code: { startsWith: QINGSHAN } } } }));
    expect(res.body.applications.regionLevel).toBe('village');
  });

  test('a town cadre asking for another town’s village gets nothing', async () => {
    const res = await get(`/api/stats?period=2026-05&region=${BAISHI}`, srv.tokenOf('town'));
    expect(res.body.applications.total).toBe(0);
  });

  test('a region asked for narrows the county’s figures, and its drills carry it', async () => {
    const res = await get(`/api/stats?period=2026-05&region=${LIUSHU}`);
    expect(res.body.applications.total).toBe(await prisma().case.count({ where: { ...mayCases, village: { code: LIUSHU } } }));
    expect(res.body.applications.drill.region).toBe(LIUSHU);
  });

  test.each([
    ['auditor', 'auditor', 200],
    ['village', 'village', 200],
    ['verifier', 'verifier', 403],
  ] as const)('%s → %s', async (_l, role, status) => {
    expect((await get('/api/stats?period=2026-05', srv.tokenOf(role))).status).toBe(status);
    expect((await get('/api/stats/cases?submittedFrom=2026-05-01&submittedTo=2026-05-31', srv.tokenOf(role))).status).toBe(status);
  });

  test.each([
    ['2026-Q2', '2026-04-01', '2026-06-30', { gte: new Date('2026-04-01T00:00:00+08:00'), lt: new Date('2026-07-01T00:00:00+08:00') }],
    ['2026', '2026-01-01', '2026-12-31', { gte: new Date('2026-01-01T00:00:00+08:00'), lt: new Date('2027-01-01T00:00:00+08:00') }],
    ['custom&from=2026-05-31&to=2026-06-01', '2026-05-31', '2026-06-01', { gte: new Date('2026-05-31T00:00:00+08:00'), lt: new Date('2026-06-02T00:00:00+08:00') }],
  ])('period=%s', async (period, from, to, range) => {
    const res = await get(`/api/stats?period=${period}`);
    expect(res.body.period).toMatchObject({ from, to });
    expect(res.body.applications.total).toBe(await prisma().case.count({ where: { submittedAt: range } }));
  });

  test('no period: this month in China', async () => {
    expect((await get('/api/stats')).body.period).toMatchObject({ kind: 'month', from: '2026-06-01', to: '2026-06-30' });
  });

  test.each([
    ['period=2026-13', 'period'],
    ['period=custom&from=2026-05-01', 'to'],
    ['period=custom&from=2026-05-10&to=2026-05-01', 'to'],
    ['period=2026-05&from=2026-05-01', 'from'],
    ['period=2026-05&region=abc', 'region'],
  ])('/api/stats?%s → 400 naming %s', async (query, field) => {
    const res = await get(`/api/stats?${query}`);
    expect([res.status, res.body.error?.field]).toEqual([400, field]);
  });

  test.each([
    ['submittedFrom=2026-05-01', 'submittedTo'],
    ['stepLate=true', 'stepLate'],
    ['step=paid', 'step'],
    ['channel=fax', 'channel'],
    ['missingItem=x', 'missingItem'],
  ])('/api/cases?%s → 400 naming %s', async (query, field) => {
    const res = await get(`/api/cases?${query}`);
    expect([res.status, res.body.error?.field]).toEqual([400, field]);
  });
});

describe('the budget and the workbook', () => {
  test('the county sets its budget for the year; the payments are set against it; others may not set it', async () => {
    const put = (token: string, body: unknown) => fetch(`${srv.url}/api/stats/budget`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await put(srv.tokenOf('county'), { year: 2026, amountFen: 5_000_000_000 })).status).toBe(200);
    expect((await put(srv.tokenOf('town'), { year: 2026, amountFen: 1 })).status).toBe(403);
    expect((await put(srv.tokenOf('auditor'), { year: 2026, amountFen: 1 })).status).toBe(403);
    const bad = await put(srv.tokenOf('county'), { year: 2026, amountFen: -1 });
    expect([bad.status, ((await bad.json()) as any).error.field]).toEqual([400, 'amountFen']);
    expect((await get('/api/stats/budget', srv.tokenOf('town'))).body.budgets).toEqual([expect.objectContaining({ year: 2026, amountFen: 5_000_000_000 })]);
    const stats = (await get('/api/stats?period=2026-Q2')).body;
    const paid2026 = await prisma().case.findMany({ where: { paidAt: { gte: new Date('2026-01-01T00:00:00+08:00'), lt: new Date('2027-01-01T00:00:00+08:00') } } });
    const paidFen = paid2026.reduce((s, c) => s + (c.approvedAmountFen ?? 0), 0);
    expect(stats.payments.budgets).toEqual([expect.objectContaining({ year: 2026, budgetFen: 5_000_000_000, paidFen, cases: paid2026.length, usedShare: Math.round((paidFen / 5_000_000_000) * 1000) / 10 })]);
  });

  test('GET /api/stats.xlsx: the same figures as sheets, in the language asked', async () => {
    const res = await get('/api/stats.xlsx?period=2026-05&lang=zh-CN');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Buffer as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '申请分布', '申请渠道', '办理进度', '环节用时', '退回补充', '不予认定', '资金发放', '防返贫监测']);
    const summary = wb.getWorksheet('概况')!;
    const value = (label: string) => (summary.getSheetValues().find((r) => Array.isArray(r) && r[1] === label) as unknown[] | undefined)?.[2];
    expect(value('申请户数')).toBe(await prisma().case.count({ where: mayCases }));
    const apps = wb.getWorksheet('申请分布')!;
    const total = apps.getSheetValues().slice(2).reduce((s: number, r) => s + Number((r as unknown[])[5] ?? 0), 0);
    expect(total).toBe(await prisma().case.count({ where: mayCases }));
    const en = await get('/api/stats.xlsx?period=2026-05&lang=en');
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.body as Buffer as never);
    expect(wbEn.worksheets[0]!.name).toBe('Summary');
  });
});
