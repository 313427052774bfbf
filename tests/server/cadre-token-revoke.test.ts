/**
 * Second security review, L3: a cadre's API token could not be revoked — it still worked after the
 * county office reset the password, and came back when the account was deactivated and then
 * reactivated. A password reset and a deactivation now revoke every credential of the account
 * (API token, sessions, known devices); the county office can rotate or revoke the API token.
 */
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server';
import { call } from '../miniprogram/support';

let srv: TestServer;
let n = 0;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

/** A new village account of 柳树村 with a password and an API token, logged in once (a session and a known device). */
async function account() {
  const username = `tokened${++n}`;
  const made = await call(srv, 'POST', '/api/cadres', { token: ADMIN_TOKEN, body: { name: '村干部', role: 'village', regionCode: '439901100201', username, apiToken: true } });
  expect(made.status).toBe(201);
  const login = await call(srv, 'POST', '/api/auth/login', { body: { username, password: made.body.password } });
  expect(login.status).toBe(200);
  return { id: made.body.cadre.id as string, apiToken: made.body.apiToken as string, session: login.body.token as string };
}
const works = async (token: string) => (await call(srv, 'GET', '/api/cases', { token })).status;
const credentials = async (cadreId: string) => ({
  tokenHash: (await srv.db.prisma.cadre.findUniqueOrThrow({ where: { id: cadreId } })).tokenHash !== null,
  sessions: await srv.db.prisma.cadreSession.count({ where: { cadreId } }),
  devices: await srv.db.prisma.cadreDevice.count({ where: { cadreId } }),
});

test.each([
  ['a password reset', [{ password: 'a-new-password-for-you' }]],
  ['a deactivation', [{ active: false }]],
  ['a deactivation then a reactivation', [{ active: false }, { active: true }]],
] as const)('after %s the API token, the sessions and the known devices are gone', async (_label, patches) => {
  const a = await account();
  expect(await works(a.apiToken)).toBe(200);
  expect(await credentials(a.id)).toEqual({ tokenHash: true, sessions: 1, devices: 1 });
  for (const body of patches) expect((await call(srv, 'PATCH', `/api/cadres/${a.id}`, { token: ADMIN_TOKEN, body })).status).toBe(200);
  expect(await works(a.apiToken)).toBe(401);
  expect(await works(a.session)).toBe(401);
  expect(await credentials(a.id)).toEqual({ tokenHash: false, sessions: 0, devices: 0 });
});

test('a rename or an unlock revokes nothing', async () => {
  const a = await account();
  for (const body of [{ name: '新名字' }, { unlock: true }]) expect((await call(srv, 'PATCH', `/api/cadres/${a.id}`, { token: ADMIN_TOKEN, body })).status).toBe(200);
  expect(await works(a.apiToken)).toBe(200);
  expect(await credentials(a.id)).toEqual({ tokenHash: true, sessions: 1, devices: 1 });
});

test('the county office rotates a token: the new one works, the old one no longer', async () => {
  const a = await account();
  const county = srv.tokenOf('county');
  const rotated = await call(srv, 'POST', `/api/cadres/${a.id}/api-token`, { token: county });
  expect(rotated.status).toBe(201);
  expect(rotated.body.cadre.hasApiToken).toBe(true);
  expect(await works(a.apiToken)).toBe(401);
  expect(await works(rotated.body.apiToken)).toBe(200);
  const audit = await srv.db.prisma.auditEntry.findFirst({ where: { action: 'cadre:rotate_token', subject: a.id } });
  expect(audit?.actorId).toBe(srv.cadre('county').id);

  const revoked = await call(srv, 'DELETE', `/api/cadres/${a.id}/api-token`, { token: county });
  expect({ status: revoked.status, hasApiToken: revoked.body.cadre.hasApiToken }).toEqual({ status: 200, hasApiToken: false });
  expect(await works(rotated.body.apiToken)).toBe(401);
});

test.each([
  ['a town office', 'town', 403],
  ['the account itself', 'self', 403],
] as const)('%s may not rotate or revoke a token', async (_label, who, status) => {
  const a = await account();
  const token = who === 'self' ? a.apiToken : srv.tokenOf('town');
  expect((await call(srv, 'POST', `/api/cadres/${a.id}/api-token`, { token })).status).toBe(status);
  expect((await call(srv, 'DELETE', `/api/cadres/${a.id}/api-token`, { token })).status).toBe(status);
  expect(await works(a.apiToken)).toBe(200);
});

test('a deactivated account gets no new token', async () => {
  const a = await account();
  await call(srv, 'PATCH', `/api/cadres/${a.id}`, { token: ADMIN_TOKEN, body: { active: false } });
  expect((await call(srv, 'POST', `/api/cadres/${a.id}/api-token`, { token: ADMIN_TOKEN })).status).toBe(409);
  expect((await credentials(a.id)).tokenHash).toBe(false);
});
