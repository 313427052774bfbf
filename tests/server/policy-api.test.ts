/**
 * The county office's policy knowledge over HTTP (/api/policies, /api/faqs) and the public read
 * endpoint for the mini-program (/api/public/policies): who may do what, validation with the
 * field named, publication, regions and effective dates, retiring — and the chat answering from
 * what was just published.
 */
import { ADMIN_TOKEN, BOT_TOKEN, startTestServer, type TestServer } from '../support/server';

const NOW = new Date('2026-07-20T02:00:00Z'); // a Monday, 10:00 in China
const LIUSHU = '439901100201';
const BAISHI = '439901200201';
const BAISHI_TOWN = '439901200';

let srv: TestServer;
let messageNo = 0;

beforeAll(async () => {
  srv = await startTestServer({ now: () => NOW });
});
afterAll(async () => {
  await srv.close();
});

type Res = { status: number; body: any };
async function call(method: string, path: string, token: string | undefined, body?: unknown): Promise<Res> {
  const res = await fetch(`${srv.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
const county = () => srv.tokenOf('county');

async function say(from: string, text: string): Promise<string> {
  messageNo += 1;
  const res = await fetch(`${srv.url}/api/bot/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}` },
    body: JSON.stringify({ messageId: `p-${messageNo}`, bot: { puppet: 'test', accountId: 'bot' }, from: { id: from, name: from }, type: 'text', text }),
  });
  return ((await res.json()) as { replies: { text: string }[] }).replies.map((r) => r.text).join('\n');
}

const article = (over: Record<string, unknown> = {}) => ({ key: 'test-article', lang: 'zh-CN', title: '测试政策', body: '监测标准：{{incomeLine}}公示{{publicityDays}}。', tags: ['测试'], ...over });

describe('who may', () => {
  test.each([
    ['GET', '/api/policies'],
    ['POST', '/api/policies'],
    ['GET', '/api/faqs'],
    ['POST', '/api/faqs'],
    ['GET', '/api/faqs/match?q=x'],
  ])('%s %s needs a cadre (401)', async (method, path) => {
    expect((await call(method, path, undefined, method === 'POST' ? {} : undefined)).status).toBe(401);
    expect((await call(method, path, 'not-a-token', method === 'POST' ? {} : undefined)).status).toBe(401);
  });

  test.each(['village', 'town', 'verifier'] as const)('a %s account may neither read nor change them (403)', async (role) => {
    const token = srv.tokenOf(role);
    expect((await call('GET', '/api/policies', token)).status).toBe(403);
    expect((await call('POST', '/api/policies', token, article())).status).toBe(403);
    expect((await call('POST', '/api/faqs', token, {})).status).toBe(403);
  });

  test('the auditor reads but changes nothing; the county office and ADMIN_TOKEN manage', async () => {
    const auditor = srv.tokenOf('auditor');
    const list = await call('GET', '/api/faqs?lang=zh-CN', auditor);
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(20);
    expect((await call('POST', '/api/policies', auditor, article())).status).toBe(403);
    const id = list.body.items[0].id;
    expect((await call('POST', `/api/faqs/${id}/retire`, auditor)).status).toBe(403);
    expect((await call('GET', '/api/policies?lang=en', ADMIN_TOKEN)).body.total).toBeGreaterThanOrEqual(8);
  });
});

describe('policy articles', () => {
  test('the demo county comes with the default knowledge in both languages', async () => {
    const zh = await call('GET', '/api/policies?lang=zh-CN', county());
    const en = await call('GET', '/api/policies?lang=en', county());
    expect(zh.body.total).toBe(en.body.total);
    expect(zh.body.items.map((a: { key: string }) => a.key)).toContain('monitoring-scope');
  });

  test.each([
    [{ key: 'Bad Key' }, 'key'],
    [{ lang: 'fr' }, 'lang'],
    [{ title: '' }, 'title'],
    [{ body: '标准是{{incomeline}}' }, 'body'],
    [{ tags: 'x' }, 'tags'],
    [{ regionCode: '999999' }, 'regionCode'],
    [{ regionCode: 'abc' }, 'regionCode'],
    [{ effectiveFrom: '2026-13-01' }, 'effectiveFrom'],
    [{ effectiveFrom: '2026-08-01', effectiveTo: '2026-07-01' }, 'effectiveTo'],
    [{ status: 'retired' }, 'status'],
  ])('%j is refused with the field named', async (over, field) => {
    const res = await call('POST', '/api/policies', county(), article({ key: 'refused', ...over }));
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect((await call('GET', '/api/policies?lang=zh-CN', county())).body.items.some((a: { key: string }) => a.key === 'refused')).toBe(false);
  });

  test('create, read, update, publish rules, retire', async () => {
    const created = await call('POST', '/api/policies', county(), article({ key: 'crud-article' }));
    expect(created.status).toBe(201);
    const a = created.body.article;
    expect(a).toMatchObject({ key: 'crud-article', lang: 'zh-CN', status: 'published', region: null, tags: ['测试'] });
    expect((await call('POST', '/api/policies', county(), article({ key: 'crud-article' }))).status).toBe(409);
    expect((await call('POST', '/api/policies', county(), article({ key: 'crud-article', lang: 'en' }))).status).toBe(201);

    const read = await call('GET', `/api/policies/${a.id}`, county());
    expect(read.body.article.body).toContain('{{incomeLine}}'); // stored as written
    const patched = await call('PATCH', `/api/policies/${a.id}`, county(), { title: '新标题', effectiveTo: '2026-12-31' });
    expect(patched.status).toBe(200);
    expect(patched.body.article).toMatchObject({ title: '新标题', effectiveTo: '2026-12-30T16:00:00.000Z' });
    expect((await call('PATCH', `/api/policies/${a.id}`, county(), {})).body.error.field).toBe('title');
    expect((await call('PATCH', `/api/policies/${a.id}`, county(), { effectiveFrom: '2027-01-01' })).body.error.field).toBe('effectiveTo');
    expect((await call('PATCH', '/api/policies/cnotanarticle0000', county(), { title: 'x' })).status).toBe(404);

    const publicBefore = await call('GET', '/api/public/policies?lang=zh-CN', undefined);
    expect(publicBefore.body.items.some((x: { id: string }) => x.id === a.id)).toBe(true);
    const retired = await call('POST', `/api/policies/${a.id}/retire`, county());
    expect(retired.body.article.status).toBe('retired');
    expect(retired.body.article.retiredAt).not.toBeNull();
    expect((await call('PATCH', `/api/policies/${a.id}`, county(), { title: 'x' })).status).toBe(409);
    expect((await call('GET', `/api/public/policies/${a.id}`, undefined)).status).toBe(404);
    expect((await call('GET', '/api/public/policies?lang=zh-CN', undefined)).body.items.some((x: { id: string }) => x.id === a.id)).toBe(false);
  });

  test('the public endpoint shows only what is published and in force, with figures filled in', async () => {
    const draft = (await call('POST', '/api/policies', county(), article({ key: 'a-draft', status: 'draft' }))).body.article;
    const future = (await call('POST', '/api/policies', county(), article({ key: 'a-future', effectiveFrom: '2026-08-01' }))).body.article;
    const expired = (await call('POST', '/api/policies', county(), article({ key: 'a-expired', effectiveFrom: '2026-01-01', effectiveTo: '2026-07-01' }))).body.article;
    const live = (await call('POST', '/api/policies', county(), article({ key: 'a-live', effectiveFrom: '2026-07-01' }))).body.article;
    const list = await call('GET', '/api/public/policies?lang=zh-CN', undefined);
    const ids = list.body.items.map((x: { id: string }) => x.id);
    expect(ids).toContain(live.id);
    for (const hidden of [draft, future, expired]) {
      expect(ids).not.toContain(hidden.id);
      expect((await call('GET', `/api/public/policies/${hidden.id}`, undefined)).status).toBe(404);
    }
    const one = await call('GET', `/api/public/policies/${live.id}`, undefined);
    expect(one.body.article.body).toBe('监测标准：本地2026年的监测标准是：家庭人均纯收入每人每年8,700元。公示5天。');
    expect((await call('GET', '/api/public/policies?lang=de', undefined)).body.error.field).toBe('lang');
    expect((await call('GET', '/api/public/policies?village=123456', undefined)).body.error.field).toBe('village');
  });

  test('an article for one township reaches only its villages', async () => {
    const scoped = (await call('POST', '/api/policies', county(), article({ key: 'baishi-only', regionCode: BAISHI_TOWN }))).body.article;
    expect(scoped.region).toMatchObject({ code: BAISHI_TOWN, name: '白石乡' });
    const at = async (village?: string) =>
      (await call('GET', `/api/public/policies?lang=zh-CN${village ? `&village=${village}` : ''}`, undefined)).body.items.map((x: { id: string }) => x.id);
    expect(await at(BAISHI)).toContain(scoped.id);
    expect(await at(LIUSHU)).not.toContain(scoped.id);
    expect(await at()).not.toContain(scoped.id);
    expect((await call('GET', `/api/public/policies/${scoped.id}?village=${LIUSHU}`, undefined)).status).toBe(404);
  });
});

describe('FAQ entries', () => {
  const entry = (over: Record<string, unknown> = {}) => ({
    key: 'seed-bank',
    lang: 'zh-CN',
    question: '种子补贴怎么领？',
    synonyms: ['种子补贴在哪领', '领种子补贴', '良种补贴怎么申请', '种子钱怎么补', '买种子有补贴吗'],
    keywords: ['种子补贴', '良种补贴'],
    answer: '种子补贴由村委会统一登记，带上身份证去村委会就行。',
    ...over,
  });

  test.each([
    [{ answer: '标准是8700元，超过就不行' }, 'answer'],
    [{ answer: '标准是{{income}}' }, 'answer'],
    [{ answer: '' }, 'answer'],
    [{ synonyms: '种子' }, 'synonyms'],
    [{ synonyms: [''] }, 'synonyms.0'],
    [{ keywords: ['x'.repeat(31)] }, 'keywords.0'],
    [{ question: undefined }, 'question'],
    [{ articleId: 'cnotanarticle0000' }, 'articleId'],
    [{ sortOrder: -1 }, 'sortOrder'],
  ])('%j is refused with the field named', async (over, field) => {
    const res = await call('POST', '/api/faqs', county(), entry({ key: 'refused-faq', ...over }));
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });

  test('an article in another language cannot be linked', async () => {
    const en = (await call('GET', '/api/policies?lang=en', county())).body.items[0];
    const res = await call('POST', '/api/faqs', county(), entry({ key: 'wrong-lang', articleId: en.id }));
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('articleId');
  });

  test('published, the chat answers it at once; retired, it does not any more', async () => {
    const art = (await call('POST', '/api/policies', county(), article({ key: 'seed-article', title: '种子补贴办法', body: '每亩按规定补贴，由村委会登记。' }))).body.article;
    const created = await call('POST', '/api/faqs', county(), entry({ articleId: art.id }));
    expect(created.status).toBe(201);
    expect(created.body.faq).toMatchObject({ key: 'seed-bank', status: 'published', article: { id: art.id, title: '种子补贴办法' } });
    expect((await call('POST', '/api/faqs', county(), entry())).status).toBe(409);

    expect(await say('farmer-1', '良种补贴咋领？')).toContain('带上身份证去村委会');
    expect(await say('farmer-1', '全文')).toContain('【种子补贴办法】');

    const edited = await call('PATCH', `/api/faqs/${created.body.faq.id}`, county(), { answer: '种子补贴请到镇农业站登记，时限{{limits.total}}。' });
    expect(edited.status).toBe(200);
    expect(await say('farmer-2', '种子补贴怎么领')).toContain('请到镇农业站登记，时限15天');

    const retired = await call('POST', `/api/faqs/${created.body.faq.id}/retire`, county());
    expect(retired.body.faq.status).toBe('retired');
    expect(await say('farmer-3', '良种补贴咋领？')).not.toContain('农业站');
    expect((await call('PATCH', `/api/faqs/${created.body.faq.id}`, county(), { question: 'x' })).status).toBe(409);
  });

  test('a draft is not used by the chat', async () => {
    await call('POST', '/api/faqs', county(), entry({ key: 'draft-faq', question: '化肥补贴怎么领？', synonyms: ['化肥补贴', '领化肥补贴', '化肥钱', '化肥有补贴吗', '化肥补助'], keywords: ['化肥'], answer: '草稿内容', status: 'draft' }));
    expect(await say('farmer-4', '化肥补贴怎么领？')).not.toContain('草稿内容');
  });

  test('/api/faqs/match shows how the chat reads a question, with the village\'s figure', async () => {
    const res = await call('GET', `/api/faqs/match?q=${encodeURIComponent('表准是多少')}&village=${LIUSHU}`, county());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'confident', key: 'income-line' });
    expect(res.body.answer).toContain('柳树村2026年的监测标准是：家庭人均纯收入每人每年8,700元');
    expect(res.body.candidates[0]).toMatchObject({ key: 'income-line', question: '监测标准是多少？' });
    expect((await call('GET', '/api/faqs/match', county())).body.error.field).toBe('q');
  });
});
