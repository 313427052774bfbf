/**
 * 公示 lists through the cadre API and the public page (real database, fixed clock): which cases a
 * village's notice lists for a period (on notice, optionally decided; overlapping the period; its
 * village only), what a row says, that nothing private reaches the JSON or the page, who may make,
 * read and send one, 发到村工作群 through the broadcast path, and objections raised against a row
 * landing on the case with the notice's id.
 */
import { Prisma, type PrismaClient } from '../../server/generated/prisma/client';

const DbNull = Prisma.DbNull;
import { api } from '../broadcasts/support';
import { bindRoom } from '../outbox/support';
import { LIUSHU, OFFICE_PHONES, privateIn, QINGSHAN, seedNoticeCases, setOfficePhones, SHIQIAO, type NoticeCases } from '../support/notice-cases';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config';
import { startTestServer, type TestServer } from '../support/server';

const MARCH_10 = new Date('2026-03-10T02:00:00Z'); // 10:00 on 10 March in China
let clock = MARCH_10;
let srv: TestServer;
let prisma: PrismaClient;
let cases: NoticeCases;
let county: string;

beforeAll(async () => {
  srv = await startTestServer({ now: () => clock });
  prisma = srv.db.prisma;
  county = srv.tokenOf('county');
  cases = await seedNoticeCases(prisma, srv.config.documentsDir);
  await setOfficePhones(prisma);
});
afterAll(async () => {
  await srv.close();
});

const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const make = (body: Record<string, unknown>, token = county) => api(srv, token, 'POST', '/api/notices', { villageId: LIUSHU, ...MARCH, ...body });
const page = async (path: string) => {
  const res = await fetch(`${srv.url}${path}`);
  return { status: res.status, headers: res.headers, html: await res.text() };
};

describe('which cases a notice lists', () => {
  test.each([
    ['on notice in March', MARCH, false, () => [cases.zhang.caseNo, cases.ouyang.caseNo]],
    ['on notice and decided in March', MARCH, true, () => [cases.li.caseNo, cases.zhang.caseNo, cases.ouyang.caseNo]],
    ['decided in February (none on notice then)', { from: '2026-02-01', to: '2026-02-28' }, true, () => [cases.zhao.caseNo]],
    ['a period touching the last day of a notice', { from: '2026-03-15', to: '2026-03-20' }, false, () => [cases.ouyang.caseNo]],
    ['April', { from: '2026-04-01', to: '2026-04-30' }, false, () => [cases.april.caseNo]],
  ])('%s', async (_what, period, includeDecided, expected) => {
    const res = await make({ ...period, includeDecided, preview: true });
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: { caseNo: string }) => r.caseNo)).toEqual(expected());
    expect(res.body.rows.map((r: { no: number }) => r.no)).toEqual(expected().map((_c, i) => i + 1));
  });

  test('a row says what a village posts: masked name, place, size, cause, measures, dates, reference', async () => {
    const res = await make({ includeDecided: true, preview: true });
    const [li, zhang, ouyang] = res.body.rows;
    expect(zhang).toMatchObject({ caseNo: cases.zhang.caseNo, name: '张*兰', householdSize: 4, cause: 'illness', measures: [], amountFen: null, start: '2026-03-08', end: '2026-03-14', decided: false });
    // no household yet (identity to be checked): the name the filer gave, masked with its compound surname
    expect(ouyang).toMatchObject({ name: '欧阳*明', householdSize: 3, cause: 'disaster', start: '2026-03-09', end: '2026-03-15' });
    expect(li).toMatchObject({ name: '李*', cause: 'education', measures: ['education_aid'], amountFen: 800_000, decided: true });
    expect(res.body.start).toBe('2026-03-01');
    expect(res.body.end).toBe('2026-03-15');
    expect(res.body.header).toMatchObject({ village: { code: LIUSHU, name: '柳树村' }, town: { code: QINGSHAN, name: '青山镇' }, phones: OFFICE_PHONES, publicityMinDays: 5 });
  });

  test.each([
    ['proposed by the village assessment', { proposedMeasures: ['medical_aid', 'temporary_relief'] }, ['medical_aid', 'temporary_relief']],
    ['none proposed (an assessment before the field existed)', { result: 'agreed', attendance: 20 }, []],
    ['no assessment stored', null, []],
    ['an unknown measure is left out', { proposedMeasures: ['medical_aid', 'a_pony'] }, ['medical_aid']],
  ])('a case on notice shows its 拟帮扶措施: %s', async (_what, assessment, expected) => {
    const before = await prisma.case.findUniqueOrThrow({ where: { caseNo: cases.zhang.caseNo }, select: { assessment: true } });
    await prisma.case.update({ where: { caseNo: cases.zhang.caseNo }, data: { assessment: assessment === null ? DbNull : assessment } });
    try {
      const res = await make({ includeDecided: true, preview: true });
      const row = res.body.rows.find((r: { caseNo: string }) => r.caseNo === cases.zhang.caseNo);
      expect(row).toMatchObject({ measures: expected, amountFen: null, decided: false });
      // a decided case keeps the measures the county approved
      expect(res.body.rows.find((r: { caseNo: string }) => r.caseNo === cases.li.caseNo)).toMatchObject({ measures: ['education_aid'] });
    } finally {
      await prisma.case.update({ where: { caseNo: cases.zhang.caseNo }, data: { assessment: before.assessment === null ? DbNull : before.assessment } });
    }
  });

  test.each([
    ['middle', ['张*兰', '欧阳*明']],
    ['given', ['张**', '欧阳**']],
    ['none', ['张秀兰', '欧阳小明']],
  ])('names masked "%s"', async (nameMask, names) => {
    const res = await make({ nameMask, preview: true });
    expect(res.body.rows.map((r: { name: string }) => r.name)).toEqual(names);
  });

  test('a period with nothing on notice is not stored (409), a preview of it is empty', async () => {
    const empty = { from: '2026-05-01', to: '2026-05-31' };
    expect((await make({ ...empty, preview: true })).body.rows).toEqual([]);
    const res = await make(empty);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('no_rows');
  });

  test.each([
    ['to before from', 'to', { from: '2026-03-10', to: '2026-03-01' }],
    ['not a date', 'from', { from: '2026-02-30' }],
    ['more than a year', 'to', { from: '2025-01-01', to: '2026-03-31' }],
    ['a town, not a village', 'villageId', { villageId: QINGSHAN }],
    ['an unknown mask', 'nameMask', { nameMask: 'initials' }],
  ])('bad input: %s → 400 naming %s', async (_what, field, body) => {
    const res = await make(body);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });
});

describe('nothing private leaves', () => {
  test('not in the JSON, the stored rows, the page (zh-CN and en) nor the message', async () => {
    const made = await make({ includeDecided: true, nameMask: 'none' });
    expect(made.status).toBe(201);
    const id: string = made.body.id;
    const got = await api(srv, county, 'GET', `/api/notices/${id}`);
    const stored = await prisma.publicNotice.findUniqueOrThrow({ where: { id } });
    const zh = await page(`/notice/${id}`);
    const en = await page(`/notice/${id}?lang=en`);
    for (const text of [JSON.stringify(made.body), JSON.stringify(got.body), JSON.stringify(stored), zh.html, en.html]) expect(privateIn(text)).toEqual([]);
    // the test would see them: the names and the office phones are there
    expect(zh.html).toContain('张秀兰');
    expect(zh.html).toContain(OFFICE_PHONES.village);
    expect(zh.html).toContain(OFFICE_PHONES.town);
    // the scan itself finds what it looks for
    expect(privateIn(`身份证 ${'43990119560101002X'} 电话 13800138000 病 肺癌`)).toHaveLength(3);
  });

  test('the stored rows hold only the public fields', async () => {
    const made = await make({ includeDecided: true });
    const stored = await prisma.publicNotice.findUniqueOrThrow({ where: { id: made.body.id } });
    for (const row of stored.rows as Record<string, unknown>[]) expect(Object.keys(row).sort()).toEqual(['amountFen', 'caseNo', 'cause', 'decided', 'end', 'householdSize', 'measures', 'name', 'no', 'start']);
  });
});

describe('the public page', () => {
  let id: string;
  beforeAll(async () => {
    id = (await make({ includeDecided: true })).body.id;
  });

  test('a notice in Chinese: title, columns, rows with references, dates, where to object, a QR code', async () => {
    const { status, headers, html } = await page(`/notice/${id}`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/text\/html/);
    for (const words of ['柳树村防止返贫监测帮扶对象公示', '户主姓名', '村组', '家庭人口', '困难类型', '拟帮扶措施', '张*兰', '因病', '因灾', '教育资助', '帮扶金额8,000元', '公示时间：2026年3月1日至2026年3月15日（不少于5天）', cases.zhang.caseNo, '村委会电话：0739-6201101', '青山镇电话：0739-6200100', '<svg'])
      expect(html).toContain(words);
    expect(headers.get('x-robots-tag')).toMatch(/noindex/);
  });

  test('in English with ?lang=en', async () => {
    const { html } = await page(`/notice/${id}?lang=en`);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Liushu Village: public notice');
    expect(html).toContain('Head of household');
    for (const words of ['Schooling', 'education aid', 'amount 8,000 yuan', 'Notice period: 1 March 2026 to 15 March 2026 (at least 5 days)', 'Village committee: 0739-6201101']) expect(html).toContain(words);
  });

  test('a strict CSP: the one style and script carry the answer’s nonce, nothing else is allowed', async () => {
    const { headers, html } = await page(`/notice/${id}`);
    const csp = headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(html.match(/<style[^>]*>/g)).toEqual([`<style nonce="${nonce}">`]);
    expect(html.match(/<script[^>]*>/g)).toEqual([`<script nonce="${nonce}">`]);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).toMatch(/@page \{ size: A4/);
  });

  test.each([['an unknown id', '/notice/AAAAAAAAAAAAAAAAAAAAAA'], ['not an id', '/notice/x1'], ['the preview placeholder', '/notice/preview']])('%s → a 404 page', async (_what, path) => {
    const { status, html } = await page(path);
    expect(status).toBe(404);
    expect(html).toContain('公示不存在');
  });
});

describe('who may', () => {
  test.each([
    ['the village', 'liushu', 201],
    ['its town', 'qingshan', 201],
    ['the county office', 'county', 201],
    ['another village', 'baishi', 403],
    ['another town', 'baishi_town', 403],
    ['the verifier', 'verifier', 403],
    ['the auditor (reads only)', 'auditor', 403],
  ] as const)('make 柳树村’s notice: %s (%s) → %d', async (_who, key, status) => {
    expect((await make({}, srv.cadre(key).token)).status).toBe(status);
  });

  test('read: a notice outside the caller’s region is not found, the list holds only the region’s', async () => {
    const id = (await make({})).body.id;
    expect((await api(srv, srv.cadre('baishi').token, 'GET', `/api/notices/${id}`)).status).toBe(404);
    expect((await api(srv, srv.cadre('auditor').token, 'GET', `/api/notices/${id}`)).status).toBe(200);
    expect((await api(srv, srv.cadre('liushu').token, 'GET', `/api/notices/${id}`)).status).toBe(200);
    const baishiList = await api(srv, srv.cadre('baishi').token, 'GET', '/api/notices');
    expect(baishiList.body.items).toEqual([]);
    const liushuList = await api(srv, srv.cadre('liushu').token, 'GET', `/api/notices?villageId=${LIUSHU}`);
    expect(liushuList.body.items.map((n: { id: string }) => n.id)).toContain(id);
    expect(liushuList.body.items.every((n: { village: { code: string } }) => n.village.code === LIUSHU)).toBe(true);
    expect((await api(srv, srv.cadre('baishi').token, 'GET', `/api/notices?villageId=${LIUSHU}`)).status).toBe(403);
  });

  test('the list filters by period: notices whose days overlap it', async () => {
    const feb = (await make({ from: '2026-02-01', to: '2026-02-28', includeDecided: true })).body.id;
    const inFeb = await api(srv, county, 'GET', `/api/notices?villageId=${LIUSHU}&from=2026-02-01&to=2026-02-28`);
    const ids = inFeb.body.items.map((n: { id: string }) => n.id);
    expect(ids).toContain(feb);
    expect(inFeb.body.items.every((n: { start: string; end: string }) => n.start <= '2026-02-28' && n.end >= '2026-02-01')).toBe(true);
    const inMay = await api(srv, county, 'GET', `/api/notices?villageId=${LIUSHU}&from=2026-05-01&to=2026-05-31`);
    expect(inMay.body.items).toEqual([]);
  });

  test('making one is audited; a preview is audited as a look at names', async () => {
    const id = (await make({})).body.id;
    expect(await prisma.auditEntry.count({ where: { action: 'notice:create', subject: id, actorId: srv.cadre('county').id } })).toBe(1);
    const before = await prisma.auditEntry.count({ where: { action: 'notice:preview' } });
    await make({ preview: true, nameMask: 'none' });
    expect(await prisma.auditEntry.count({ where: { action: 'notice:preview', kind: 'access' } })).toBe(before + 1);
  });
});

describe('发到村工作群', () => {
  test('without a bound work group: 409, nothing sent', async () => {
    const id = (await make({})).body.id;
    const res = await api(srv, county, 'POST', `/api/notices/${id}/send`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('no_work_group');
    expect(await prisma.broadcast.count()).toBe(0);
  });

  test('the village sends it: a broadcast to its groups only, with the households, where to object and the page’s address', async () => {
    await bindRoom(prisma, LIUSHU, 'r-liushu@chatroom');
    await bindRoom(prisma, SHIQIAO, 'r-shiqiao@chatroom');
    await bindRoom(prisma, QINGSHAN, 'r-qingshan@chatroom');
    const id = (await make({ includeDecided: true })).body.id;
    const res = await api(srv, srv.cadre('liushu').token, 'POST', `/api/notices/${id}/send`);
    expect(res.status).toBe(200);
    expect(res.body.broadcast.recipients).toBe(1);
    expect(res.body.notice.sentAt).toBe(clock.toISOString());
    const rows = await prisma.outbox.findMany({ where: { broadcastId: res.body.broadcast.id } });
    expect(rows.map((r) => [r.targetType, r.targetId, r.kind])).toEqual([['room', 'r-liushu@chatroom', 'broadcast']]);
    const text = (rows[0]!.payload as { text: string }).text;
    expect(text).toContain('柳树村防止返贫监测帮扶对象公示');
    expect(text).toContain('1. 李*（因学，5人）');
    expect(text).toContain('2. 张*兰（因病，4人）');
    expect(text).toContain(OFFICE_PHONES.village);
    expect(text).toContain(`${srv.url}/notice/${id}`);
    expect(privateIn(text)).toEqual([]);
    const broadcast = await prisma.broadcast.findUniqueOrThrow({ where: { id: res.body.broadcast.id } });
    expect(broadcast).toMatchObject({ status: 'sending', authorId: srv.cadre('liushu').id, contentKind: 'text' });
    expect(await prisma.auditEntry.count({ where: { action: 'notice:send', subject: id } })).toBe(1);
    expect(await prisma.auditEntry.count({ where: { action: 'broadcast:send', reason: broadcast.id } })).toBe(1);
  });

  test.each([
    ['the auditor', 'auditor', 403],
    ['another village', 'baishi', 404],
  ] as const)('%s (%s) cannot send it: %d', async (_who, key, status) => {
    const id = (await make({})).body.id;
    expect((await api(srv, srv.cadre(key).token, 'POST', `/api/notices/${id}/send`)).status).toBe(status);
  });
});

describe('objections against a row', () => {
  test('land on the case with the notice’s id; the notice counts them per row', async () => {
    const id = (await make({})).body.id;
    const res = await api(srv, srv.cadre('liushu').token, 'POST', `/api/notices/${id}/objections`, { caseNo: cases.zhang.caseNo, note: '邻居反映家里新买了车' });
    expect(res.status).toBe(201);
    expect(res.body.objection).toMatchObject({ caseNo: cases.zhang.caseNo, noticeId: id });
    const detail = await api(srv, county, 'GET', `/api/cases/${cases.zhang.caseNo}`);
    expect(detail.body.objections.find((o: { id: string }) => o.id === res.body.objection.id)).toMatchObject({ note: '邻居反映家里新买了车', noticeId: id, resolvedAt: null });
    const event = await prisma.caseEvent.findFirstOrThrow({ where: { case: { caseNo: cases.zhang.caseNo }, type: 'objection' }, orderBy: { seq: 'desc' } });
    expect(event.data).toMatchObject({ objectionId: res.body.objection.id, noticeId: id });
    const got = await api(srv, county, 'GET', `/api/notices/${id}`);
    expect(got.body.rows.find((r: { caseNo: string }) => r.caseNo === cases.zhang.caseNo).objections).toEqual({ open: 1, total: 1 });
    expect(got.body.rows.find((r: { caseNo: string }) => r.caseNo === cases.ouyang.caseNo).objections).toEqual({ open: 0, total: 0 });
  });

  test.each([
    ['a case not on this notice', () => cases.shiqiao.caseNo, 'county', 400],
    ['a decided case (its notice is over)', () => cases.li.caseNo, 'county', 409],
    ['by the town (the workflow: village and county hear objections)', () => cases.zhang.caseNo, 'qingshan', 403],
  ] as const)('refused: %s', async (_what, caseNo, key, status) => {
    const id = (await make({ includeDecided: true })).body.id;
    const res = await api(srv, srv.cadre(key).token, 'POST', `/api/notices/${id}/objections`, { caseNo: caseNo(), note: '有异议' });
    expect(res.status).toBe(status);
  });
});

/** A request with a Host header of the caller's choosing (fetch does not let one set it). */
const withHost = (path: string, host: string, token: string, method = 'GET') =>
  new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const u = new URL(`${srv.url}${path}`);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method, headers: { host, authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text || '{}') }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });

describe('the public address: PUBLIC_BASE_URL, never the Host header', () => {
  const BASE = 'https://fangpin.example.gov.cn';
  afterEach(() => {
    srv.config.notices.publicBaseUrl = undefined;
    srv.config.notices.requestOrigin = true;
  });

  test('set: the link, the QR code and the group message carry it, whatever Host the request names', async () => {
    srv.config.notices.publicBaseUrl = BASE;
    if ((await prisma.roomBinding.count({ where: { roomId: 'r-liushu@chatroom' } })) === 0) await bindRoom(prisma, LIUSHU, 'r-liushu@chatroom');
    const id = (await make({})).body.id;
    const got = await withHost(`/api/notices/${id}`, 'evil.example', county);
    expect(got.body.publicUrl).toBe(`${BASE}/notice/${id}`);
    expect(JSON.stringify(got.body)).not.toContain('evil.example');
    const sent = await withHost(`/api/notices/${id}/send`, 'evil.example', county, 'POST');
    expect(sent.status).toBe(200);
    const row = await prisma.outbox.findFirstOrThrow({ where: { broadcastId: (sent.body.broadcast as { id: string }).id } });
    const text = (row.payload as { text: string }).text;
    expect(text).toContain(`${BASE}/notice/${id}`);
    expect(text).not.toContain('evil.example');
  });

  test('unset in production: making and sending are refused (409 public_base_url_missing), nothing is stored', async () => {
    const id = (await make({})).body.id;
    srv.config.notices.requestOrigin = false;
    const before = await prisma.publicNotice.count();
    const made = await make({});
    expect(made.status).toBe(409);
    expect(made.body.error.code).toBe('public_base_url_missing');
    expect(made.body.error.message).toContain('PUBLIC_BASE_URL');
    expect(await prisma.publicNotice.count()).toBe(before);
    const sent = await api(srv, county, 'POST', `/api/notices/${id}/send`);
    expect(sent.status).toBe(409);
    expect(sent.body.error.code).toBe('public_base_url_missing');
    // a preview posts nothing: it needs no address
    expect((await make({ preview: true })).status).toBe(200);
  });

  test('the page is kept by no cache', async () => {
    const id = (await make({})).body.id;
    for (const path of [`/notice/${id}`, '/notice/AAAAAAAAAAAAAAAAAAAAAA']) expect((await page(path)).headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('how long the public page stays, and 撤回', () => {
  afterEach(() => {
    clock = MARCH_10;
  });

  test.each([
    ['on its end day', '2026-03-15', 200],
    ['30 days after its end day (NOTICE_PUBLIC_DAYS)', '2026-04-14', 200],
    ['31 days after', '2026-04-15', 404],
  ])('%s (%s) → %d', async (_what, day, status) => {
    const made = await make({});
    expect(made.body.end).toBe('2026-03-15');
    clock = new Date(`${day}T02:00:00Z`);
    const res = await page(`/notice/${made.body.id}`);
    expect(res.status).toBe(status);
    if (status === 404) expect(res.html).toContain('公示不存在');
  });

  test('withdrawn by the village: the page is gone, the record stays, audited; no second withdrawal, no sending', async () => {
    const id = (await make({})).body.id;
    expect((await page(`/notice/${id}`)).status).toBe(200);
    const res = await api(srv, srv.cadre('liushu').token, 'POST', `/api/notices/${id}/withdraw`);
    expect(res.status).toBe(200);
    expect(res.body.notice.withdrawnAt).toBe(clock.toISOString());
    const gone = await page(`/notice/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.html).toContain('公示不存在');
    const got = await api(srv, county, 'GET', `/api/notices/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ withdrawnAt: clock.toISOString(), publicUrl: null, qrSvg: null });
    expect(await prisma.auditEntry.count({ where: { action: 'notice:withdraw', subject: id, actorId: srv.cadre('liushu').id } })).toBe(1);
    expect((await api(srv, county, 'POST', `/api/notices/${id}/withdraw`)).body.error.code).toBe('notice_withdrawn');
    expect((await api(srv, county, 'POST', `/api/notices/${id}/send`)).body.error.code).toBe('notice_withdrawn');
  });

  test.each([
    ['the auditor (reads only)', 'auditor', 403],
    ['another village', 'baishi', 404],
    ['the verifier', 'verifier', 403],
  ] as const)('withdrawing refused: %s → %d, the page stays', async (_who, key, status) => {
    const id = (await make({})).body.id;
    expect((await api(srv, srv.cadre(key).token, 'POST', `/api/notices/${id}/withdraw`)).status).toBe(status);
    expect((await page(`/notice/${id}`)).status).toBe(200);
  });
});

describe('full names (nameMask none)', () => {
  test.each([
    ['the county office', 'county', 201],
    ['the town', 'qingshan', 201],
    ['the village', 'liushu', 403],
  ] as const)('%s (%s) → %d', async (_who, key, status) => {
    for (const preview of [false, true]) {
      const res = await make({ nameMask: 'none', preview }, srv.cadre(key).token);
      expect(res.status).toBe(status === 201 && preview ? 200 : status);
      if (status === 403) expect(res.body.error.message).toMatch(/^nameMask/);
    }
  });
});

describe('rows whose case has since been withdrawn or rejected', () => {
  test.each(['withdrawn', 'rejected'] as const)('%s: gone from the public page, kept in the stored record', async (status) => {
    const id = (await make({ nameMask: 'none' })).body.id;
    const before = await page(`/notice/${id}`);
    expect(before.html).toContain('张秀兰');
    await prisma.case.update({ where: { caseNo: cases.zhang.caseNo }, data: { status } });
    try {
      const after = await page(`/notice/${id}`);
      expect(after.status).toBe(200);
      expect(after.html).not.toContain('张秀兰');
      expect(after.html).not.toContain(cases.zhang.caseNo);
      expect(after.html).toContain('欧阳小明');
      const stored = await prisma.publicNotice.findUniqueOrThrow({ where: { id } });
      expect((stored.rows as { caseNo: string }[]).map((r) => r.caseNo)).toEqual([cases.zhang.caseNo, cases.ouyang.caseNo]);
    } finally {
      await prisma.case.update({ where: { caseNo: cases.zhang.caseNo }, data: { status: 'publicity' } });
    }
  });
});

describe('unknown keys are refused (400 naming the key)', () => {
  test.each([
    ['the body of a notice', () => make({ preview: true, mask: 'none' }), 'mask'],
    ['the list query', () => api(srv, county, 'GET', '/api/notices?village=x'), 'village'],
  ])('%s', async (_what, call, key) => {
    const res = await call();
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(key);
  });
});

describe('PUBLIC_BASE_URL and NOTICE_PUBLIC_DAYS, as configured', () => {
  const base = { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'fangpin-config-')), BOT_TOKEN: 'x'.repeat(32) };
  test.each([
    ['unset', {}, { publicBaseUrl: undefined, requestOrigin: true, publicDays: 30 }],
    ['an https address, its trailing slash dropped', { PUBLIC_BASE_URL: 'https://fangpin.example.gov.cn/' }, { publicBaseUrl: 'https://fangpin.example.gov.cn', requestOrigin: true, publicDays: 30 }],
    ['a path prefix kept', { PUBLIC_BASE_URL: 'https://gov.example.cn/fangpin', NOTICE_PUBLIC_DAYS: '60' }, { publicBaseUrl: 'https://gov.example.cn/fangpin', requestOrigin: true, publicDays: 60 }],
  ])('%s', (_what, env, expected) => {
    expect(loadConfig({ ...base, ...env }).notices).toEqual(expected);
  });

  test.each([
    ['no URL', { PUBLIC_BASE_URL: 'fangpin.example.gov.cn' }, 'PUBLIC_BASE_URL'],
    ['another scheme', { PUBLIC_BASE_URL: 'javascript:alert(1)' }, 'PUBLIC_BASE_URL'],
    ['a query', { PUBLIC_BASE_URL: 'https://fangpin.example.gov.cn/?x=1' }, 'PUBLIC_BASE_URL'],
    ['negative days', { NOTICE_PUBLIC_DAYS: '-1' }, 'NOTICE_PUBLIC_DAYS'],
  ])('refused at start: %s', (_what, env, name) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(name);
  });
});
