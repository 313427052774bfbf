/**
 * An objection recorded from the case page (POST /api/cases/:caseNo/objections) or by chat
 * ("异议 FP-… 内容") is tied to the 公示 list the case is on today — posted, not withdrawn, its days
 * covering today, the case among its rows — exactly as one recorded from the notice's row is
 * (the same noticeId on the objection and its event), and the notice counts it for that row.
 * A notice that is withdrawn, not yet begun or over, or does not list the case: no tie.
 * (Real database, fixed clock: 10 March 2026 in China.)
 */
import type { PrismaClient } from '../../server/generated/prisma/client';
import { issueBindingCode } from '../../server/core/auth/binding-codes';
import { api, chat } from '../broadcasts/support';
import { LIUSHU, seedNoticeCases, type NoticeCases } from '../support/notice-cases';
import { startTestServer, type TestServer } from '../support/server';

const MARCH_10 = new Date('2026-03-10T02:00:00Z');
let srv: TestServer;
let prisma: PrismaClient;
let cases: NoticeCases;
let county: string;
let village: string;
const WX = 'wx-liushu-cadre';

beforeAll(async () => {
  srv = await startTestServer({ now: () => MARCH_10 });
  prisma = srv.db.prisma;
  county = srv.tokenOf('county');
  village = srv.cadre('liushu').token;
  cases = await seedNoticeCases(prisma, srv.config.documentsDir);
  const { code } = await issueBindingCode(prisma, { purpose: 'cadre', cadreId: srv.cadre('liushu').id }, MARCH_10);
  expect(await chat(srv, WX, `绑定 ${code}`)).toContain('绑定成功');
});
afterAll(async () => {
  await srv.close();
});
beforeEach(async () => {
  await prisma.objection.deleteMany({});
  await prisma.publicNotice.deleteMany({});
});

/** A notice of 柳树村 for the period, stored as posted; its id. */
async function post(from: string, to: string): Promise<string> {
  const res = await api(srv, county, 'POST', '/api/notices', { villageId: LIUSHU, from, to });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** A March notice of 柳树村 whose own days are set to start … end (as if its rows ran so). */
async function postDays(start: string, end: string): Promise<string> {
  const id = await post('2026-03-01', '2026-03-31');
  await prisma.publicNotice.update({ where: { id }, data: { startDay: start, endDay: end } });
  return id;
}

type Path = 'case page' | 'chat';
/** Records an objection on the case by `path`; the objection as stored, with its event's data. */
async function object(path: Path, caseNo: string, note: string) {
  if (path === 'case page') {
    const res = await api(srv, village, 'POST', `/api/cases/${caseNo}/objections`, { note });
    expect(res.status).toBe(201);
  } else {
    expect(await chat(srv, WX, `异议 ${caseNo} ${note}`)).toContain('异议');
  }
  // the note is sealed (no filter on it): each test starts with none, so the case's latest is this one
  const objection = await prisma.objection.findFirstOrThrow({ where: { case: { caseNo } }, orderBy: { receivedAt: 'desc' } });
  const event = await prisma.caseEvent.findFirstOrThrow({ where: { caseId: objection.caseId, type: 'objection' }, orderBy: { seq: 'desc' } });
  expect((event.data as { objectionId?: string }).objectionId).toBe(objection.id);
  return { noticeId: objection.noticeId, eventNoticeId: (event.data as { noticeId?: string }).noticeId ?? null };
}

const PATHS: Path[] = ['case page', 'chat'];

describe.each(PATHS)('recorded from the %s', (path) => {
  test('on a posted notice covering today: tied to it, as from its row; the notice counts it', async () => {
    const id = await post('2026-03-01', '2026-03-31');
    const got = await object(path, cases.zhang.caseNo, '邻居反映家里新买了车');
    expect(got).toEqual({ noticeId: id, eventNoticeId: id });
    const notice = await api(srv, county, 'GET', `/api/notices/${id}`);
    const row = (caseNo: string) => notice.body.rows.find((r: { caseNo: string }) => r.caseNo === caseNo).objections;
    expect(row(cases.zhang.caseNo)).toEqual({ open: 1, total: 1 });
    expect(row(cases.ouyang.caseNo)).toEqual({ open: 0, total: 0 });
    // the case page shows it with the notice too
    const detail = await api(srv, county, 'GET', `/api/cases/${cases.zhang.caseNo}`);
    expect(detail.body.objections.map((o: { noticeId: string | null }) => o.noticeId)).toEqual([id]);
  });

  test('the last day of the notice’s days is today: tied', async () => {
    const id = await postDays('2026-03-01', '2026-03-10');
    expect((await object(path, cases.zhang.caseNo, '最后一天收到的异议')).noticeId).toBe(id);
  });

  test('two posted notices list the case: the latest posted', async () => {
    const earlier = await post('2026-03-01', '2026-03-31');
    await prisma.publicNotice.update({ where: { id: earlier }, data: { createdAt: new Date(MARCH_10.getTime() - 86_400_000) } });
    const later = await post('2026-03-08', '2026-03-12');
    expect((await object(path, cases.zhang.caseNo, '有人反映收入不实')).noticeId).toBe(later);
  });

  test.each<[string, () => Promise<unknown>, () => string]>([
    ['no notice posted', async () => undefined, () => cases.zhang.caseNo],
    [
      'the notice was withdrawn',
      async () => expect((await api(srv, county, 'POST', `/api/notices/${await post('2026-03-01', '2026-03-31')}/withdraw`)).status).toBe(200),
      () => cases.zhang.caseNo,
    ],
    // a preview is not posted
    ['only previewed', async () => expect((await api(srv, county, 'POST', '/api/notices', { villageId: LIUSHU, from: '2026-03-01', to: '2026-03-31', preview: true })).status).toBe(200), () => cases.zhang.caseNo],
    // the April notice lists the April case, which is already in publicity: its days have not begun
    ['the notice that lists it has not begun', () => post('2026-04-01', '2026-04-30'), () => cases.april.caseNo],
    // posted for March, which does not list the April case
    ['the notice covering today does not list it', () => post('2026-03-01', '2026-03-31'), () => cases.april.caseNo],
    // its own days, not the period asked for, are when it is on the board
    ['the notice’s days ended yesterday', () => postDays('2026-03-01', '2026-03-09'), () => cases.zhang.caseNo],
    ['the notice’s days begin tomorrow', () => postDays('2026-03-11', '2026-03-20'), () => cases.zhang.caseNo],
  ])('not tied: %s', async (_what, arrange, caseNo) => {
    await arrange();
    expect(await object(path, caseNo(), '异议内容')).toEqual({ noticeId: null, eventNoticeId: null });
  });
});
