/**
 * Submitting from the mini-program: the answers are checked as the chat checks them (errors per
 * field, in the villager's language, nothing stored), the figures are the chat's, the case is
 * filed by the chat's filing code (number, household, documents, village review, the village
 * cadre's notice), uploads are limited and sniffed like the chat's, and a retried submit — one
 * after another or at the same time — never files twice.
 */
import { t } from '../../flows/i18n';
import { startTestServer, jpegBytes, pngBytes, type TestServer } from '../support/server';
import { answersFor, call, capturingLogger, idNumber, loginByPhone, upload } from './support';

const log = capturingLogger();
let srv: TestServer;
let seq = 0;
const nextId = () => idNumber('19700101', 100 + ++seq);
const phone = () => `1350000${String(++seq).padStart(4, '0')}`;
const MAX_UPLOAD = 64 * 1024;

beforeAll(async () => {
  // a dozen villagers log in here, all from 127.0.0.1: the per-address limit (tested in auth-otp and
  // login-flood) would stand between them
  srv = await startTestServer({ log, maxUploadBytes: MAX_UPLOAD, env: { AUTH_CLIENT_PER_MINUTE: '1000', AUTH_CLIENT_PER_HOUR: '10000' } });
  // the village cadre of 柳树村 has bound their WeChat: new cases there are announced to them
  const contact = await srv.db.prisma.contact.create({ data: { channel: 'test:bot', externalId: 'wx-liushu-cadre', name: '村支书' } });
  await srv.db.prisma.cadre.update({ where: { id: srv.cadre('liushu').id }, data: { contactId: contact.id } });
});
afterAll(async () => {
  await srv.close();
});

const submit = (token: string, key: string, body: unknown, lang?: string) =>
  call(srv, 'POST', `/api/app/applications${lang ? `?lang=${lang}` : ''}`, { token, body, headers: { 'idempotency-key': key } });

async function villagerWithUploads(n: number): Promise<{ token: string; uploads: string[] }> {
  const token = await loginByPhone(srv, log, phone());
  const uploads: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await upload(srv, token, i % 2 ? pngBytes(++seq) : jpegBytes(++seq % 250), i % 2 ? 'a.png' : 'b.jpg');
    expect(r.status).toBe(201);
    uploads.push(r.body.upload.id);
  }
  return { token, uploads };
}

describe('a 因学 application with two photos', () => {
  test('is filed like the chat files it: figures, documents, village review, the cadre’s notice', async () => {
    const { token, uploads } = await villagerWithUploads(2);
    const id = nextId();
    const body = {
      cause: 'education',
      lang: 'zh-CN',
      answers: answersFor('education', { idNumber: id }),
      documents: [
        { uploadId: uploads[0], item: 'enrollment_proof' },
        { uploadId: uploads[1], item: 'fee_receipt' },
      ],
    };
    const res = await submit(token, 'key-education-0001', body);
    expect(res.status).toBe(201);
    expect(res.body.duplicate).toBe(false);
    const c = res.body.case;
    expect(c).toMatchObject({ caseNo: expect.stringMatching(/^FP-\d{4}-\d{6}$/), cause: 'education', status: 'village_review', statusLabel: '村委会初审中', village: '柳树村', town: '青山镇' });
    expect(c.applicant).toEqual({ name: '王秀英', idNumberTail: id.slice(-4), phoneTail: '1111' });
    expect(c.figures).toMatchObject({ householdSize: 4, annualIncomeFen: 2_000_000, perCapitaIncomeFen: 500_000, rigidExpenseFen: 900_000, incomeLineFen: 870_000 });
    expect(c.documents.map((d: { item: string; label: string }) => [d.item, d.label])).toEqual([
      ['enrollment_proof', t('zh-CN', 'docs.item.enrollment_proof')],
      ['fee_receipt', t('zh-CN', 'docs.item.fee_receipt')],
    ]);
    expect(c.summary).toContainEqual({ label: '学校', value: '县第一中学' });
    expect(c.summary).toContainEqual({ label: '身份证号', value: `…${id.slice(-4)}` });
    expect(c.timeline.map((e: { type: string }) => e.type)).toEqual(['submitted', 'accept']);

    const row = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: c.caseNo }, include: { household: true, documents: true } });
    expect(row).toMatchObject({ channel: 'app-phone', status: 'village_review', rigidExpenseFen: 900_000, perCapitaIncomeFen: 500_000, incomeLineFen: 870_000 });
    expect(row.household).toMatchObject({ headIdNumber: id, phone: '13900001111', size: 4 });
    const app = row.answers as Record<string, any>;
    expect(app).toMatchObject({
      cause: 'education',
      applicant: { name: '王秀英', idNumber: id, householdSize: 4, annualIncomeFen: 2_000_000, perCapitaIncomeFen: 500_000, povertyAlleviated: false },
      details: { studentName: '王小明', stage: 'senior', school: '县第一中学', educationCostFen: 1_200_000, aidFen: 300_000, missingDocuments: [] },
      rigidExpenseFen: 900_000,
      precheck: { incomeLineFen: 870_000, underIncomeLine: true, expenseExceedsIncome: false },
      consent: { incomeCheck: true, personalInfo: true },
      lang: 'zh-CN',
    });
    expect(row.documents.map((d) => d.id).sort()).toEqual([...uploads].sort());
    // the village cadre hears of it, with the command to reply with
    const notice = await srv.db.prisma.outbox.findFirstOrThrow({ where: { caseId: row.id, targetId: 'wx-liushu-cadre' } });
    expect(notice.kind).toBe('case_task');
    expect((notice.payload as { text: string }).text).toContain(c.caseNo);

    const mine = await call(srv, 'GET', '/api/app/cases', { token });
    expect(mine.body.cases).toEqual([expect.objectContaining({ caseNo: c.caseNo, cause: 'education', causeLabel: '因学', status: 'village_review', needsAction: false })]);
  });

  test('an item without photos is recorded as not provided, as when "跳过" in the chat', async () => {
    const { token, uploads } = await villagerWithUploads(1);
    const res = await submit(token, 'key-skip-0001', { cause: 'education', answers: answersFor('education', { idNumber: nextId() }), documents: [{ uploadId: uploads[0], item: 'fee_receipt' }] });
    expect(res.status).toBe(201);
    const row = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: res.body.case.caseNo } });
    expect((row.answers as { details: { missingDocuments: string[] } }).details.missingDocuments).toEqual(['enrollment_proof']);
  });
});

describe('idempotent submission', () => {
  test('a retry with the same key gets the same answer and files nothing more', async () => {
    const { token, uploads } = await villagerWithUploads(1);
    const body = { cause: 'illness', answers: answersFor('illness', { idNumber: nextId() }), documents: [{ uploadId: uploads[0], item: 'hospital_bill' }] };
    const first = await submit(token, 'retry-key-0001', body);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replay')).toBeNull();
    const again = await submit(token, 'retry-key-0001', body);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await srv.db.prisma.case.count({ where: { caseNo: first.body.case.caseNo } })).toBe(1);
    const household = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: first.body.case.caseNo } });
    expect(await srv.db.prisma.case.count({ where: { householdId: household.householdId } })).toBe(1);

    // the same key with other answers: refused, nothing filed
    const other = await submit(token, 'retry-key-0001', { ...body, answers: { ...body.answers, school: 'x' }, cause: 'illness', documents: [] }, 'en');
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ code: 'idempotency_key_reused', message: t('en', 'miniprogram.errors.idempotency_reused') });
  });

  test('three submits with one key at the same time file one case', async () => {
    const { token } = await villagerWithUploads(0);
    const id = nextId();
    const body = { cause: 'disaster', answers: answersFor('disaster', { idNumber: id }), documents: [] };
    const results = await Promise.all([1, 2, 3].map(() => submit(token, 'race-key-000001', body)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => r.body.case.caseNo)).size).toBe(1);
    expect(results.filter((r) => r.headers.get('idempotent-replay') === 'true')).toHaveLength(2);
    expect(await srv.db.prisma.case.count({ where: { household: { headIdNumber: id } } })).toBe(1);
  });

  test('a second application of the same household and cause while one is open: the open one, with the new photos', async () => {
    const { token, uploads } = await villagerWithUploads(2);
    const id = nextId();
    const first = await submit(token, 'open-key-00001', { cause: 'illness', answers: answersFor('illness', { idNumber: id }), documents: [{ uploadId: uploads[0], item: 'hospital_bill' }] });
    const second = await submit(token, 'open-key-00002', { cause: 'illness', answers: answersFor('illness', { idNumber: id }), documents: [{ uploadId: uploads[1], item: 'discharge_summary' }] });
    expect(second.status).toBe(200);
    expect(second.body.duplicate).toBe(true);
    expect(second.body.case.caseNo).toBe(first.body.case.caseNo);
    expect(second.body.case.documents.map((d: { item: string }) => d.item)).toEqual(['hospital_bill', 'discharge_summary']);
    expect(second.body.case.timeline.map((e: { type: string }) => e.type)).toContain('duplicate_application');
  });

  test('without an Idempotency-Key: 400 naming the header', async () => {
    const token = await loginByPhone(srv, log, phone());
    const res = await call(srv, 'POST', '/api/app/applications', { token, body: { cause: 'illness', answers: {} } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: 'Idempotency-Key', message: t('zh-CN', 'miniprogram.errors.idempotency_key') });
  });
});

describe('whose cases show', () => {
  test('typing another household’s ID number files an application but does not open that household’s cases', async () => {
    // a household that applied by chat earlier
    const victim = await loginByPhone(srv, log, phone());
    const id = nextId();
    const first = await submit(victim, 'victim-key-0001', { cause: 'illness', answers: answersFor('illness', { idNumber: id }), documents: [] });
    expect(first.status).toBe(201);
    // someone else types that ID number for another cause
    const other = await loginByPhone(srv, log, phone());
    const second = await submit(other, 'other-key-00001', { cause: 'disaster', answers: answersFor('disaster', { idNumber: id }), documents: [] });
    expect(second.status).toBe(201);
    const mine = (await call(srv, 'GET', '/api/app/cases', { token: other })).body.cases.map((c: { caseNo: string }) => c.caseNo);
    expect(mine).toEqual([second.body.case.caseNo]);
    expect((await call(srv, 'GET', `/api/app/cases/${first.body.case.caseNo}`, { token: other })).status).toBe(404);
  });
});

describe('validation', () => {
  test.each(['zh-CN', 'en'] as const)('every wrong or missing answer is named, in %s, and nothing is stored', async (lang) => {
    const { token, uploads } = await villagerWithUploads(1);
    const answers = answersFor('illness', { idNumber: '110105196203150410', householdSize: '30', reimbursedFen: '9万', consentPersonal: false, hospital: undefined, townCode: '439901200', villageCode: '439901100201' });
    const before = await srv.db.prisma.case.count();
    const res = await submit(token, `bad-key-${lang}-01`, { cause: 'illness', answers, documents: [{ uploadId: uploads[0], item: 'hospital_bill' }] }, lang);
    expect(res.status).toBe(400);
    const fields = {
      idNumber: t(lang, 'parse.id_checksum'),
      villageCode: t(lang, 'parse.choice_unknown'),
      householdSize: t(lang, 'apply.householdSize.invalid'),
      hospital: t(lang, 'miniprogram.form.error.required'),
      reimbursedFen: t(lang, 'apply.reimbursedFen.too_much', { limit: lang === 'en' ? expect.any(String) : '50,000元' }),
      consentPersonal: t(lang, 'miniprogram.form.error.consent_required'),
    };
    expect(Object.keys(res.body.fields)).toEqual(Object.keys(fields));
    expect(res.body.fields.idNumber).toBe(fields.idNumber);
    expect(res.body.fields.hospital).toBe(fields.hospital);
    expect(res.body.fields.consentPersonal).toBe(fields.consentPersonal);
    expect(res.body.error).toEqual({ code: 'invalid', field: 'idNumber', message: t(lang, 'miniprogram.form.error.invalid', { n: 6 }) });
    expect(await srv.db.prisma.case.count()).toBe(before);
    expect(await srv.db.prisma.document.findUniqueOrThrow({ where: { id: uploads[0] } })).toMatchObject({ caseId: null, kind: 'upload' });
    expect(await srv.db.prisma.appSubmission.count({ where: { key: `bad-key-${lang}-01` } })).toBe(0);
  });

  test.each(['zh-CN', 'en'] as const)('an estimate the chat would say back for a yes is refused in %s, naming the field (a form cannot confirm)', async (lang) => {
    const { token } = await villagerWithUploads(0);
    const answers = answersFor('illness', { idNumber: nextId(), totalCostFen: '五万多', annualIncomeFen: '一个月两千', householdSize: '我、老伴和儿子' });
    const before = await srv.db.prisma.case.count();
    const res = await submit(token, `approx-key-${lang}-1`, { cause: 'illness', answers, documents: [] }, lang);
    expect(res.status).toBe(400);
    const money = (yuan: string) => (lang === 'en' ? `${yuan} yuan` : `${yuan}元`);
    expect(res.body.fields).toEqual({
      householdSize: t(lang, 'understand.form.approximate', { label: t(lang, 'apply.householdSize.label'), value: t(lang, 'apply.householdSize.display', { n: 3 }) }),
      annualIncomeFen: t(lang, 'understand.form.approximate', { label: t(lang, 'apply.annualIncomeFen.label'), value: money('24,000') }),
      totalCostFen: t(lang, 'understand.form.approximate', { label: t(lang, 'apply.totalCostFen.label'), value: money('50,000') }),
    });
    expect(res.body.fields.totalCostFen).toContain(t(lang, 'apply.totalCostFen.label'));
    expect(await srv.db.prisma.case.count()).toBe(before);
  });

  test('an exact figure said in words is read as the chat reads it', async () => {
    const { token } = await villagerWithUploads(0);
    const answers = answersFor('illness', { idNumber: nextId(), totalCostFen: '总共花了五万', reimbursedFen: '医保报了两万', householdSize: '一家四口' });
    const res = await submit(token, 'words-key-0001', { cause: 'illness', answers, documents: [] });
    expect(res.status).toBe(201);
  });

  test('documents: another villager’s upload, an unknown item, one already filed', async () => {
    const a = await villagerWithUploads(1);
    const b = await villagerWithUploads(1);
    const answers = answersFor('education', { idNumber: nextId() });
    const theirs = await submit(a.token, 'docs-key-0001', { cause: 'education', answers, documents: [{ uploadId: b.uploads[0], item: 'fee_receipt' }] });
    expect(theirs.status).toBe(400);
    expect(theirs.body.fields).toEqual({ documents: t('zh-CN', 'miniprogram.form.error.document_unknown') });
    const item = await submit(a.token, 'docs-key-0002', { cause: 'education', answers, documents: [{ uploadId: a.uploads[0], item: 'hospital_bill' }] });
    expect(item.body.fields).toEqual({ documents: t('zh-CN', 'miniprogram.form.error.document_item') });
    expect((await submit(a.token, 'docs-key-0003', { cause: 'education', answers, documents: [{ uploadId: a.uploads[0], item: 'other' }] })).status).toBe(201);
    const reused = await submit(a.token, 'docs-key-0004', { cause: 'disaster', answers: answersFor('disaster', { idNumber: nextId() }), documents: [{ uploadId: a.uploads[0], item: 'damage_photos' }] });
    expect(reused.body.fields).toEqual({ documents: t('zh-CN', 'miniprogram.form.error.document_unknown') });
  });
});

describe('uploads', () => {
  test('type sniffed from the bytes, size limited, answers in the villager’s language', async () => {
    const token = await loginByPhone(srv, log, phone());
    const text = await upload(srv, token, Buffer.from('just some text, named like a photo'), 'photo.jpg');
    expect(text.status).toBe(415);
    expect(text.body.error).toMatchObject({ code: 'unsupported_media_type', field: 'file', message: t('zh-CN', 'media.unsupported_type') });
    const big = await upload(srv, token, Buffer.concat([jpegBytes(1), Buffer.alloc(MAX_UPLOAD + 10)]), 'big.jpg');
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: 'too_large', message: t('zh-CN', 'media.too_large') });
    const png = await upload(srv, token, pngBytes(999), 'scan.pdf');
    expect(png.status).toBe(201);
    expect(png.body.upload).toMatchObject({ mime: 'image/png', size: pngBytes(999).length });
    const noFile = await call(srv, 'POST', '/api/app/uploads', { token, body: {} });
    expect(noFile.status).toBe(415);
    expect((await call(srv, 'POST', '/api/app/uploads')).status).toBe(401);
  });

  test('an unfiled upload can be deleted by its owner only', async () => {
    const a = await villagerWithUploads(1);
    const b = await loginByPhone(srv, log, phone());
    expect((await call(srv, 'DELETE', `/api/app/uploads/${a.uploads[0]}`, { token: b })).status).toBe(404);
    expect((await call(srv, 'DELETE', `/api/app/uploads/${a.uploads[0]}`, { token: a.token })).status).toBe(204);
    expect(await srv.db.prisma.document.count({ where: { id: a.uploads[0] } })).toBe(0);
  });
});
