/**
 * The county office's settings over the API (issue 13, part D2): an account moved to another role
 * or region and a password reset shown once; a binding code with the message to send and its QR;
 * "how the chat reads this question" (POST /api/faqs/try) giving the chat's own reply and writing
 * nothing; a broadcast's audience previewed with masked names; the audit log filtered by who,
 * action, case, person and time, paged by cursor. Each refusal names its field or answers 403/404.
 */
import { ADMIN_TOKEN, BOT_TOKEN, startTestServer, type TestServer } from '../support/server';
import { call } from '../miniprogram/support';
import { insertCase } from '../support/fixtures';
import { hashToken } from '../../server/core/auth/tokens';

const NOW = new Date('2026-07-20T02:00:00Z');
let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ now: () => NOW });
});
afterAll(() => srv.close());

const county = () => srv.tokenOf('county');
const prisma = () => srv.db.prisma;
const login = (username: string, password: string) => call(srv, 'POST', '/api/auth/login', { body: { username, password } });

async function newVillageAccount(username: string) {
  const made = await call(srv, 'POST', '/api/cadres', { token: county(), body: { name: `干部${username}`, role: 'village', regionCode: '439901100201', username } });
  expect(made.status).toBe(201);
  return made.body as { cadre: { id: string }; password: string };
}

describe('PATCH /api/cadres/:id — role, region, password reset', () => {
  test('the county moves a village account to another village; its sessions end; audited', async () => {
    const { cadre, password } = await newVillageAccount('mover1');
    const session = (await login('mover1', password)).body.token as string;
    expect((await call(srv, 'GET', '/api/auth/me', { token: session })).status).toBe(200);
    const res = await call(srv, 'PATCH', `/api/cadres/${cadre.id}`, { token: county(), body: { regionCode: '439901200201' } });
    expect(res.status).toBe(200);
    expect(res.body.cadre.region).toMatchObject({ code: '439901200201', name: '白石村' });
    expect((await call(srv, 'GET', '/api/auth/me', { token: session })).status).toBe(401);
    const audit = await prisma().auditEntry.findFirstOrThrow({ where: { action: 'cadre:update', subject: cadre.id } });
    expect(audit.reason).toBe('region 439901100201→439901200201');
  });

  test('a village account made a town account needs a town', async () => {
    const { cadre } = await newVillageAccount('mover2');
    const wrong = await call(srv, 'PATCH', `/api/cadres/${cadre.id}`, { token: county(), body: { role: 'town' } });
    expect({ status: wrong.status, field: wrong.body.error.field }).toEqual({ status: 400, field: 'role' });
    const right = await call(srv, 'PATCH', `/api/cadres/${cadre.id}`, { token: county(), body: { role: 'town', regionCode: '439901100' } });
    expect(right.status).toBe(200);
    expect(right.body.cadre).toMatchObject({ role: 'town', region: { code: '439901100' } });
  });

  test.each([
    [{ role: 'mayor' }, 'role'],
    [{ regionCode: '12' }, 'regionCode'],
    [{ regionCode: '439999999999' }, 'regionCode'],
    [{ regionCode: '439901100' }, 'regionCode'], // a village account in a town
    [{ resetPassword: true, password: 'long-enough-password' }, 'resetPassword'],
    [{ resetPassword: false }, 'resetPassword'],
  ])('%j → 400 naming %s', async (body, field) => {
    const { cadre } = await newVillageAccount(`bad${field.length}${JSON.stringify(body).length}`);
    const res = await call(srv, 'PATCH', `/api/cadres/${cadre.id}`, { token: county(), body });
    expect({ status: res.status, field: res.body.error?.field }).toEqual({ status: 400, field });
  });

  test('a town cadre may not move its village account out of its town, nor make it a town account', async () => {
    const village = srv.cadre('liushu');
    const out = await call(srv, 'PATCH', `/api/cadres/${village.id}`, { token: srv.cadre('qingshan').token, body: { regionCode: '439901200201' } });
    expect(out.status).toBe(403);
    const up = await call(srv, 'PATCH', `/api/cadres/${village.id}`, { token: srv.cadre('qingshan').token, body: { role: 'town', regionCode: '439901100' } });
    expect(up.status).toBe(403);
    expect(await prisma().cadre.findUniqueOrThrow({ where: { id: village.id } })).toMatchObject({ role: 'village' });
    // another town's account: not there at all
    expect((await call(srv, 'PATCH', `/api/cadres/${srv.cadre('baishi').id}`, { token: srv.cadre('qingshan').token, body: { regionCode: '439901100202' } })).status).toBe(404);
  });

  test('the county cannot change its own role', async () => {
    const me = srv.cadre('county');
    const res = await call(srv, 'PATCH', `/api/cadres/${me.id}`, { token: me.token, body: { role: 'auditor' } });
    expect(res.status).toBe(403);
  });

  test('resetPassword answers a new password once; it logs in, the old one does not; the audit says "password reset" and never the password', async () => {
    const { cadre, password: old } = await newVillageAccount('resetme');
    const res = await call(srv, 'PATCH', `/api/cadres/${cadre.id}`, { token: county(), body: { resetPassword: true } });
    expect(res.status).toBe(200);
    const fresh = res.body.password as string;
    expect(fresh.length).toBeGreaterThanOrEqual(12);
    expect((await login('resetme', fresh)).status).toBe(200);
    expect((await login('resetme', old)).status).toBe(401);
    const rows = await prisma().auditEntry.findMany({ where: { subject: cadre.id } });
    expect(rows.map((r) => r.reason)).toContain('password reset');
    expect(JSON.stringify(rows)).not.toContain(fresh);
    // listing never shows it again
    expect(JSON.stringify((await call(srv, 'GET', '/api/cadres', { token: county() })).body)).not.toContain(fresh);
  });

  test('the auditor reads accounts and changes none', async () => {
    expect((await call(srv, 'GET', '/api/cadres', { token: srv.tokenOf('auditor') })).status).toBe(200);
    expect((await call(srv, 'PATCH', `/api/cadres/${srv.cadre('liushu').id}`, { token: srv.tokenOf('auditor'), body: { active: false } })).status).toBe(403);
  });
});

describe('POST /api/cadres/:id/binding-code — the message and its QR', () => {
  test('answers "绑定 <code>" and an SVG QR code of it; the bot binds with that message', async () => {
    const { cadre } = await newVillageAccount('binder1');
    const res = await call(srv, 'POST', `/api/cadres/${cadre.id}/binding-code`, { token: county() });
    expect(res.status).toBe(201);
    expect(res.body.message).toBe(`绑定 ${res.body.code}`);
    expect(res.body.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(res.body.qr.split(',')[1], 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg[^>]*viewBox/);
    expect(svg).toContain('<path');
    // the code itself is not written in the picture's text (a QR, not a caption)
    expect(svg).not.toContain(res.body.code);
    const said = await fetch(`${srv.url}/api/bot/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}` },
      body: JSON.stringify({ messageId: 'bind-qr-1', bot: { puppet: 'test', accountId: 'bot' }, from: { id: 'wx-binder1', name: '新干部' }, type: 'text', text: res.body.message }),
    });
    expect(said.status).toBe(200);
    const row = await prisma().cadre.findUniqueOrThrow({ where: { id: cadre.id } });
    expect(row.contactId).not.toBeNull();
  });
});

describe('POST /api/faqs/try — how the chat reads a question', () => {
  test('"标准是多少" answers as the chat does, with the entry, its article and the figure', async () => {
    const res = await call(srv, 'POST', '/api/faqs/try', { token: county(), body: { text: '标准是多少' } });
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('answer');
    expect(res.body.faq.key).toBeTruthy();
    expect(res.body.article?.title).toContain('标准是多少');
    expect(res.body.replies.join('\n')).toContain('本地2026年的监测标准是：家庭人均纯收入每人每年8,700元');
    expect(res.body.candidates[0].key).toBe(res.body.faq.key);
  });

  test('for a village, that village\'s own line; in English, the English entry', async () => {
    const village = await prisma().region.findUniqueOrThrow({ where: { code: '439901100202' } });
    await prisma().incomeLine.create({ data: { regionId: village.id, year: 2026, perCapitaFen: 960_000 } });
    const res = await call(srv, 'POST', '/api/faqs/try', { token: srv.tokenOf('auditor'), body: { text: '标准是多少', village: '439901100202' } });
    expect(res.body.replies.join('\n')).toContain('石桥村2026年的监测标准是：家庭人均纯收入每人每年9,600元');
    const en = await call(srv, 'POST', '/api/faqs/try', { token: county(), body: { text: 'what is the income line?', lang: 'en' } });
    expect(en.body.kind).toBe('answer');
    expect(en.body.replies.join('\n')).toMatch(/yuan/);
  });

  test.each([
    ['嗯', 'ignored'],
    ['火星上种土豆要交税吗？', 'none'],
  ])('"%s" → %s', async (text, kind) => {
    const res = await call(srv, 'POST', '/api/faqs/try', { token: county(), body: { text } });
    expect(res.body.kind).toBe(kind);
    expect(res.body.faq).toBeNull();
  });

  test('writes nothing: no contact, no message, no audit row', async () => {
    const before = await Promise.all([prisma().contact.count(), prisma().inboundMessage.count(), prisma().auditEntry.count(), prisma().faqOffer.count()]);
    await call(srv, 'POST', '/api/faqs/try', { token: county(), body: { text: '要准备什么材料？' } });
    expect(await Promise.all([prisma().contact.count(), prisma().inboundMessage.count(), prisma().auditEntry.count(), prisma().faqOffer.count()])).toEqual(before);
  });

  test.each([
    [{}, 'text'],
    [{ text: '   ' }, 'text'],
    [{ text: 'x'.repeat(501) }, 'text'],
    [{ text: '标准', lang: 'fr' }, 'lang'],
    [{ text: '标准', village: 'abc' }, 'village'],
    [{ text: '标准', village: '439901100' }, 'village'], // a town, not a village
  ])('%j → 400 naming %s', async (body, field) => {
    const res = await call(srv, 'POST', '/api/faqs/try', { token: county(), body });
    expect({ status: res.status, field: res.body.error?.field }).toEqual({ status: 400, field });
  });

  test.each(['village', 'town', 'verifier'] as const)('a %s cadre → 403', async (role) => {
    expect((await call(srv, 'POST', '/api/faqs/try', { token: srv.tokenOf(role), body: { text: '标准是多少' } })).status).toBe(403);
  });
});

describe('POST /api/broadcasts/preview — whom it would reach', () => {
  test('an unknown key → 400 naming it', async () => {
    const res = await call(srv, 'POST', '/api/broadcasts/preview', { token: county(), body: { target: { regions: ['439901'] }, audience: 'all' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('audience');
  });

  beforeAll(async () => {
    const villages = await prisma().region.findMany({ where: { code: { in: ['439901100201', '439901200201'] } } });
    const [liushu, baishi] = ['439901100201', '439901200201'].map((c) => villages.find((v) => v.code === c)!);
    for (const [i, [village, name]] of ([[liushu, '王大妈'], [liushu, '李四'], [baishi, '赵五']] as const).entries()) {
      const h = await prisma().household.create({ data: { villageId: village.id, headName: name, headIdNumber: `11010119700101${1000 + i}`, phone: `1390000000${i}`, size: 3 } });
      await prisma().contact.create({ data: { channel: 'test:bot', externalId: `preview-${i}`, name, householdId: h.id, ...(i === 1 ? { tags: { create: { tag: '种植户' } } } : {}) } });
    }
  });

  test('the count equals the draft\'s audience, and names are masked', async () => {
    const target = { regions: ['439901100'], villagers: true };
    const res = await call(srv, 'POST', '/api/broadcasts/preview', { token: county(), body: { target } });
    expect(res.status).toBe(200);
    const draft = await call(srv, 'POST', '/api/broadcasts', { token: county(), body: { content: { type: 'text', text: '通知' }, target } });
    expect(res.body.count).toBe(draft.body.audience);
    expect(res.body.count).toBeGreaterThanOrEqual(2);
    const names = res.body.sample.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(['王**', '李*']));
    expect(JSON.stringify(res.body)).not.toMatch(/王大妈|李四|1390000000/);
    expect(res.body.sample[0]).toMatchObject({ kind: 'contact', village: '柳树村' });
  });

  test('tags narrow it', async () => {
    const res = await call(srv, 'POST', '/api/broadcasts/preview', { token: county(), body: { target: { regions: ['439901'], tags: ['种植户'] } } });
    expect(res.body).toMatchObject({ count: 1, sample: [{ name: '李*' }] });
  });

  test('a town office previews within its town only; others may not at all', async () => {
    expect((await call(srv, 'POST', '/api/broadcasts/preview', { token: srv.cadre('qingshan').token, body: { target: { regions: ['439901100201'] } } })).status).toBe(200);
    expect((await call(srv, 'POST', '/api/broadcasts/preview', { token: srv.cadre('qingshan').token, body: { target: { regions: ['439901200201'] } } })).status).toBe(403);
    expect((await call(srv, 'POST', '/api/broadcasts/preview', { token: srv.tokenOf('village'), body: { target: { regions: ['439901100201'] } } })).status).toBe(403);
    expect((await call(srv, 'POST', '/api/broadcasts/preview', { token: srv.tokenOf('auditor'), body: { target: { regions: ['439901'] } } })).status).toBe(403);
  });

  test.each([
    [{}, 'target'],
    [{ target: { regions: [] } }, 'target.regions'],
    [{ target: { regions: ['439999'] } }, 'target.regions.0'],
    [{ target: { regions: ['439901'], villagers: false } }, 'target.villagers'],
  ])('%j → 400 naming %s', async (body, field) => {
    const res = await call(srv, 'POST', '/api/broadcasts/preview', { token: county(), body });
    expect({ status: res.status, field: res.body.error?.field }).toEqual({ status: 400, field });
  });
});

describe('GET /api/audit — filters and the cursor', () => {
  let caseA: string;
  let caseB: string;
  let other: string;
  beforeAll(async () => {
    const make = (idNumber: string, householdId?: string) =>
      insertCase(prisma(), srv.config.documentsDir, { villageCode: '439901100201', idNumber, ...(householdId ? { fields: { householdId } } : {}) });
    const a = await make('110101197001012000');
    caseA = a.caseNo;
    caseB = (await make('110101197001012001', a.householdId)).caseNo;
    other = (await make('110101197001012002')).caseNo;
    const liushu = srv.cadre('liushu');
    const at = (d: string) => new Date(`${d}T04:00:00Z`);
    const row = (caseNo: string, day: string, action = 'case:reveal', actorId = liushu.id) => ({ at: at(day), actorType: 'cadre', actorId, action, caseNo, allowed: true, kind: 'access', fields: ['idNumber'] });
    await prisma().auditEntry.createMany({
      data: [row(caseA, '2026-07-01'), row(caseB, '2026-07-02'), row(other, '2026-07-03'), row(caseA, '2026-07-04', 'case:view', srv.cadre('qingshan').id)],
    });
  });

  const list = (q: string, token = srv.tokenOf('auditor')) => call(srv, 'GET', `/api/audit?${q}`, { token });

  test('person: the looks at every case of that household, not at another person\'s', async () => {
    const res = await list(`person=${caseA}&kind=access`);
    expect(res.status).toBe(200);
    expect(new Set(res.body.entries.map((e: { caseNo: string }) => e.caseNo))).toEqual(new Set([caseA, caseB]));
  });

  test('who, action (whole or its beginning) and China days from/to, inclusive', async () => {
    const liushu = srv.cadre('liushu').id;
    const res = await list(`actorId=${liushu}&action=case:reveal&from=2026-07-02&to=2026-07-03`);
    expect(res.body.entries.map((e: { caseNo: string }) => e.caseNo)).toEqual([other, caseB]);
    expect(res.body.entries[0].actor).toEqual({ type: 'cadre', id: liushu, name: '柳树村村委会' });
    const prefix = await list(`action=case:&from=2026-07-01&to=2026-07-04`);
    expect(prefix.body.entries.map((e: { action: string }) => e.action)).toEqual(['case:view', 'case:reveal', 'case:reveal', 'case:reveal']);
  });

  test('the cursor pages through without a repeat or a gap; total on the first page only', async () => {
    const first = await list('action=case:&pageSize=3&from=2026-07-01&to=2026-07-04');
    expect(first.body.total).toBe(4);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list(`action=case:&pageSize=3&from=2026-07-01&to=2026-07-04&cursor=${first.body.nextCursor}`);
    expect(second.body.total).toBeUndefined();
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.entries, ...second.body.entries].map((e: { id: string }) => e.id);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });

  test.each([
    ['cursor=!!', 'cursor'],
    ['cursor=abc', 'cursor'],
    ['cursor=czE&page=2', 'cursor'],
    ['from=2026-13-45', 'from'],
    ['from=2026-07-05&to=2026-07-01', 'to'],
    ['action=DROP TABLE', 'action'],
    ['person=123', 'person'],
    [`caseNo=FP-2026-000001&person=FP-2026-000002`, 'person'],
  ])('%s → 400 naming %s', async (q, field) => {
    const res = await list(q);
    expect({ status: res.status, field: res.body.error?.field }).toEqual({ status: 400, field });
  });

  test.each(['village', 'town', 'verifier'] as const)('a %s cadre → 403', async (role) => {
    expect((await list('', srv.tokenOf(role))).status).toBe(403);
  });

  test('the county office reads it too', async () => {
    expect((await list(`person=${caseA}`, ADMIN_TOKEN)).status).toBe(200);
    expect((await list(`person=${caseA}`, county())).status).toBe(200);
  });
});

describe('GET /api/audit — one county\'s log', () => {
  const NEIGHBOUR_TOKEN = 'neighbour-county-token-0123456789';
  let ours: string;
  let theirs: string;
  let neighbourId: string;
  beforeAll(async () => {
    // a second county on the same server, with its own office, case and entries
    const c = await prisma().region.create({ data: { code: '439902', name: '邻县', level: 'county' } });
    const t = await prisma().region.create({ data: { code: '439902100', name: '邻镇', level: 'town', parentId: c.id } });
    await prisma().region.create({ data: { code: '439902100201', name: '邻村', level: 'village', parentId: t.id } });
    neighbourId = (await prisma().cadre.create({ data: { name: '邻县帮扶办', role: 'county', regionId: c.id, tokenHash: hashToken(NEIGHBOUR_TOKEN) } })).id;
    ours = (await insertCase(prisma(), srv.config.documentsDir, { villageCode: '439901100201', idNumber: '110101197001013000' })).caseNo;
    theirs = (await insertCase(prisma(), srv.config.documentsDir, { villageCode: '439902100201', idNumber: '110101197001013001' })).caseNo;
    const at = new Date('2026-06-15T04:00:00Z');
    await prisma().auditEntry.createMany({
      data: [
        { at, actorType: 'cadre', actorId: srv.cadre('liushu').id, action: 'case:view', caseNo: ours, allowed: true, kind: 'access', fields: ['case'] },
        { at, actorType: 'cadre', actorId: neighbourId, action: 'case:view', caseNo: theirs, allowed: true, kind: 'access', fields: ['case'] },
        { at, actorType: 'cadre', actorId: neighbourId, action: 'broadcast:send', allowed: true },
        { at, actorType: 'cadre', actorId: srv.cadre('county').id, action: 'broadcast:send', allowed: true },
      ],
    });
  });

  const day = 'from=2026-06-15&to=2026-06-15';
  const seen = async (token: string) => {
    const res = await call(srv, 'GET', `/api/audit?${day}`, { token });
    expect(res.status).toBe(200);
    return (res.body.entries as { caseNo: string | null; actor: { id: string } }[]).map((e) => `${e.actor.id}:${e.caseNo ?? '-'}`).sort();
  };

  test.each([
    ['our auditor', () => srv.tokenOf('auditor'), () => [`${srv.cadre('county').id}:-`, `${srv.cadre('liushu').id}:${ours}`]],
    ['our county office', () => srv.tokenOf('county'), () => [`${srv.cadre('county').id}:-`, `${srv.cadre('liushu').id}:${ours}`]],
    ['the neighbour county\'s office', () => NEIGHBOUR_TOKEN, () => [`${neighbourId}:-`, `${neighbourId}:${theirs}`]],
    ['ADMIN_TOKEN (everything)', () => ADMIN_TOKEN, () => [`${srv.cadre('county').id}:-`, `${srv.cadre('liushu').id}:${ours}`, `${neighbourId}:-`, `${neighbourId}:${theirs}`].sort()],
  ])('%s reads its county\'s rows only', async (_who, token, expected) => {
    expect(await seen(token())).toEqual(expected().sort());
  });

  test.each([
    ['caseNo of the other county', () => `caseNo=${theirs}`, () => srv.tokenOf('auditor')],
    ['person of the other county', () => `person=${theirs}`, () => srv.tokenOf('auditor')],
    ['caseNo of ours, asked by the neighbour', () => `caseNo=${ours}`, () => NEIGHBOUR_TOKEN],
    ['an unknown case', () => 'caseNo=FP-2026-999999', () => srv.tokenOf('county')],
  ])('%s → 404', async (_what, q, token) => {
    expect((await call(srv, 'GET', `/api/audit?${q()}`, { token: token() })).status).toBe(404);
  });

  test('the same filters in reach still answer', async () => {
    expect((await call(srv, 'GET', `/api/audit?caseNo=${ours}`, { token: srv.tokenOf('auditor') })).body.entries).toHaveLength(1);
    expect((await call(srv, 'GET', `/api/audit?person=${theirs}`, { token: ADMIN_TOKEN })).body.entries).toHaveLength(1);
  });
});
