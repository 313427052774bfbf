/** The one place a Document row is created: the same row whichever way the bytes came. */
import { attachDocument, FILE_NAME_MAX, safeFileName } from '../../server/core/documents/attach';
import { DOCUMENT_KIND } from '../../server/core/documents/kinds';

function fakeDb() {
  const rows: Record<string, unknown>[] = [];
  const db = { document: { create: async ({ data }: { data: Record<string, unknown> }) => (rows.push(data), { id: 'd1', ...data }) } } as never;
  return { db, rows };
}

const blob = { sha256: 'a'.repeat(64), storageKey: `sha256/ab/${'b'.repeat(64)}`, size: 1234, mime: 'image/jpeg' };

test('a paper of an application in progress: the contact’s, no case, the database’s clock', async () => {
  const { db, rows } = fakeDb();
  await attachDocument(db, { ...blob, kind: 'hospital_bill', fileName: 'bill.jpg', contactId: 'v1' });
  expect(rows).toEqual([{ ...blob, kind: 'hospital_bill', fileName: 'bill.jpg', caseId: null, contactId: 'v1', followUpId: null }]);
});

test('a supplement received at a given time belongs to its case', async () => {
  const { db, rows } = fakeDb();
  const at = new Date('2026-03-01T02:00:00Z');
  await attachDocument(db, { ...blob, kind: DOCUMENT_KIND.supplement, caseId: 'case1', contactId: 'v1', at });
  expect(rows[0]).toMatchObject({ kind: 'supplement', caseId: 'case1', contactId: 'v1', fileName: null, createdAt: at });
});

test('a broadcast image has neither case nor sender', async () => {
  const { db, rows } = fakeDb();
  await attachDocument(db, { ...blob, kind: DOCUMENT_KIND.broadcastImage });
  expect(rows[0]).toMatchObject({ kind: 'broadcast_image', caseId: null, contactId: null, followUpId: null, fileName: null });
});

test('a photo of a follow-up visit belongs to the visit, not to a case', async () => {
  const { db, rows } = fakeDb();
  await attachDocument(db, { ...blob, kind: DOCUMENT_KIND.followUpPhoto, followUpId: 'visit1', contactId: null });
  expect(rows[0]).toMatchObject({ caseId: null, followUpId: 'visit1' });
});

test.each([
  ['bill.jpg', 'bill.jpg'],
  ['../../etc/passwd', '.._.._etc_passwd'],
  ['C:\\photos\\单据.jpg', 'C:_photos_单据.jpg'],
  ['a\u0000b\u202ec.jpg', 'abc.jpg'],
  ['x'.repeat(FILE_NAME_MAX + 50), 'x'.repeat(FILE_NAME_MAX)],
])('the file name %j is kept as %j, and a kept name is kept as it is', async (given, kept) => {
  expect(safeFileName(given)).toBe(kept);
  expect(safeFileName(kept)).toBe(kept);
  const { db, rows } = fakeDb();
  await attachDocument(db, { ...blob, kind: 'hospital_bill', fileName: given });
  expect(rows[0].fileName).toBe(kept);
});
