/**
 * "My cases" in the mini-program: a villager sees their own cases only — another villager's
 * token gets 404 on every case endpoint, exactly like a number that does not exist. A case
 * returned for documents shows what is missing; photos for it and "send it back" go through the
 * workflow with the villager as the actor; the timeline says each step in plain words. Updates of
 * a case filed in the mini-program reach the household's WeChat chat.
 */
import { t } from '../../flows/i18n';
import { startTestServer, jpegBytes, pngBytes, type TestServer } from '../support/server';
import { answersFor, call, capturingLogger, idNumber, loginByPhone, upload } from './support';

const log = capturingLogger();
let srv: TestServer;
let seq = 0;
const phone = () => `1330000${String(++seq).padStart(4, '0')}`;

let owner: string;
let stranger: string;
let caseNo: string;
let documentId: string;

beforeAll(async () => {
  srv = await startTestServer({ log });
  owner = await loginByPhone(srv, log, phone());
  stranger = await loginByPhone(srv, log, phone());
  const photo = await upload(srv, owner, jpegBytes(7));
  const res = await call(srv, 'POST', '/api/app/applications', {
    token: owner,
    headers: { 'idempotency-key': 'cases-test-0001' },
    body: { cause: 'illness', answers: answersFor('illness', { idNumber: idNumber('19600606', 1) }), documents: [{ uploadId: photo.body.upload.id, item: 'hospital_bill' }] },
  });
  expect(res.status).toBe(201);
  caseNo = res.body.case.caseNo;
  documentId = res.body.case.documents[0].id;
});
afterAll(async () => {
  await srv.close();
});

const cadreMove = (to: string, extra: Record<string, unknown> = {}, role: 'village' | 'town' = 'village') =>
  call(srv, 'POST', `/api/cases/${caseNo}/transitions`, { token: srv.tokenOf(role), body: { to, ...extra } });

describe('only one’s own cases', () => {
  test('the list has one’s own cases; another villager’s list does not', async () => {
    expect((await call(srv, 'GET', '/api/app/cases', { token: owner })).body.cases.map((c: { caseNo: string }) => c.caseNo)).toEqual([caseNo]);
    expect((await call(srv, 'GET', '/api/app/cases', { token: stranger })).body.cases).toEqual([]);
  });

  test.each([
    ['GET', 'the case', () => `/api/app/cases/${caseNo}`],
    ['GET', 'the case, lower case', () => `/api/app/cases/${caseNo.toLowerCase()}`],
    ['GET', 'a document', () => `/api/app/cases/${caseNo}/documents/${documentId}`],
    ['POST', 'resubmit', () => `/api/app/cases/${caseNo}/resubmit`],
    ['POST', 'withdraw', () => `/api/app/cases/${caseNo}/withdraw`],
  ])('%s %s with another villager’s token: 404, like a case that does not exist', async (method, _what, path) => {
    const theirs = await call(srv, method, path(), { token: stranger, ...(method === 'POST' ? { body: {} } : {}) });
    const none = await call(srv, method, path().replace(caseNo, 'FP-2026-999999').replace(caseNo.toLowerCase(), 'fp-2026-999999'), { token: stranger, ...(method === 'POST' ? { body: {} } : {}) });
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(none.body);
    expect(theirs.body.error.message).toBe(t('zh-CN', 'miniprogram.errors.case_not_found'));
  });

  test('a photo for another villager’s case: 404, nothing stored', async () => {
    const before = await srv.db.prisma.document.count();
    const r = await upload(srv, stranger, pngBytes(5), 'x.png', `/api/app/cases/${caseNo}/supplements`);
    expect(r.status).toBe(404);
    expect(await srv.db.prisma.document.count()).toBe(before);
  });

  test('the owner reads the case and its document', async () => {
    const detail = await call(srv, 'GET', `/api/app/cases/${caseNo}?lang=en`, { token: owner });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ caseNo, cause: 'illness', causeLabel: t('en', 'cause.illness'), status: 'village_review', statusLabel: t('en', 'status.village_review'), missing: null, canSupplement: false, canWithdraw: true });
    expect(detail.body.timeline.map((e: { text: string }) => e.text)).toEqual([t('en', 'workflow.villager.to_submitted'), t('en', 'workflow.villager.to_village_review')]);
    const bytes = await fetch(`${srv.url}/api/app/cases/${caseNo}/documents/${documentId}`, { headers: { authorization: `Bearer ${owner}` } });
    expect(bytes.status).toBe(200);
    expect(bytes.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await bytes.arrayBuffer())).toEqual(jpegBytes(7));
  });
});

describe('returned for documents', () => {
  test('what is missing, a photo for it, and back to the step that returned it', async () => {
    const returned = await cadreMove('returned', { data: { items: ['出院小结', '户口本'] }, note: '材料不全' });
    expect(returned.status).toBe(200);
    const detail = (await call(srv, 'GET', `/api/app/cases/${caseNo}`, { token: owner })).body;
    expect(detail).toMatchObject({ status: 'returned', canSupplement: true, canWithdraw: true, missing: { items: ['出院小结', '户口本'], step: t('zh-CN', 'workflow.step.village_review'), note: '材料不全' } });
    expect(detail.timeline.at(-1).text).toBe('您的申请还需要补充材料（村委会初审时发现的）：\n1. 出院小结\n2. 户口本');
    expect((await call(srv, 'GET', '/api/app/cases', { token: owner })).body.cases[0]).toMatchObject({ status: 'returned', needsAction: true });

    const photo = await upload(srv, owner, pngBytes(42), 'summary.png', `/api/app/cases/${caseNo}/supplements`);
    expect(photo.status).toBe(201);
    expect(photo.body.document).toMatchObject({ item: 'supplement', mime: 'image/png' });
    // the cadre sees it with the case
    const cadreView = await call(srv, 'GET', `/api/cases/${caseNo}`, { token: srv.tokenOf('village') });
    expect(cadreView.body.documents.map((d: { kind: string }) => d.kind)).toEqual(['hospital_bill', 'supplement']);

    const back = await call(srv, 'POST', `/api/app/cases/${caseNo}/resubmit`, { token: owner, body: {} });
    expect(back.status).toBe(200);
    expect(back.body.case).toMatchObject({ status: 'village_review', missing: null, canSupplement: false });
    expect(back.body.case.timeline.at(-1).text).toBe(t('zh-CN', 'workflow.villager.resubmitted', { step: t('zh-CN', 'workflow.step.village_review') }));
    const event = await srv.db.prisma.caseEvent.findFirstOrThrow({ where: { case: { caseNo }, type: 'resubmit' } });
    expect(event.actorType).toBe('villager');

    // not returned any more: no photos, no second resubmit
    const late = await upload(srv, owner, pngBytes(43), 'late.png', `/api/app/cases/${caseNo}/supplements`);
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'not_returned', message: t('zh-CN', 'miniprogram.errors.not_returned') });
    expect((await call(srv, 'POST', `/api/app/cases/${caseNo}/resubmit`, { token: owner, body: {} })).status).toBe(409);
  });
});

describe('updates of a case filed in the mini-program', () => {
  test('reach the household’s WeChat chat, and show in the timeline', async () => {
    const row = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo } });
    await srv.db.prisma.contact.create({ data: { channel: 'test:bot', externalId: 'wx-household', name: '王大妈', householdId: row.householdId, householdLink: 'created' } });
    expect((await cadreMove('town_review')).status).toBe(200);
    const notice = await srv.db.prisma.outbox.findFirstOrThrow({ where: { caseId: row.id, targetId: 'wx-household' } });
    expect(notice).toMatchObject({ channel: 'test:bot', kind: 'case_update' });
    expect((notice.payload as { text: string }).text).toContain(t('zh-CN', 'workflow.villager.to_town_review'));
    // nothing is queued for the mini-program's own channel: no bot would ever deliver it
    expect(await srv.db.prisma.outbox.count({ where: { channel: { in: ['miniprogram', 'app-phone'] } } })).toBe(0);
    const detail = (await call(srv, 'GET', `/api/app/cases/${caseNo}`, { token: owner })).body;
    expect(detail.timeline.at(-1)).toMatchObject({ status: 'town_review', statusLabel: t('zh-CN', 'status.town_review'), text: t('zh-CN', 'workflow.villager.to_town_review') });
  });

  test('a withdrawal by the villager', async () => {
    const res = await call(srv, 'POST', `/api/app/cases/${caseNo}/withdraw?lang=en`, { token: owner, body: {} });
    expect(res.status).toBe(200);
    expect(res.body.case).toMatchObject({ status: 'withdrawn', statusLabel: t('en', 'status.withdrawn'), canWithdraw: false });
    const again = await call(srv, 'POST', `/api/app/cases/${caseNo}/withdraw?lang=en`, { token: owner, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(t('en', 'miniprogram.errors.not_withdrawable'));
  });
});
