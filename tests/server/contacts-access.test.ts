/**
 * Second security review, M4: GET /api/contacts listed every villager contact (name, channel,
 * village) to the insurer's verifier and to the auditor. Only the county, town and village
 * cadres — who tag villagers and send them publicity — may list them, each within their region.
 */
import { startTestServer, type TestServer } from '../support/server';
import { call } from '../miniprogram/support';

let srv: TestServer;

beforeAll(async () => {
  srv = await startTestServer();
  const village = await srv.db.prisma.region.findFirstOrThrow({ where: { code: '439901100201' } });
  const household = await srv.db.prisma.household.create({ data: { villageId: village.id, headName: '王大妈', headIdNumber: '110101197001011237', phone: '13900005555', size: 3 } });
  await srv.db.prisma.contact.create({ data: { channel: 'test:bot', externalId: 'v-contacts-1', name: '王大妈', householdId: household.id } });
});
afterAll(() => srv.close());

test.each([
  ['county', 200],
  ['town', 200],
  ['village', 200],
  ['verifier', 403],
  ['auditor', 403],
] as const)('a %s cadre listing villager contacts → %i', async (role, status) => {
  const res = await call(srv, 'GET', '/api/contacts', { token: srv.tokenOf(role) });
  expect(res.status).toBe(status);
  if (status === 200) expect(res.body.total).toBeGreaterThan(0);
  else expect(res.body).not.toHaveProperty('items');
});
