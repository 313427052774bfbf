/**
 * Issue 8, finding 8: a NUL byte gave 500 (PostgreSQL refuses it in text) in a WeChat display
 * name, a login, notes, names, broadcast text, tags, `?puppet=` … The routes are walked from the
 * app itself, so a new route is covered (or this test asks for its body below): a NUL in every
 * text field of every body, in the query, and in every path parameter answers 400 naming the
 * field — never 500. WeChat display names are stripped instead, so the villager gets an answer.
 */
import os from 'node:os';
import type Koa from 'koa';
import { createApp } from '../../server/web';
import { loadConfig } from '../../server/config';
import { silentLogger } from '../../server/log';
import { ADMIN_TOKEN, BOT_TOKEN, pngBytes, startTestServer, type TestServer } from '../support/server';
import { answersFor, call, capturingLogger, loginByPhone } from '../miniprogram/support';

const NUL = 'a\u0000b';
const log = capturingLogger();
let srv: TestServer;
let villagerToken: string;

beforeAll(async () => {
  srv = await startTestServer({ log });
  villagerToken = await loginByPhone(srv, log, '13900002222');
});
afterAll(() => srv.close());

type Route = { method: string; path: string };

/** Every route of the app, from its routers (HEAD is GET's twin; the h5 files at /app/ take no text). */
function routes(app: Koa): Route[] {
  const out: Route[] = [];
  for (const mw of app.middleware as unknown as { router?: { stack: { methods: string[]; path: string | RegExp }[] } }[]) {
    for (const layer of mw.router?.stack ?? []) {
      if (typeof layer.path !== 'string') continue;
      for (const method of layer.methods) if (method !== 'HEAD') out.push({ method, path: layer.path });
    }
  }
  return out;
}
// routers only: no request reaches this app, so it needs no database
const ALL = routes(createApp({ prisma: {} as never, config: loadConfig({ DATA_DIR: os.tmpdir(), BOT_TOKEN }), log: silentLogger, store: {} as never, keyring: {} as never }));

const tokenFor = (path: string) => (path.startsWith('/api/bot/') ? BOT_TOKEN : /^\/api\/(app\/|auth\/villager)/.test(path) ? villagerToken : ADMIN_TOKEN);
const fill = (path: string, params: Record<string, string> = {}) => path.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? 'x1');

/** A plausible body for each route that takes JSON: each of its text fields gets a NUL in turn. */
const BODIES: Record<string, Record<string, unknown>> = {
  'POST /api/bot/inbound': { messageId: 'm-nul', bot: { puppet: 'test', accountId: 'bot' }, from: { id: 'v-nul' }, type: 'text', text: '你好' },
  'POST /api/bot/outbox/:id/fail': { error: 'contact not found' },
  'POST /api/bot/outbox/ack': { ids: ['cm0000000000000000000000'] },
  'POST /api/bot/outbox/:id/release': { retryAt: '2026-01-01T00:00:00Z' },
  'POST /api/auth/login': { username: 'liushu', password: 'whatever-password' },
  'POST /api/cases/:caseNo/transitions': { to: 'town_review', action: 'approve', note: '材料齐全', data: { verifierId: 'abc', publicityEnd: '2026-01-05' } },
  'POST /api/cases/:caseNo/objections': { note: '有异议' },
  'POST /api/cases/:caseNo/objections/:id/resolve': { resolution: '已核实' },
  'POST /api/cases/:caseNo/visit': { date: '2026-03-05' },
  'POST /api/cases/:caseNo/reveal': { field: 'idNumber' },
  'POST /api/cases/bulk-move': { caseNos: ['FP-2026-000001'], move: 'approve', note: '材料齐全' },
  'POST /api/cadres': { name: '新干部', role: 'village', regionCode: '439901100203', username: 'newone', password: 'long-enough-password' },
  'PATCH /api/cadres/:id': { name: '改名', password: 'long-enough-password', regionCode: '439901100203' },
  'POST /api/broadcasts': { title: '通知', content: { type: 'text', text: '新的政策' }, target: { regions: ['439901'], villagers: true, tags: ['低保户'] } },
  'POST /api/broadcasts/:id/send': { at: '2026-03-05T08:00:00+08:00' },
  'POST /api/broadcasts/preview': { target: { regions: ['439901'], villagers: true, tags: ['低保户'] } },
  'POST /api/faqs/try': { text: '标准是多少', lang: 'zh-CN' },
  'PUT /api/contacts/:id/tags': { tags: ['低保户', '残疾'] },
  'POST /api/policies': { key: 'k', lang: 'zh-CN', title: '标题', body: '正文', tags: ['医保'], effectiveFrom: '2026-01-01' },
  'PATCH /api/policies/:id': { title: '标题', body: '正文' },
  'POST /api/faqs': { key: 'k', lang: 'zh-CN', question: '问', synonyms: ['同义'], keywords: ['词'], answer: '答' },
  'PATCH /api/faqs/:id': { question: '问', answer: '答' },
  'POST /api/forms/application/check': { cause: 'illness', answers: answersFor('illness') },
  'POST /api/auth/wechat': { code: 'wx-code' },
  'POST /api/auth/otp/request': { phone: '13900003333' },
  'POST /api/auth/otp/verify': { phone: '13900003333', code: '123456' },
  'POST /api/app/applications': { cause: 'illness', answers: answersFor('illness'), documents: [{ uploadId: 'u1', item: '病历' }] },
  'POST /api/app/cases/:caseNo/withdraw': { reason: '不需要了' },
  'POST /api/app/cases/:caseNo/resubmit': { note: '补好了' },
  'POST /api/app/subscriptions': { templateId: 'tpl', caseNo: 'FP-2026-000001' },
  'POST /api/export/layouts': { name: '我的台账', kind: 'cases', columns: [{ field: 'headName', header: '户主' }], copiedFrom: 'national' },
  'PUT /api/export/layouts/:id': { name: '我的台账', kind: 'cases', columns: [{ field: 'headName', header: '户主' }] },
  'POST /api/notices': { villageId: '439901100201', from: '2026-03-01', to: '2026-03-31', nameMask: 'middle' },
  'POST /api/notices/:id/objections': { caseNo: 'FP-2026-000001', note: '有异议' },
  'POST /api/regions': { parentCode: '439901100', code: '439901100209', name: '新村', nameEn: 'New Village', contactPhone: '0731-84123456' },
  'PATCH /api/regions/:code': { code: '439901100209', name: '改名村', nameEn: 'Renamed', contactPhone: '0731-84123456' },
  'PUT /api/income-lines': { regionCode: '439901', year: 2026, perCapitaFen: 870_000, note: '省定标准' },
  'POST /api/entry/applications': { cause: 'illness', answers: { name: '李德厚', hospital: '县人民医院' }, documents: ['hospital_bill'] },
  'POST /api/demo/clock': { days: 6 },
  'PUT /api/stats/budget': { year: 2026, amountFen: 5_000_000_000 },
  'PUT /api/settings/workflow': { limits: { total: { days: 15, working: false } }, publicityMinDays: 5, holidays: ['2026-10-01'], workdays: ['2026-09-27'] },
  'PUT /api/departments/:code': { columns: { idNumber: '身份证号', selfPaidInpatientYtd: '住院自付累计' }, rules: [{ kind: 'threshold', figure: 'selfPaidInpatientYtd', lineOtherFen: 2_000_000, cause: 'illness', wording: 'medical_costs' }] },
  'POST /api/departments/:code/rows': { batchId: 'B-1', rows: [{ rowId: 'r1', idNumber: '110105194912310021', selfPaidInpatientYtd: '5000' }] },
  'POST /api/alerts/:id/close': { kind: 'not_needed', reason: '已入户核实' },
  'POST /api/households/:id/reveal': { field: 'idNumber', memberId: 'cm0000000000000000000000' },
  'POST /api/households/:id/measures': { kind: 'medical_aid', givenOn: '2026-03-01', department: '医保局', caseNo: 'FP-2026-000001', note: '住院' },
  'POST /api/households/:id/responsible': { cadreId: 'cm0000000000000000000000' },
  'PATCH /api/households/:id': { noLabourCapacity: true, note: '重度残疾' },
  'POST /api/households/:id/follow-ups': { day: '2026-03-01', perCapitaIncomeFen: 1_000_000, solvedRiskIds: ['cm0000000000000000000000'], note: '已恢复务工' },
  'POST /api/households/:id/risks': { cause: 'illness', startedOn: '2026-03-01', source: 'cadre_round', category: 'marginal', note: '住院' },
  'POST /api/households/:id/elimination': { note: '收入稳定' },
  'POST /api/households/found': { headName: '何家旺', idNumber: '11010519491231002X', phone: '13900139001', village: '439901100201', householdSize: 3, cause: 'illness', note: '户主住院', foundOn: '2026-03-01' },
  'POST /api/households/:id/elimination/step': { action: 'return', reason: '补充材料' },
  'PUT /api/settings/monitoring': { followUpMonths: 1 },
};
/** Routes that read no JSON text (their path, query and a stray body field are still checked). */
const NO_TEXT_BODY = new Set([
  'POST /api/bot/outbox/:id/ack',
  'POST /api/outbox/:id/retry',
  'POST /api/auth/logout',
  'POST /api/cadres/:id/binding-code',
  'POST /api/cadres/:id/api-token',
  'POST /api/regions/:code/room-binding-code',
  'POST /api/broadcasts/images',
  'POST /api/broadcasts/:id/cancel',
  'POST /api/notices/:id/withdraw',
  'POST /api/policies/:id/retire',
  'POST /api/faqs/:id/retire',
  'POST /api/auth/villager/logout',
  'POST /api/app/uploads',
  'DELETE /api/app/uploads/:id',
  'POST /api/app/cases/:caseNo/supplements',
  'POST /api/cases/:caseNo/visit/photos',
  'POST /api/households/:id/follow-ups/:followUpId/photos',
  'POST /api/notices/:id/send',
  'POST /api/entry/applications/:caseNo/photos',
  'POST /api/departments/:code/token',
  'POST /api/departments/:code/imports',
  'POST /api/register/imports',
]);

/** [dotted path, body with a NUL at that path] for every string leaf of `body`. */
function withNulAtEachString(body: unknown, at: string[] = []): [string, unknown][] {
  if (typeof body === 'string') return [[at.join('.'), NUL]];
  if (Array.isArray(body)) return body.flatMap((v, i) => withNulAtEachString(v, [...at, String(i)]).map(([f, inner]) => [f, body.map((x, j) => (j === i ? inner : x))] as [string, unknown]));
  if (body && typeof body === 'object')
    return Object.entries(body).flatMap(([k, v]) => withNulAtEachString(v, [...at, k]).map(([f, inner]) => [f, { ...body, [k]: inner }] as [string, unknown]));
  return [];
}

const WRITES = ALL.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method));

test('the walk finds the routers, and every route that takes JSON has a body here', () => {
  expect(ALL.length).toBeGreaterThan(50);
  const missing = WRITES.map((r) => `${r.method} ${r.path}`).filter((k) => !BODIES[k] && !NO_TEXT_BODY.has(k));
  expect(missing).toEqual([]);
});

const bodyCases = WRITES.flatMap((r) => {
  const key = `${r.method} ${r.path}`;
  const body = BODIES[key] ?? { note: 'x' };
  return withNulAtEachString(body)
    // WeChat display names are stripped, not refused (checked below)
    .filter(([field]) => !(key === 'POST /api/bot/inbound' && ['from.name', 'from.alias', 'room.topic'].includes(field)))
    .map(([field, withNul]) => [key, field, withNul] as const);
});

test.each(bodyCases)('%s with a NUL in body field %s → 400 naming it', async (key, field, body) => {
  const [method, path] = key.split(' ') as [string, string];
  const res = await call(srv, method, fill(path), { token: tokenFor(path), body });
  expect({ status: res.status, field: res.body?.error?.field }).toEqual({ status: 400, field });
});

const QUERY_FIELDS = ['puppet', 'accountId', 'q', 'tag', 'region', 'status', 'caseNo', 'lang', 'village', 'role', 'cause'];
const queryCases = ALL.filter((r) => r.method === 'GET').flatMap((r) => QUERY_FIELDS.map((q) => [`${r.method} ${r.path}`, q] as const));

test.each(queryCases)('%s with a NUL in ?%s= → 400 naming it', async (key, q) => {
  const [method, path] = key.split(' ') as [string, string];
  const res = await call(srv, method, `${fill(path)}?${q}=a%00b`, { token: tokenFor(path) });
  expect({ status: res.status, field: res.body?.error?.field }).toEqual({ status: 400, field: q });
});

const paramCases = ALL.filter((r) => r.path.includes(':')).flatMap((r) => [...r.path.matchAll(/:(\w+)/g)].map((m) => [`${r.method} ${r.path}`, m[1]!] as const));

test.each(paramCases)('%s with a NUL in :%s → 400, never 500', async (key, param) => {
  const [method, path] = key.split(' ') as [string, string];
  const res = await call(srv, method, fill(path, { [param]: 'a%00b' }), { token: tokenFor(path), ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }) });
  expect({ status: res.status, field: res.body?.error?.field }).toEqual({ status: 400, field: 'path' });
});

test('other C0 controls are refused too; tab, line feed and carriage return are text', async () => {
  for (const ch of ['\u0001', '\u0007', '\u001b', '\u007f']) {
    const res = await call(srv, 'POST', '/api/auth/login', { body: { username: `a${ch}b`, password: 'x' } });
    expect({ status: res.status, field: res.body?.error?.field }).toEqual({ status: 400, field: 'username' });
  }
  const ok = await call(srv, 'POST', '/api/auth/login', { body: { username: 'nobody', password: 'line one\nline\ttwo\r\n' } });
  expect(ok.status).toBe(401);
});

test('a login without a username but with a NUL password is a 400, not a 500', async () => {
  const res = await call(srv, 'POST', '/api/auth/login', { body: { password: NUL } });
  expect(res.status).toBe(400);
  expect(res.body.error.field).toBe('password');
});

describe('WeChat display names are stripped, so the villager still gets an answer', () => {
  test('JSON: a NUL in the name, the alias and the group topic', async () => {
    const res = await call(srv, 'POST', '/api/bot/inbound', {
      token: BOT_TOKEN,
      body: { messageId: 'nul-name-1', bot: { puppet: 'test', accountId: 'bot' }, from: { id: 'v-nul-1', name: '王\u0000大妈', alias: 'x\u0001' }, type: 'text', text: '你好' },
    });
    expect(res.status).toBe(200);
    expect(res.body.replies.length).toBeGreaterThan(0);
    const contact = await srv.db.prisma.contact.findFirstOrThrow({ where: { externalId: 'v-nul-1' } });
    expect(contact.name).toBe('王大妈');
  });

  test('multipart: a NUL in the meta name is stripped; in the message id it is a 400 naming meta.messageId', async () => {
    const send = async (meta: object) => {
      const form = new FormData();
      form.append('meta', JSON.stringify({ bot: { puppet: 'test', accountId: 'bot' }, type: 'image', ...meta }));
      form.append('file', new Blob([new Uint8Array(pngBytes(71))]), 'a.png');
      const res = await fetch(`${srv.url}/api/bot/inbound`, { method: 'POST', headers: { authorization: `Bearer ${BOT_TOKEN}` }, body: form });
      return { status: res.status, body: (await res.json()) as any };
    };
    const named = await send({ messageId: 'nul-media-1', from: { id: 'v-nul-2', name: '李\u0000奶奶' } });
    expect(named.status).toBe(200);
    expect((await srv.db.prisma.contact.findFirstOrThrow({ where: { externalId: 'v-nul-2' } })).name).toBe('李奶奶');
    const badId = await send({ messageId: 'nul\u0000media', from: { id: 'v-nul-2', name: '李奶奶' } });
    expect({ status: badId.status, field: badId.body.error.field }).toEqual({ status: 400, field: 'meta.messageId' });
  });
});

describe('unpaired surrogates, C1 controls and bidi overrides are refused like a NUL (they gave 500s or passed)', () => {
  const INVISIBLE: [string, string][] = [
    ['a lone high surrogate', 'hi\ud800'],
    ['a lone low surrogate', '\udc00'],
    ['a low surrogate before a high one', 'a\udc00\ud800b'],
    ['a C1 control (NEL)', 'a\u0085b'],
    ['a C1 control (CSI)', '\u009b31m'],
    ['a right-to-left override', '张三\u202egpj.exe'],
    ['a left-to-right embedding', '\u202a王五'],
    ['a first-strong isolate', '\u2068李四\u2069'],
  ];
  test.each(INVISIBLE)('%s in a login name → 400 naming username', async (_label, text) => {
    const res = await call(srv, 'POST', '/api/auth/login', { body: { username: text, password: 'whatever-password' } });
    expect({ status: res.status, field: res.body?.error?.field }).toEqual({ status: 400, field: 'username' });
  });

  test.each([
    ['broadcast text', 'POST', '/api/broadcasts', { ...BODIES['POST /api/broadcasts'], content: { type: 'text', text: 'hi\ud800' } }, 'content.text'],
    ['a policy tag', 'POST', '/api/policies', { ...BODIES['POST /api/policies'], tags: ['\udc00'] }, 'tags.0'],
    ['a cadre name', 'POST', '/api/cadres', { ...BODIES['POST /api/cadres'], name: '新\u202e干部' }, 'name'],
    ['a contact tag', 'PUT', '/api/contacts/x1/tags', { tags: ['低保\u0090户'] }, 'tags.0'],
  ] as const)('%s → 400 naming the field, never 500', async (_label, method, path, body, field) => {
    const res = await call(srv, method, path, { token: ADMIN_TOKEN, body });
    expect({ status: res.status, field: res.body?.error?.field }).toEqual({ status: 400, field });
  });

  test('a surrogate pair (an emoji), Chinese, tab and line breaks are text', async () => {
    const res = await call(srv, 'POST', '/api/auth/login', { body: { username: '王😀大妈', password: '第一行\n第二行\t😀' } });
    expect(res.status).toBe(401);
  });

  test('a WeChat display name loses them, and the villager gets an answer', async () => {
    const res = await call(srv, 'POST', '/api/bot/inbound', {
      token: BOT_TOKEN,
      body: { messageId: 'bidi-name-1', bot: { puppet: 'test', accountId: 'bot' }, from: { id: 'v-bidi-1', name: '\u202e王\u0085大\ud800妈😀' }, type: 'text', text: '你好' },
    });
    expect(res.status).toBe(200);
    expect((await srv.db.prisma.contact.findFirstOrThrow({ where: { externalId: 'v-bidi-1' } })).name).toBe('王大妈😀');
  });
});

describe('multipart text parts are checked too, on every upload path', () => {
  const post = async (path: string, token: string, parts: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(parts)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(pngBytes(72))]), 'a.png');
    const res = await fetch(`${srv.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: (await res.json()) as any };
  };
  const meta = JSON.stringify({ messageId: 'mp-parts-1', bot: { puppet: 'test', accountId: 'bot' }, from: { id: 'v-parts' }, type: 'image' });
  test.each([
    ['the mini-program upload', '/api/app/uploads', () => villagerToken, {}],
    ['a broadcast image', '/api/broadcasts/images', () => ADMIN_TOKEN, {}],
    ['a department’s file', '/api/departments/yibao/imports', () => ADMIN_TOKEN, {}],
    ['a register file', '/api/register/imports', () => ADMIN_TOKEN, {}],
    ['the bot inbound', '/api/bot/inbound', () => BOT_TOKEN, { meta }],
  ])('%s: a NUL or a bidi override in a text part → 400 naming it; nothing stored', async (_label, path, token, base: Record<string, string>) => {
    const before = await srv.db.prisma.document.count();
    for (const [name, value] of [['note', 'a\u0000b'], ['caption', '\u202egpj.exe']]) {
      const res = await post(path, token(), { ...base, [name!]: value! });
      expect({ status: res.status, field: res.body?.error?.field }).toEqual({ status: 400, field: name });
    }
    expect(await srv.db.prisma.document.count()).toBe(before);
  });

  test('a file name is stripped of them, never refused', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pngBytes(73))]), '病历\u202egnp.exe');
    const res = await fetch(`${srv.url}/api/app/uploads`, { method: 'POST', headers: { authorization: `Bearer ${villagerToken}` }, body: form });
    expect(res.status).toBe(201);
    const { upload } = (await res.json()) as { upload: { id: string } };
    expect((await srv.db.prisma.document.findUniqueOrThrow({ where: { id: upload.id } })).fileName).toBe('病历gnp.exe');
  });
});
