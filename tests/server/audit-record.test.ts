/** The one audit writer: who a row names, and the columns a caller leaves out. */
import { recordAudit, recordRefusal, type AuditActor, type AuditDb } from '../../server/core/audit/record';

/** A stand-in for the client: the rows it was asked to write. */
function fakeDb() {
  const rows: Record<string, unknown>[] = [];
  const db = { auditEntry: { create: async ({ data }: { data: Record<string, unknown> }) => (rows.push(data), data) } } as unknown as AuditDb;
  return { db, rows };
}

const at = new Date('2026-03-01T02:00:00Z');
const cadre = { kind: 'cadre', id: 'c1', name: '王书记', role: 'village', regionIds: null } as const;

test.each<[string, AuditActor, string, string | null]>([
  ['a cadre (a whole workflow actor)', cadre, 'cadre', 'c1'],
  ['a cadre known by id only (a login)', { kind: 'cadre', id: 'c2' }, 'cadre', 'c2'],
  ['a villager', { kind: 'villager', contactId: 'v1', householdId: 'h1' }, 'villager', 'v1'],
  ['the system', { kind: 'system' }, 'system', null],
  ['a chat contact that is no cadre', { kind: 'contact', contactId: 'x1' }, 'contact', 'x1'],
  ['nobody known', { kind: 'anonymous' }, 'anonymous', null],
])('%s', async (_who, actor, actorType, actorId) => {
  const { db, rows } = fakeDb();
  await recordAudit(db, { at, actor, action: 'login', allowed: false, reason: 'wrong password' });
  expect(rows).toEqual([{ at, kind: 'action', actorType, actorId, action: 'login', caseNo: null, allowed: false, reason: 'wrong password', subject: null }]);
});

test('an access keeps what it showed', async () => {
  const { db, rows } = fakeDb();
  await recordAudit(db, { at, kind: 'access', actor: cadre, action: 'case:view', caseNo: 'FP-2026-000001', allowed: true, fields: ['idNumber', 'phone'] });
  expect(rows[0]).toMatchObject({ kind: 'access', fields: ['idNumber', 'phone'], caseNo: 'FP-2026-000001', subject: null, reason: null });
});

test('a refusal reads "<code>: <message>" and is not allowed', async () => {
  const { db, rows } = fakeDb();
  await recordRefusal(db, { at, actor: cadre, action: 'visit', caseNo: 'FP-2026-000002', refusal: { code: 'no_role', message: 'a village cadre cannot do this' } });
  expect(rows).toEqual([
    { at, kind: 'action', actorType: 'cadre', actorId: 'c1', action: 'visit', caseNo: 'FP-2026-000002', allowed: false, reason: 'no_role: a village cadre cannot do this', subject: null },
  ]);
});
