/**
 * Issue 8, finding 10: a town cadre could reset another town account's password (and so log in
 * as it), deactivate it, or bind it to their own WeChat. Town cadres manage the village accounts
 * of their own town only; the county office manages every account; anyone asks a binding code
 * for their own account.
 */
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server';
import { call } from '../miniprogram/support';
import { bindCadre } from '../outbox/support';

let srv: TestServer;
let colleague: { id: string; password: string };
beforeAll(async () => {
  srv = await startTestServer();
  // a second account of 青山镇, made by the county office
  const made = await call(srv, 'POST', '/api/cadres', { token: ADMIN_TOKEN, body: { name: '青山镇副站长', role: 'town', regionCode: '439901100', username: 'qingshan2' } });
  expect(made.status).toBe(201);
  colleague = { id: made.body.cadre.id, password: made.body.password };
});
afterAll(() => srv.close());

const town = () => srv.cadre('qingshan').token;
const login = (username: string, password: string) => call(srv, 'POST', '/api/auth/login', { body: { username, password } });

test.each([
  ['reset its password', 'PATCH', { password: 'taken-over-password-1' }],
  ['deactivate it', 'PATCH', { active: false }],
  ['rename it', 'PATCH', { name: '冒名' }],
  ['unlock it', 'PATCH', { unlock: true }],
  ['issue a binding code for it', 'POST', undefined],
] as const)('a town cadre may not %s for another account of its town', async (_label, method, body) => {
  const path = method === 'PATCH' ? `/api/cadres/${colleague.id}` : `/api/cadres/${colleague.id}/binding-code`;
  const res = await call(srv, method, path, { token: town(), ...(body ? { body } : {}) });
  expect([403, 404]).toContain(res.status);
  const row = await srv.db.prisma.cadre.findUniqueOrThrow({ where: { id: colleague.id } });
  expect({ name: row.name, active: row.active }).toEqual({ name: '青山镇副站长', active: true });
  expect((await login('qingshan2', colleague.password)).status).toBe(200); // the old password still works
  expect(await srv.db.prisma.bindingCode.count({ where: { cadreId: colleague.id } })).toBe(0);
});

test('a town cadre may not create a town account', async () => {
  const res = await call(srv, 'POST', '/api/cadres', { token: town(), body: { name: '新镇干部', role: 'town', regionCode: '439901100', username: 'newtown' } });
  expect(res.status).toBe(403);
  expect(await srv.db.prisma.cadre.count({ where: { username: 'newtown' } })).toBe(0);
});

test('a town cadre manages the village accounts of its own town', async () => {
  const village = srv.cadre('liushu');
  const reset = await call(srv, 'PATCH', `/api/cadres/${village.id}`, { token: town(), body: { password: 'new-village-password-1' } });
  expect(reset.status).toBe(200);
  expect((await call(srv, 'POST', `/api/cadres/${village.id}/binding-code`, { token: town() })).status).toBe(201);
  // another town's village: not even there
  expect((await call(srv, 'PATCH', `/api/cadres/${srv.cadre('baishi').id}`, { token: town(), body: { active: false } })).status).toBe(404);
});

test('a town cadre still asks a binding code for its own account', async () => {
  expect((await call(srv, 'POST', `/api/cadres/${srv.cadre('qingshan').id}/binding-code`, { token: town() })).status).toBe(201);
});

test('the county office manages the town accounts', async () => {
  const res = await call(srv, 'PATCH', `/api/cadres/${colleague.id}`, { token: ADMIN_TOKEN, body: { password: 'county-reset-password-1' } });
  expect(res.status).toBe(200);
  expect((await login('qingshan2', 'county-reset-password-1')).status).toBe(200);
});

describe('a new password or deactivation unbinds the WeChat', () => {
  let n = 0;
  /** A fresh 柳树村 account, bound to a WeChat contact, with an open binding code. */
  async function boundAccount() {
    n += 1;
    const made = await call(srv, 'POST', '/api/cadres', { token: ADMIN_TOKEN, body: { name: `柳树村文书${n}`, role: 'village', regionCode: '439901100201', username: `liushu-clerk-${n}` } });
    expect(made.status).toBe(201);
    const id: string = made.body.cadre.id;
    const contact = await bindCadre(srv.db.prisma, id, `wxid-clerk-${n}`);
    expect((await call(srv, 'POST', `/api/cadres/${id}/binding-code`, { token: ADMIN_TOKEN })).status).toBe(201);
    return { id, contactId: contact.id };
  }

  test.each([
    ['a password set by the town', { password: 'another-password-123' }, true],
    ['a generated password (reset)', { resetPassword: true }, true],
    ['deactivation', { active: false }, true],
    ['a rename', { name: '柳树村会计' }, false],
    ['a lifted lockout', { unlock: true }, false],
  ] as const)('%s (%j) → unbound: %s', async (_what, body, unbound) => {
    const account = await boundAccount();
    const res = await call(srv, 'PATCH', `/api/cadres/${account.id}`, { token: town(), body });
    expect(res.status).toBe(200);
    const row = await srv.db.prisma.cadre.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.contactId).toBe(unbound ? null : account.contactId);
    // the contact is no cadre any more (the chat looks cadres up by their contact), and no code left binds it again
    expect(await srv.db.prisma.cadre.count({ where: { contactId: account.contactId } })).toBe(unbound ? 0 : 1);
    expect(await srv.db.prisma.bindingCode.count({ where: { cadreId: account.id, usedAt: null } })).toBe(unbound ? 0 : 1);
    const audit = await srv.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'cadre:update', subject: account.id }, orderBy: { seq: 'desc' } });
    expect((audit.reason ?? '').includes('WeChat unbound')).toBe(unbound);
  });
});
