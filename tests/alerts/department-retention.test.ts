/**
 * A department's rows of people who are not registered are kept DEPARTMENT_UNMATCHED_RETENTION_DAYS
 * (real PostgreSQL, an injected clock): a file's rows that matched no household are still there the
 * day before, deleted by the daily job once older — the matched row stays —, and the deletion is
 * audited as a count, never an ID number.
 */
import { idCheckChar } from '../../flows/parse/id-number';
import { loadConfig } from '../../server/config';
import { purgeUnmatchedRows, startUnmatchedRowPurge } from '../../server/core/alerts/retention';
import { silentLogger } from '../../server/log';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { startTestServer, type TestServer } from '../support/server';

const D = 24 * 3_600_000;
const T0 = Date.parse('2026-09-01T02:00:00Z');
let clock = T0;
let srv: TestServer;
let prisma: PrismaClient;

const idFor = (n: number) => {
  const first17 = `43990119800101${String(n).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
};

beforeAll(async () => {
  srv = await startTestServer({ now: () => new Date(clock) });
  prisma = srv.db.prisma;
  const village = await prisma.region.findUniqueOrThrow({ where: { code: '439901100201' } });
  await prisma.household.create({ data: { villageId: village.id, headName: '登记户', headIdNumber: idFor(1), phone: '13800138000', size: 2 } });
});
afterAll(async () => {
  await srv.close();
});

async function importRows(ids: string[], at: number) {
  clock = at;
  const form = new FormData();
  form.append('file', new Blob([['身份证号,住院自付累计,医疗总费用', ...ids.map((id) => `${id},1,2`)].join('\n')]), 'rows.csv');
  const res = await fetch(`${srv.url}/api/departments/yibao/imports`, { method: 'POST', headers: { authorization: `Bearer ${srv.tokenOf('county')}` }, body: form });
  expect(res.status).toBe(201);
}

const rows = async () => (await prisma.departmentRow.findMany({ select: { idNumber: true, householdId: true }, orderBy: [{ createdAt: 'asc' }, { rowKey: 'asc' }] })).map((r) => ({ idNumber: r.idNumber, matched: r.householdId !== null }));

test.each([
  [{}, 90],
  [{ DEPARTMENT_UNMATCHED_RETENTION_DAYS: '30' }, 30],
])('the retention is configured (%j → %i days)', (env, days) => {
  expect(loadConfig({ ...env, BOT_TOKEN: 'b'.repeat(20), DATA_DIR: '/tmp/x' }).dataProtection.unmatchedRowDays).toBe(days);
});

test('unmatched rows are kept the retention, then deleted by the daily job; the matched row stays; audited as a count', async () => {
  await importRows([idFor(1), idFor(2), idFor(3)], T0);
  await importRows([idFor(4)], T0 + 10 * D);
  expect(await rows()).toEqual([
    { idNumber: idFor(1), matched: true },
    { idNumber: idFor(2), matched: false },
    { idNumber: idFor(3), matched: false },
    { idNumber: idFor(4), matched: false },
  ]);

  // the day before the 90 days are over: nothing
  expect(await purgeUnmatchedRows(prisma, 90, new Date(T0 + 90 * D - 1))).toBe(0);
  expect(await rows()).toHaveLength(4);

  // the job's run at start, on the injected clock: the first file's unmatched rows, not the later one's
  const job = startUnmatchedRowPurge({ prisma, days: 90, log: silentLogger, clock: () => new Date(T0 + 91 * D) });
  await job.stop();
  expect(await rows()).toEqual([
    { idNumber: idFor(1), matched: true },
    { idNumber: idFor(4), matched: false },
  ]);
  const audit = await prisma.auditEntry.findMany({ where: { action: 'alerts:purge-unmatched-rows' } });
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({ actorType: 'system', allowed: true, at: new Date(T0 + 91 * D) });
  expect(audit[0]!.reason).toMatch(/^2 department rows/);
  expect(JSON.stringify(audit)).not.toContain(idFor(2).slice(6, 14));
  // the import's counts stay: what came, not who
  expect(await prisma.departmentImport.count()).toBe(2);
});
