/**
 * Issue 8, finding 5: outside the caller's region a case answers exactly as a case that does not
 * exist — on every case-scoped endpoint and every chat command, whatever the case's status and
 * whatever the move asked for (the region is checked before the status, the role and the guards).
 * Each row compares the answer for a case of 柳树村, asked by cadres of 白石乡, with the answer
 * for a case number nobody has: same status, same body, same number of audit entries.
 */
import { insertCase } from '../support/fixtures';
import { BOT_TOKEN, startTestServer, type TestServer } from '../support/server';

const NOW = new Date('2026-03-10T02:00:00Z'); // Tuesday 10 March 2026, 10:00 in China
const LIUSHU = '439901100201';
const NOBODY = 'FP-2026-999999';
const china = (day: string) => new Date(`${day}T00:00:00+08:00`);

let srv: TestServer;
let seq = 0;
const idNumber = () => `1101051970${String(++seq).padStart(7, '0')}X`;

const STATUSES = ['village_review', 'town_review', 'county_review', 'verification', 'assessment', 'publicity', 'approved', 'paid', 'returned', 'rejected'] as const;
type Outside = { status: string; caseNo: string; objectionId: string; documentId: string };
const outside: Outside[] = [];

beforeAll(async () => {
  srv = await startTestServer({ now: () => NOW });
  const verifierId = srv.cadre('verifier').id;
  for (const status of STATUSES) {
    const fields: Record<string, unknown> = { statusSince: new Date('2026-03-01T02:00:00Z') };
    if (['verification', 'assessment', 'publicity', 'approved', 'paid'].includes(status)) fields.verifierId = verifierId;
    if (status === 'publicity') Object.assign(fields, { publicityStart: china('2026-03-01'), publicityEnd: china('2026-03-07') });
    if (status === 'approved' || status === 'paid') Object.assign(fields, { approvedAmountFen: 500_000, householdCategory: 'sudden_hardship', measures: ['temporary_relief'] });
    if (status === 'returned') Object.assign(fields, { returnedFrom: 'village_review', missingItems: ['户口本'] });
    const made = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: LIUSHU, status, idNumber: idNumber(), document: Buffer.from(`bill-${status}`), fields: fields as never });
    const objection = await srv.db.prisma.objection.create({ data: { caseId: made.caseId, note: '有人反映收入不实', receivedAt: NOW } });
    outside.push({ status, caseNo: made.caseNo, objectionId: objection.id, documentId: made.documentId! });
  }
  // 白石村's cadre has bound a WeChat: it asks by chat too
  const contact = await srv.db.prisma.contact.create({ data: { channel: 'test:bot', externalId: 'wx-baishi', name: '白石村支书' } });
  await srv.db.prisma.cadre.update({ where: { id: srv.cadre('baishi').id }, data: { contactId: contact.id } });
});
afterAll(async () => {
  await srv.close();
});

type Answer = { status: number; body: unknown; audits: number };

async function call(method: string, path: string, token: string, body?: unknown): Promise<Answer> {
  const before = await srv.db.prisma.auditEntry.count({ where: { allowed: false } });
  const res = await fetch(`${srv.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, audits: (await srv.db.prisma.auditEntry.count({ where: { allowed: false } })) - before };
}

const DECISION = { amountFen: 500_000, category: 'sudden_hardship', measures: ['temporary_relief'] };

/** Every case-scoped request: [label, method, path for a case (and its objection), body]. */
const REQUESTS: [string, string, (caseNo: string, objectionId: string) => string, unknown][] = [
  ['read the case', 'GET', (c) => `/api/cases/${c}`, undefined],
  ['pass it on', 'POST', (c) => `/api/cases/${c}/transitions`, { to: 'town_review' }],
  ['pay it', 'POST', (c) => `/api/cases/${c}/transitions`, { to: 'paid', data: { paymentRef: 'PAY-1', paidOn: '2026-03-10' } }],
  ['decide it', 'POST', (c) => `/api/cases/${c}/transitions`, { to: 'approved', data: DECISION }],
  ['assign a verifier', 'POST', (c) => `/api/cases/${c}/transitions`, { to: 'verification', data: { verifierId: 'nobody' } }],
  ['return it', 'POST', (c) => `/api/cases/${c}/transitions`, { action: 'return', data: { items: ['户口本'] } }],
  ['reject it', 'POST', (c) => `/api/cases/${c}/transitions`, { action: 'reject', note: '收入高于标准' }],
  ['green channel', 'POST', (c) => `/api/cases/${c}/transitions`, { action: 'fast_approve', note: '急需', data: DECISION }],
  ['withdraw it', 'POST', (c) => `/api/cases/${c}/transitions`, { action: 'withdraw' }],
  ['resubmit it', 'POST', (c) => `/api/cases/${c}/transitions`, { action: 'resubmit' }],
  ['record an objection', 'POST', (c) => `/api/cases/${c}/objections`, { note: '有人反映' }],
  ['resolve an objection', 'POST', (c, o) => `/api/cases/${c}/objections/${o}/resolve`, { resolution: '已核实' }],
  ['schedule the visit', 'POST', (c) => `/api/cases/${c}/visit`, { date: '2026-03-12' }],
];
const CADRES = ['baishi', 'baishi_town'] as const;

const ROWS = CADRES.flatMap((who) => REQUESTS.flatMap(([label, method, path, body]) => STATUSES.map((status) => ({ who, label, method, path, body, status }))));

describe('the cadre API: a case of another region answers as one that does not exist', () => {
  test.each(ROWS)('$who: $label, a case in $status', async ({ who, method, path, body, status }) => {
    const token = srv.cadre(who).token;
    const c = outside.find((o) => o.status === status)!;
    const none = await call(method, path(NOBODY, c.objectionId), token, body);
    const other = await call(method, path(c.caseNo, c.objectionId), token, body);
    expect(none.status).toBe(404);
    expect(other).toEqual(none);
    // nothing moved
    expect((await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: c.caseNo } })).status).toBe(status);
  });

  test.each(CADRES)('%s: a document of such a case reads as a document that does not exist', async (who) => {
    const token = srv.cadre(who).token;
    const none = await call('GET', '/api/documents/cnobodyhasthisdocument0', token);
    for (const c of outside) expect(await call('GET', `/api/documents/${c.documentId}`, token)).toEqual(none);
    expect(none.status).toBe(404);
  });
});

/** The bound cadre's chat: the reply with the case number taken out, and the audit entries it wrote. */
async function chat(text: string, caseNo: string): Promise<{ reply: string; audits: number }> {
  const before = await srv.db.prisma.auditEntry.count({ where: { allowed: false } });
  const res = await fetch(`${srv.url}/api/bot/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}` },
    body: JSON.stringify({ messageId: `m-${++seq}`, bot: { puppet: 'test', accountId: 'bot' }, from: { id: 'wx-baishi', name: '白石村支书' }, type: 'text', text: text.replace('#', caseNo) }),
  });
  expect(res.status).toBe(200);
  const reply = ((await res.json()) as { replies: { text: string }[] }).replies.map((r) => r.text).join('\n');
  return { reply: reply.replaceAll(caseNo, '#'), audits: (await srv.db.prisma.auditEntry.count({ where: { allowed: false } })) - before };
}

const COMMANDS = ['查看 #', '通过 #', '通过 # 身份已核实', '退回 # 缺 户口本', '驳回 # 收入高于标准', '核查 # 预约 3月12日', '异议 # 有人反映', '异议处理 # 1 已核实', '绿色通道 # 急需'];

describe('the chat: a case of another region answers as one that does not exist', () => {
  test.each(COMMANDS.flatMap((command) => STATUSES.map((status) => ({ command, status }))))('"$command" on a case in $status', async ({ command, status }) => {
    const c = outside.find((o) => o.status === status)!;
    const none = await chat(command, NOBODY);
    const other = await chat(command, c.caseNo);
    expect(other).toEqual(none);
    expect(none.audits).toBe(1);
    expect((await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: c.caseNo } })).status).toBe(status);
  });
});

/**
 * An insurer's verifier is a third party: it may know of the cases assigned to it, no others —
 * not those still before the county's review, nor those another verifier was given. Its region
 * is the whole county, so this is the assignment, not the region, doing the work.
 */
describe("a verifier: a case not assigned to it answers as one that does not exist", () => {
  let otherVerifierCase: Outside;
  beforeAll(async () => {
    const county = await srv.db.prisma.region.findFirstOrThrow({ where: { level: 'county' } });
    const other = await srv.db.prisma.cadre.create({ data: { name: '另一家保险公司', role: 'verifier', regionId: county.id } });
    const made = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: LIUSHU, status: 'verification', idNumber: idNumber(), document: Buffer.from('bill-other'), fields: { verifierId: other.id } });
    const objection = await srv.db.prisma.objection.create({ data: { caseId: made.caseId, note: '有人反映', receivedAt: NOW } });
    otherVerifierCase = { status: 'verification', caseNo: made.caseNo, objectionId: objection.id, documentId: made.documentId! };
  });
  const unassigned = () => [...outside.filter((o) => !['verification', 'assessment', 'publicity', 'approved', 'paid'].includes(o.status)), otherVerifierCase];

  test.each(REQUESTS)('%s', async (_label, method, path, body) => {
    const token = srv.cadre('verifier').token;
    for (const c of unassigned()) {
      const none = await call(method, path(NOBODY, c.objectionId), token, body);
      expect(await call(method, path(c.caseNo, c.objectionId), token, body)).toEqual(none);
      expect(none.status).toBe(404);
    }
  });

  test('its documents and its list hold only what was assigned to it', async () => {
    const token = srv.cadre('verifier').token;
    const none = await call('GET', '/api/documents/cnobodyhasthisdocument0', token);
    for (const c of unassigned()) expect(await call('GET', `/api/documents/${c.documentId}`, token)).toEqual(none);
    const list = await call('GET', '/api/cases?pageSize=200', token);
    const listed = (list.body as { cases: { caseNo: string }[] }).cases.map((c) => c.caseNo).sort();
    const assigned = outside.filter((o) => ['verification', 'assessment', 'publicity', 'approved', 'paid'].includes(o.status)).map((o) => o.caseNo).sort();
    expect(listed).toEqual(assigned);
    // an assigned case is read as before
    expect((await call('GET', `/api/cases/${assigned[0]}`, token)).status).toBe(200);
  });
});
