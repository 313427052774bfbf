/**
 * Second security review, L4: creating, changing and retiring policy articles and FAQ entries —
 * what villagers are told about their entitlements — wrote no audit entry. Each now writes one:
 * the cadre, the action, which entry (id, key, language) and, for a change, the fields changed.
 * A refused change and a retire of an entry already retired write none.
 */
import { startTestServer, type TestServer } from '../support/server';
import { call } from '../miniprogram/support';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

const entriesFor = (subject: string) =>
  srv.db.prisma.auditEntry.findMany({ where: { subject }, orderBy: { seq: 'asc' }, select: { actorType: true, actorId: true, action: true, allowed: true, reason: true } });

test.each([
  ['policy', '/api/policies', 'article', { key: 'audit-policy', lang: 'zh-CN', title: '医保报销', body: '起付线以上报销七成' }, { title: '医保报销（新）', tags: ['医保'] }],
  ['faq', '/api/faqs', 'faq', { key: 'audit-faq', lang: 'zh-CN', question: '怎么报销', answer: '带发票到村委会' }, { answer: '带发票和病历到村委会' }],
] as const)('%s: create, change and retire each leave who, what and which entry', async (kind, base, field, create, patch) => {
  const county = srv.cadre('county');
  const made = await call(srv, 'POST', base, { token: county.token, body: create });
  expect(made.status).toBe(201);
  const id = made.body[field].id as string;
  expect((await call(srv, 'PATCH', `${base}/${id}`, { token: county.token, body: patch })).status).toBe(200);
  // refused: a town cadre may not change it — nothing is written for it
  expect((await call(srv, 'PATCH', `${base}/${id}`, { token: srv.tokenOf('town'), body: patch })).status).toBe(403);
  expect((await call(srv, 'POST', `${base}/${id}/retire`, { token: county.token })).status).toBe(200);
  expect((await call(srv, 'POST', `${base}/${id}/retire`, { token: county.token })).status).toBe(200); // already retired: no change, no entry

  const who = { actorType: 'cadre', actorId: county.id, allowed: true };
  expect(await entriesFor(id)).toEqual([
    { ...who, action: `${kind}:create`, reason: `${create.key} (zh-CN)` },
    { ...who, action: `${kind}:update`, reason: `${create.key} (zh-CN): ${Object.keys(patch).join(', ')}` },
    { ...who, action: `${kind}:retire`, reason: `${create.key} (zh-CN)` },
  ]);
});
