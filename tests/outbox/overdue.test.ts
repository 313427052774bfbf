/**
 * Time limits (real database, fixed clock): a case late in its status is flagged once, its
 * cadres reminded at most once a day (China-time days), the villager told once per status; the
 * whole identification limit reminds the county office.
 */
import { scheduledJobs } from 'croner';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { silentLogger } from '../../server/log';
import { checkDeadlines, startDeadlineChecks } from '../../server/core/workflow/overdue';
import { insertCase } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { bindCadre, bindRoom, cadreActor, mustMove, outboxRows, villagerContact, type Row } from './support';

const LIUSHU = '439901100201';
const H = 3_600_000;
const D = 24 * H;
const T0 = Date.parse('2026-07-20T01:00:00Z'); // 09:00 in China

let srv: TestServer;
let prisma: PrismaClient;
let ids = 0;

beforeAll(async () => {
  srv = await startTestServer({ now: () => new Date(T0) });
  prisma = srv.db.prisma;
  await bindCadre(prisma, srv.cadre('liushu').id, 'c-liushu');
  await bindCadre(prisma, srv.cadre('qingshan').id, 'c-qingshan');
  await bindCadre(prisma, srv.cadre('county').id, 'c-county');
  await bindRoom(prisma, '439901100', 'r-qingshan@chatroom');
  await bindRoom(prisma, '439901', 'r-county@chatroom');
});
beforeEach(async () => {
  await prisma.outbox.deleteMany();
  await prisma.case.updateMany({ data: { status: 'paid', dueAt: null } }); // earlier tests' cases out of the way
});
afterAll(async () => {
  await srv.close();
});

/** A case that entered `status` at `since` with the due time the workflow would have set. */
async function lateCase(status: string, since: number, dueInMs: number, fields: object = {}) {
  ids += 1;
  const contact = await villagerContact(prisma, `v-${ids}`);
  const c = await insertCase(prisma, srv.config.documentsDir, {
    villageCode: LIUSHU,
    idNumber: `11010519491231${String(ids).padStart(3, '0')}X`,
    status,
    contactId: contact.id,
    fields: { statusSince: new Date(since), dueAt: new Date(since + dueInMs), submittedAt: new Date(since), ...fields },
  });
  return { ...c, villager: contact.externalId };
}

const check = (at: number) => checkDeadlines(prisma, srv.config.workflow, new Date(at));
const targets = (rows: Row[]) => rows.map((r) => r.targetId).sort();

test('late in town review: flagged once, cadres reminded once a day, the villager told once', async () => {
  const c = await lateCase('town_review', T0 - 3 * D - H, 3 * D); // due an hour ago

  expect(await check(T0)).toEqual({ overdue: 1, overdueTotal: 0, messages: 3 });
  const first = await outboxRows(prisma);
  expect(targets(first)).toEqual(['c-qingshan', 'r-qingshan@chatroom', c.villager].sort());
  const flagged = await prisma.case.findUniqueOrThrow({ where: { id: c.caseId } });
  expect(flagged.overdueSince).toEqual(new Date(T0));

  const cadre = first.find((r) => r.targetId === 'c-qingshan')!;
  expect(cadre.kind).toBe('reminder');
  expect(cadre.text).toContain(`【超时提醒】${c.caseNo}：“镇审核中”已超过时限（应在2026年7月20日前办完）。`);
  expect(cadre.text).toContain(`回复：通过 ${c.caseNo}`);
  const villager = first.find((r) => r.targetId === c.villager)!;
  expect(villager.text).toBe(`您的申请在“镇里审核”这一步比规定时间慢了，我们已经提醒了经办人员，申请还在继续办理，请您再耐心等几天。\n申请编号：${c.caseNo}`);

  // later the same day: nothing new, the flag keeps its first time
  expect((await check(T0 + 5 * H)).messages).toBe(0);
  expect((await prisma.case.findUniqueOrThrow({ where: { id: c.caseId } })).overdueSince).toEqual(new Date(T0));

  // the next day: the cadres again, the villager not
  expect((await check(T0 + D)).messages).toBe(2);
  const all = await outboxRows(prisma);
  expect(all.filter((r) => r.targetId === 'c-qingshan')).toHaveLength(2);
  expect(all.filter((r) => r.targetId === c.villager)).toHaveLength(1);
});

test('a day is a day in China: 23:30 and 00:30 there are two days', async () => {
  await lateCase('village_review', Date.parse('2026-07-17T00:00:00Z'), 2 * D);
  await check(Date.parse('2026-07-20T15:30:00Z')); // 23:30 on the 20th in Shanghai
  await check(Date.parse('2026-07-20T16:30:00Z')); // 00:30 on the 21st
  expect((await outboxRows(prisma)).filter((r) => r.targetId === 'c-liushu')).toHaveLength(2);
});

test('not yet due: nothing', async () => {
  await lateCase('village_review', T0 - H, 2 * D);
  expect(await check(T0)).toEqual({ overdue: 0, overdueTotal: 0, messages: 0 });
  expect(await outboxRows(prisma)).toEqual([]);
});

test('returned and not supplied in time: the villager is reminded of the missing items; no cadre', async () => {
  const c = await lateCase('returned', T0 - 11 * D, 10 * D, { returnedFrom: 'town_review', missingItems: ['出院小结'], submittedAt: new Date(T0 - 16 * D) });
  await check(T0);
  const rows = await outboxRows(prisma, { caseId: c.caseId });
  // late in its status (the villager) and past the whole limit (the county office)
  expect(targets(rows)).toEqual(['c-county', 'r-county@chatroom', c.villager].sort());
  expect(rows.find((r) => r.targetId === c.villager)!.text).toContain('您的申请还缺这些材料：\n1. 出院小结');
});

test('approved and not paid in time: the county office is reminded to pay', async () => {
  const c = await lateCase('approved', T0 - 20 * D, 14 * D, { approvedAmountFen: 500_000 });
  await check(T0);
  const rows = await outboxRows(prisma, { caseId: c.caseId });
  expect(targets(rows)).toEqual(['c-county', 'r-county@chatroom', c.villager].sort());
  expect(rows.find((r) => r.targetId === 'c-county')!.text).toContain('需要：发放帮扶金5,000元');
  expect(rows.find((r) => r.targetId === c.villager)!.text).toContain('帮扶金发放');
});

test('the whole identification limit (15 days from filing): the county office is reminded once a day', async () => {
  // in village review again since yesterday (not late there), filed 16 days ago
  const c = await lateCase('village_review', T0 - D, 2 * D, { submittedAt: new Date(T0 - 16 * D) });
  expect(await check(T0)).toEqual({ overdue: 0, overdueTotal: 1, messages: 2 });
  const rows = await outboxRows(prisma, { caseId: c.caseId });
  expect(targets(rows)).toEqual(['c-county', 'r-county@chatroom']);
  expect(rows[0]!.text).toContain(`【超时提醒】${c.caseNo}：从提交到现在已超过15天`);
  expect(rows.find((r) => r.targetId === 'r-county@chatroom')!.text).toContain(`@防贫助手 查看 ${c.caseNo}`);
  expect((await prisma.case.findUniqueOrThrow({ where: { id: c.caseId } })).overdueSince).toEqual(new Date(T0));
  expect((await check(T0 + H)).messages).toBe(0);
  expect((await check(T0 + D)).messages).toBe(2);
});

test('a case that moves on is no longer late; late again in the new status, the villager hears again', async () => {
  const c = await lateCase('village_review', T0 - 3 * D, 2 * D);
  await check(T0);
  await mustMove(srv, await cadreActor(srv, 'liushu'), c.caseNo, { action: 'approve' }, new Date(T0 + H));
  const moved = await prisma.case.findUniqueOrThrow({ where: { id: c.caseId } });
  expect(moved.overdueSince).toBeNull();
  expect(moved.dueAt).toEqual(new Date(T0 + H + 3 * D)); // town review: 3 days
  expect((await check(T0 + 2 * H)).overdue).toBe(0);

  await check(T0 + H + 3 * D + H);
  const told = (await outboxRows(prisma, { caseId: c.caseId })).filter((r) => r.targetId === c.villager && r.kind === 'case_update' && r.text.includes('慢了'));
  expect(told.map((r) => /“(.+?)”/.exec(r.text)?.[1])).toEqual(['村委会初审', '镇里审核']);
});

test('the hourly job runs once at start and stops cleanly', async () => {
  // croner keeps its scheduled jobs by name: stopped, the hourly timer is gone (counting the
  // process's Timeouts instead also counted the database pool's idle timers, and flaked)
  const scheduled = () => scheduledJobs.filter((j) => j.name === 'deadline check' && j.isRunning()).length;
  await lateCase('village_review', T0 - 3 * D, 2 * D);
  const job = startDeadlineChecks(prisma, srv.config.workflow, silentLogger, () => new Date(T0));
  expect(scheduled()).toBe(1);
  const report = await job.runNow(); // joins the run started at once
  expect(report).toMatchObject({ overdue: 1 });
  await job.stop();
  expect(scheduled()).toBe(0);
  expect((await outboxRows(prisma)).filter((r) => r.targetId === 'c-liushu')).toHaveLength(1);
});
