/**
 * 代录: a cadre enters an application for a villager without WeChat (server/core/cases/enter.ts,
 * server/api/routes/entry.ts). The form is the mini-program's, checked alike (each wrong field named,
 * nothing filed); the village must be the cadre's; the case is filed by the filing code with channel
 * 'cadre', no contact, the consents recorded as given in person to the cadre that day, the filing
 * event the cadre's (录入人), audited; it starts at the village review as any other; the villager's
 * notices go to the cadre who entered it, never a text message; a registered ID number is 身份待核实;
 * the photos are added by the cadre who entered it.
 */
import { t } from '../../flows/i18n';
import { answersFor, BAISHI, call, idNumber, LIUSHU } from '../miniprogram/support';
import { illnessForm } from '../support/illness';
import { ADMIN_TOKEN, jpegBytes, startTestServer, type TestServer } from '../support/server';

const START = new Date('2026-03-10T02:00:00Z'); // 10 March, China time
let srv: TestServer;
let seq = 500;
const nextId = () => idNumber('19580101', ++seq);
const wrongCheckDigit = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

beforeAll(async () => {
  srv = await startTestServer({ now: () => START });
  // the village cadre of 柳树村 has bound their WeChat: the villager's notices reach them there
  const contact = await srv.db.prisma.contact.create({ data: { channel: 'test:bot', externalId: 'wx-liushu-entry', name: '村支书' } });
  await srv.db.prisma.cadre.update({ where: { id: srv.cadre('liushu').id }, data: { contactId: contact.id } });
});
afterAll(async () => {
  await srv.close();
});

const tok = (key: Parameters<TestServer['cadre']>[0]) => srv.cadre(key).token;
const illness = (over: Record<string, unknown> = {}) => answersFor('illness', { ...illnessForm(), idNumber: nextId(), ...over });
const enter = (token: string, body: unknown) => call(srv, 'POST', '/api/entry/applications', { token, body });

describe('GET /api/entry/form', () => {
  test('is the mini-program’s form, its villages cut to the cadre’s region', async () => {
    const mine = await call(srv, 'GET', '/api/entry/form?cause=illness', { token: tok('liushu') });
    const app = await call(srv, 'GET', '/api/forms/application?cause=illness');
    expect(mine.status).toBe(200);
    expect(mine.body.fields.map((f: { name: string }) => f.name)).toEqual(app.body.fields.map((f: { name: string }) => f.name));
    const towns = mine.body.fields.find((f: { name: string }) => f.name === 'townCode').options.map((o: { value: string }) => o.value);
    expect(towns).toEqual([LIUSHU.town]);
    const villages = mine.body.fields.find((f: { name: string }) => f.name === 'villageCode').optionsBy.options[LIUSHU.town].map((o: { value: string }) => o.value);
    expect(villages).toEqual([LIUSHU.village]);
    // the county office: every town
    const county = await call(srv, 'GET', '/api/entry/form?cause=illness', { token: tok('county') });
    expect(county.body.fields.find((f: { name: string }) => f.name === 'townCode').options.length).toBeGreaterThan(1);
  });

  test.each([
    ['the verifier', 'verifier', 403],
    ['the auditor', 'auditor', 403],
    ['nobody logged in', null, 401],
  ] as const)('%s → %i', async (_l, who, code) => {
    const res = await call(srv, 'GET', '/api/entry/form?cause=illness', { token: who ? tok(who) : undefined });
    expect(res.status).toBe(code);
  });
});

describe('POST /api/entry/applications: the form’s own checks, each field named, nothing filed', () => {
  test.each([
    ['an ID number with a wrong check digit', { idNumber: wrongCheckDigit(idNumber('19580101', 499)) }, 'idNumber'],
    ['a phone too short', { phone: '1390000' }, 'phone'],
    ['no name', { name: '' }, 'name'],
    ['reimbursed more than the total', { reimbursedFen: '6万' }, 'reimbursedFen'],
    ['an estimate for a figure', { totalCostFen: '五万多' }, 'totalCostFen'],
    ['a village that is no option', { villageCode: '999999999999' }, 'villageCode'],
    ['the income consent not given', { consentIncome: false }, 'consentIncome'],
    ['the personal-data consent missing', { consentPersonal: undefined }, 'consentPersonal'],
  ])('%s → 400 naming %s', async (_l, over, field) => {
    const before = await srv.db.prisma.case.count();
    const res = await enter(tok('liushu'), { cause: 'illness', answers: illness(over) });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid' });
    expect(Object.keys(res.body.fields)).toContain(field);
    expect(await srv.db.prisma.case.count()).toBe(before);
  });

  test.each([
    ['an unknown cause', { cause: 'flood', answers: {} }, 'cause'],
    ['a cause that is no text', { cause: 7, answers: {} }, 'cause'],
    ['no answers', { cause: 'illness' }, 'answers'],
    ['a document item of another cause', { cause: 'illness', answers: illness(), documents: ['fee_receipt'] }, 'documents'],
  ])('%s → 400 naming %s', async (_l, body, field) => {
    const res = await enter(tok('liushu'), body);
    expect(res.status).toBe(400);
    expect(res.body.error.field ?? Object.keys(res.body.fields ?? {})[0]).toBe(field);
  });

  test('an unknown key → 400 naming it, nothing filed', async () => {
    const before = await srv.db.prisma.case.count();
    const res = await enter(tok('liushu'), { cause: 'illness', answers: illness(), villageCode: LIUSHU.village });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('villageCode');
    expect(await srv.db.prisma.case.count()).toBe(before);
  });

  test('an unknown cause is said in the caller’s language', async () => {
    const res = await enter(tok('liushu'), { cause: 'flood', lang: 'en', answers: {} });
    expect(res.body.error).toMatchObject({ field: 'cause', message: t('en', 'miniprogram.errors.cause') });
  });
});

describe('who may enter, for which village', () => {
  test.each([
    ['the village cadre, for their village', 'liushu', LIUSHU, 201],
    ['the village cadre, for another town’s village', 'liushu', BAISHI, 403],
    ['the other village’s cadre, for 柳树村', 'baishi', LIUSHU, 403],
    ['the town, for its village', 'qingshan', LIUSHU, 201],
    ['the town, for another town’s village', 'qingshan', BAISHI, 403],
    ['the county office, anywhere', 'county', BAISHI, 201],
    ['the verifier', 'verifier', LIUSHU, 403],
    ['the auditor', 'auditor', LIUSHU, 403],
  ] as const)('%s → %i', async (_l, who, place, code) => {
    const before = await srv.db.prisma.case.count();
    const refusalsBefore = await srv.db.prisma.auditEntry.count({ where: { action: 'enter_application', allowed: false } });
    const res = await enter(tok(who), { cause: 'illness', answers: illness({ townCode: place.town, villageCode: place.village }) });
    expect(res.status).toBe(code);
    expect(await srv.db.prisma.case.count()).toBe(before + (code === 201 ? 1 : 0));
    if (code === 403) {
      expect(await srv.db.prisma.auditEntry.count({ where: { action: 'enter_application', allowed: false } })).toBe(refusalsBefore + 1);
      if (who !== 'verifier' && who !== 'auditor') expect(res.body.error).toMatchObject({ code: 'outside_jurisdiction', field: 'villageCode', message: t('zh-CN', 'entry.error.village_outside') });
    }
  });
});

describe('an application entered by the village cadre', () => {
  let caseNo: string;
  let id: string;
  beforeAll(async () => {
    id = nextId();
    const res = await enter(tok('liushu'), { cause: 'illness', answers: illness({ idNumber: id, name: '李德厚' }), documents: ['hospital_bill'] });
    expect(res.body.fields).toBeUndefined();
    expect(res.status).toBe(201);
    caseNo = res.body.caseNo;
    expect(res.body.case).toMatchObject({ caseNo, channel: 'cadre', enteredBy: { id: srv.cadre('liushu').id, name: srv.cadre('liushu').name } });
  });

  test('is filed with channel cadre, no contact, at the village review, the filing the cadre’s', async () => {
    const row = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo }, include: { events: { orderBy: { seq: 'asc' } }, household: true } });
    expect(row).toMatchObject({ channel: 'cadre', contactId: null, status: 'village_review', textsToPhone: false, identityCheck: null });
    expect(row.household).toMatchObject({ headIdNumber: id, headName: '李德厚' });
    expect(row.events.map((e) => [e.type, e.actorType, e.actorId])).toEqual([
      ['submitted', 'cadre', srv.cadre('liushu').id],
      ['accept', 'system', null],
    ]);
    // nothing is approved by entering it: the village review is still to be made
    const detail = await call(srv, 'GET', `/api/cases/${caseNo}`, { token: tok('qingshan') });
    expect(detail.body).toMatchObject({ status: 'village_review', enteredBy: { name: srv.cadre('liushu').name } });
  });

  test('records the consents as given in person to the cadre, that day', async () => {
    const row = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo } });
    const answers = row.answers as { consent: Record<string, unknown>; details: { missingDocuments: string[] } };
    expect(answers.consent).toEqual({ incomeCheck: true, personalInfo: true, at: START.toISOString(), inPerson: { cadreId: srv.cadre('liushu').id, cadreName: srv.cadre('liushu').name, date: '2026-03-10' } });
    // the items not to be photographed are filed as missing, for a cadre to ask for later
    expect(answers.details.missingDocuments).not.toContain('hospital_bill');
  });

  test('is audited', async () => {
    const entry = await srv.db.prisma.auditEntry.findFirst({ where: { action: 'enter_application', caseNo, allowed: true } });
    expect(entry).toMatchObject({ actorType: 'cadre', actorId: srv.cadre('liushu').id, subject: 'illness' });
  });

  test('the villager’s notice goes to the cadre who entered it, no text message, no villager chat', async () => {
    const row = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo } });
    const updates = await srv.db.prisma.outbox.findMany({ where: { caseId: row.id, kind: 'case_update' } });
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ channel: 'test:bot', targetId: 'wx-liushu-entry' });
    const text = (updates[0]!.payload as { text: string }).text;
    expect(text).toContain(caseNo);
    expect(text).toContain('李德厚');
    expect(await srv.db.prisma.outbox.count({ where: { caseId: row.id, channel: 'sms' } })).toBe(0);
    // and the village cadre's task, as for any case
    expect(await srv.db.prisma.outbox.count({ where: { caseId: row.id, kind: 'case_task', targetId: 'wx-liushu-entry' } })).toBe(1);
  });

  test.each([
    ['the cadre who entered it', 'liushu', 'hospital_bill', 201],
    ['the cadre who entered it, an item of another cause', 'liushu', 'fee_receipt', 400],
    ['the town (did not enter it)', 'qingshan', 'hospital_bill', 403],
    ['another town’s village cadre (as if none)', 'baishi', 'hospital_bill', 404],
  ] as const)('a photo by %s (%s) → %i', async (_l, who, item, code) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(jpegBytes(7))], { type: 'image/jpeg' }), '住院发票.jpg');
    const res = await fetch(`${srv.url}/api/entry/applications/${caseNo}/photos?item=${item}`, { method: 'POST', headers: { authorization: `Bearer ${tok(who)}` }, body: form });
    expect(res.status).toBe(code);
    const docs = await srv.db.prisma.document.findMany({ where: { case: { caseNo } } });
    if (code === 201) {
      const body = (await res.json()) as { document: { id: string; kind: string } };
      expect(body.document.kind).toBe('hospital_bill');
      expect(docs.map((d) => d.id)).toContain(body.document.id);
      expect(await srv.db.prisma.auditEntry.count({ where: { action: 'entry_photo', caseNo, allowed: true } })).toBe(1);
    }
  });

  test('shows in the queue marked as entered', async () => {
    const list = await call(srv, 'GET', '/api/cases?status=village_review', { token: tok('liushu') });
    expect(list.status).toBe(200);
    const row = list.body.cases.find((c: { caseNo: string }) => c.caseNo === caseNo);
    expect(row).toMatchObject({ entered: true });
  });
});

test('an ID number of a registered household is filed 身份待核实, apart from that household', async () => {
  const id = nextId();
  const first = await enter(tok('liushu'), { cause: 'illness', answers: illness({ idNumber: id }) });
  expect(first.status).toBe(201);
  const again = await enter(tok('county'), { cause: 'disaster', answers: answersFor('disaster', { idNumber: id }) });
  expect(again.status).toBe(201);
  const row = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: again.body.caseNo } });
  expect(row).toMatchObject({ householdId: null, identityCheck: 'pending', identityNote: 'id_number_registered', channel: 'cadre' });
});

describe('the villager’s notices follow the cadre who entered it only while the case is theirs', () => {
  let n = 0;
  /** A second cadre of 柳树村, bound to its own WeChat, who enters a case. */
  async function clerkWithCase() {
    n += 1;
    const made = await call(srv, 'POST', '/api/cadres', { token: ADMIN_TOKEN, body: { name: `柳树村文书${n}`, role: 'village', regionCode: LIUSHU.village, username: `entry-clerk-${n}` } });
    expect(made.status).toBe(201);
    const id: string = made.body.cadre.id;
    const token: string = (await call(srv, 'POST', `/api/cadres/${id}/api-token`, { token: ADMIN_TOKEN })).body.apiToken;
    const contact = await srv.db.prisma.contact.create({ data: { channel: 'test:bot', externalId: `wx-entry-clerk-${n}`, name: `文书${n}` } });
    await srv.db.prisma.cadre.update({ where: { id }, data: { contactId: contact.id } });
    const entered = await enter(token, { cause: 'illness', answers: illness() });
    expect(entered.status).toBe(201);
    return { id, externalId: contact.externalId, caseNo: entered.body.caseNo as string };
  }

  test.each([
    ['still a cadre of 柳树村', null, 'clerk'],
    ['moved to another town’s village', { regionCode: BAISHI.village }, 'village'],
    ['made the county’s auditor', { role: 'auditor', regionCode: '439901' }, 'village'],
    ['deactivated', { active: false }, 'village'],
  ] as const)('%s (%j) → the notice goes to the %s', async (_what, change, who) => {
    const clerk = await clerkWithCase();
    if (change) expect((await call(srv, 'PATCH', `/api/cadres/${clerk.id}`, { token: ADMIN_TOKEN, body: change })).status).toBe(200);
    const row = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: clerk.caseNo } });
    const before = new Set((await srv.db.prisma.outbox.findMany({ where: { caseId: row.id, kind: 'case_update' } })).map((o) => o.id));
    const moved = await call(srv, 'POST', `/api/cases/${clerk.caseNo}/transitions`, { token: tok('liushu'), body: { to: 'town_review', note: '材料齐全' } });
    expect(moved.status).toBe(200);
    const sent = (await srv.db.prisma.outbox.findMany({ where: { caseId: row.id, kind: 'case_update' } })).filter((o) => !before.has(o.id));
    const targets = sent.map((o) => o.targetId);
    if (who === 'clerk') expect(targets).toEqual([clerk.externalId]);
    else {
      // the cadres of 柳树村 bound to WeChat (the village cadre, and any clerk still there), never the one who left
      expect(targets).toContain('wx-liushu-entry');
      expect(targets).not.toContain(clerk.externalId);
    }
    expect((sent[0]!.payload as { text: string }).text).toContain(clerk.caseNo);
  });
});
