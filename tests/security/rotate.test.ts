/**
 * Key rotation and the start-up sealing of an older database, on a real PostgreSQL database:
 * values and documents under key A are sealed again under key B and read back; a second run
 * does nothing; switching DATA_CIPHER to sm4 re-seals and re-indexes; clear rows and clear
 * document files left by an older version are sealed at start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, readdir, writeFile, mkdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sealClearData } from '../../server/core/crypto/protect';
import { rotateKeys } from '../../server/core/crypto/rotate';
import { sealedClient } from '../../server/core/crypto/sealed-client';
import { SEALED_FIELDS } from '../../server/core/crypto/sealed-fields';
import { FileSystemDocumentStore, sha256Hex } from '../../server/core/documents/store';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { silentLogger } from '../../server/log';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { testKeyring } from '../support/keys';
import { pngBytes } from '../support/server';

const RING_A = testKeyring('aes-256-gcm', [{ id: 'kA', fill: 0x0a }]);
const RING_B = testKeyring('aes-256-gcm', [{ id: 'kB', fill: 0x0b }, { id: 'kA', fill: 0x0a }]);
const ONLY_B = testKeyring('aes-256-gcm', [{ id: 'kB', fill: 0x0b }]);

let db: TestDatabase;
let dir: string;
let villageId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), 'fangpin-rotate-'));
  villageId = (await db.raw.region.create({ data: { code: '990000000001', name: '测试村', level: 'village' } })).id;
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
/** A household with a case, its timeline, a notice, a processed message and a document — all under `ring`. */
async function fileEverything(prisma: PrismaClient, store: FileSystemDocumentStore) {
  n += 1;
  const idNumber = `11010519620315${String(1000 + n)}`;
  const phone = `1390000${String(1000 + n)}`;
  const household = await prisma.household.create({ data: { villageId, headName: `王${n}`, headIdNumber: idNumber, phone, size: 3 } });
  await prisma.member.create({ data: { householdId: household.id, name: `李${n}`, relation: 'spouse', idNumber: `${idNumber.slice(0, 17)}X` } });
  const c = await prisma.case.create({
    data: {
      caseNo: `FP-2026-${String(700000 + n)}`, householdId: household.id, villageId, channel: 'test', cause: 'illness',
      answers: { applicant: { idNumber, phone }, details: { illness: '脑梗' } }, paymentRef: `6222 0000 ${n}`,
      householdSize: 3, annualIncomeFen: 1, perCapitaIncomeFen: 1, rigidExpenseFen: 1, incomeYear: 2025,
    },
  });
  await prisma.caseEvent.create({ data: { caseId: c.id, type: 'note', actorType: 'cadre', note: `患者${n}已住院` } });
  const contact = await prisma.contact.create({ data: { channel: 'test', externalId: `c${n}`, name: 'x' } });
  await prisma.inboundMessage.create({ data: { channel: 'test', messageId: `m${n}`, contactId: contact.id, kind: 'text', replies: [{ type: 'text', text: `身份证 ${idNumber}` }] } });
  await prisma.outbox.create({ data: { targetType: 'contact', targetId: 'x', kind: 'case_update', payload: { text: `电话 ${phone}` } } });
  const blob = await store.put(pngBytes(5000 + n));
  await prisma.document.create({ data: { ...blob, mime: 'image/png', kind: 'other', caseId: c.id } });
  return { idNumber, phone, caseNo: c.caseNo, blob, bytes: pngBytes(5000 + n) };
}

/** Every stored sealed value, as stored (raw), with the key id it names. */
async function storedKeyIds(): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const [model, fields] of Object.entries(SEALED_FIELDS)) {
    for (const [field, spec] of Object.entries(fields)) {
      const col = `"${field}"`;
      const rows = await db.raw.$queryRawUnsafe<{ v: string }[]>(`SELECT ${spec.json ? `${col} #>> '{}'` : col} AS v FROM "${model}" WHERE ${col} IS NOT NULL`);
      for (const r of rows) ids.add(r.v.split(':').slice(0, 2).join(':'));
    }
  }
  return ids;
}

test('rotation from key A to key B: everything re-sealed, read back with B alone, a second run does nothing', async () => {
  const storeA = new FileSystemDocumentStore(dir, RING_A);
  const filed = [await fileEverything(sealedClient(db.raw, RING_A), storeA), await fileEverything(sealedClient(db.raw, RING_A), storeA)];
  expect(await storedKeyIds()).toEqual(new Set(['fp1:kA']));

  const lines: string[] = [];
  const first = await rotateKeys(db.raw, RING_B, new FileSystemDocumentStore(dir, RING_B), { batchSize: 1, print: (l) => lines.push(l) });
  expect(first.failed).toBe(0);
  expect(first.columns.find((c) => c.column === 'Household.phone')!.resealed).toBe(2);
  expect(first.documents.resealed).toBe(2);
  expect(lines.some((l) => /Case\.answers: 2 sealed again/.test(l))).toBe(true);
  expect(await storedKeyIds()).toEqual(new Set(['fp1:kB']));

  // the old key can now leave the keyring
  const b = sealedClient(db.raw, ONLY_B);
  for (const f of filed) {
    const h = await b.household.findFirst({ where: { headIdNumber: f.idNumber }, include: { members: true, cases: { include: { events: true } } } });
    expect(h).toMatchObject({ phone: f.phone, headIdNumber: f.idNumber, members: [{ idNumber: `${f.idNumber.slice(0, 17)}X` }] });
    expect(h!.cases[0]!.answers).toEqual({ applicant: { idNumber: f.idNumber, phone: f.phone }, details: { illness: '脑梗' } });
    expect(h!.cases[0]!.events[0]!.note).toMatch(/已住院/);
    const stream = await new FileSystemDocumentStore(dir, ONLY_B).open(f.blob.storageKey);
    const chunks: Buffer[] = [];
    for await (const c of stream!) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks)).toEqual(f.bytes);
  }
  expect((await b.outbox.findMany()).map((o) => JSON.stringify(o.payload)).join()).toContain(filed[0]!.phone);

  const second = await rotateKeys(db.raw, RING_B, new FileSystemDocumentStore(dir, RING_B));
  expect(second.columns.every((c) => c.resealed === 0) && second.documents.resealed === 0).toBe(true);
});

test('a value that cannot be opened is counted and skipped, not retried for ever', async () => {
  const ring = testKeyring('aes-256-gcm', [{ id: 'kZ', fill: 0x5a }]);
  await sealedClient(db.raw, ring).caseEvent.create({ data: { caseId: (await db.raw.case.findFirstOrThrow()).id, type: 'note', actorType: 'cadre', note: 'under a key nobody has' } });
  const r = await rotateKeys(db.raw, RING_B, new FileSystemDocumentStore(dir, RING_B));
  expect(r.columns.find((c) => c.column === 'CaseEvent.note')).toMatchObject({ resealed: 0, failed: 1 });
  await db.raw.caseEvent.deleteMany({ where: { note: { startsWith: 'fp1:kZ:' } } });
});

test('switching DATA_CIPHER to sm4: rotation re-seals with SM4-CTR + HMAC-SM3 and re-computes the blind indexes', async () => {
  const sm4 = testKeyring('sm4', [{ id: 'kC', fill: 0x0c }, { id: 'kB', fill: 0x0b }]);
  const r = await rotateKeys(db.raw, sm4, new FileSystemDocumentStore(dir, sm4));
  expect(r.failed).toBe(0);
  expect(await storedKeyIds()).toEqual(new Set(['fp1:kC']));
  const raw = await db.raw.household.findMany({ select: { phone: true } });
  expect(raw.every((h) => h.phone.startsWith('fp1:kC:sm4ctr-sm3:'))).toBe(true);
  const client = sealedClient(db.raw, sm4);
  const someone = (await client.household.findFirstOrThrow()).headIdNumber;
  expect((await client.household.findFirst({ where: { headIdNumber: someone } }))?.headIdNumber).toBe(someone);
});

test('an older database in clear: sealed at start, indexes filled, document files sealed under keyed names', async () => {
  // what a version before sealing wrote: clear columns, a clear file under its plain SHA-256
  const legacyDir = mkdtempSync(path.join(os.tmpdir(), 'fangpin-legacy-'));
  const photo = pngBytes(6100);
  const sha = sha256Hex(photo);
  await mkdir(path.join(legacyDir, 'sha256', sha.slice(0, 2)), { recursive: true });
  const legacyFile = path.join(legacyDir, 'sha256', sha.slice(0, 2), sha);
  await writeFile(legacyFile, photo);
  const h = await db.raw.household.create({ data: { villageId, headName: '赵六', headIdNumber: '110105196203150999', phone: '13912345678', size: 2 } });
  const c = await db.raw.case.create({
    data: { caseNo: 'FP-2026-799999', householdId: h.id, villageId, channel: 'test', cause: 'illness', answers: { applicant: { phone: '13912345678' } }, householdSize: 2, annualIncomeFen: 1, perCapitaIncomeFen: 1, rigidExpenseFen: 1, incomeYear: 2025 },
  });
  await db.raw.document.create({ data: { sha256: sha, mime: 'image/png', size: photo.length, storageKey: `sha256/${sha.slice(0, 2)}/${sha}`, kind: 'other', caseId: c.id } });

  const ring = testKeyring('sm4', [{ id: 'kC', fill: 0x0c }]);
  const store = new FileSystemDocumentStore(legacyDir, ring);
  await sealClearData(db.raw, ring, store, silentLogger);

  const stored = await db.raw.household.findUniqueOrThrow({ where: { id: h.id } });
  expect(stored.phone).toMatch(/^fp1:kC:/);
  expect(stored.headIdIndex).toBe(ring.blindIndex('household-id', '110105196203150999'));
  expect(JSON.stringify((await db.raw.case.findUniqueOrThrow({ where: { id: c.id } })).answers)).not.toContain('13912345678');
  const client = sealedClient(db.raw, ring);
  expect((await client.household.findFirst({ where: { phone: '13912345678' } }))?.headName).toBe('赵六');
  const doc = await client.document.findFirstOrThrow({ where: { caseId: c.id } });
  expect(doc.storageKey).not.toContain(sha);
  expect(doc.sha256).toBe(sha);
  expect(await stat(legacyFile).catch(() => null)).toBeNull();
  const files = await readdir(path.join(legacyDir, 'sha256'), { recursive: true });
  for (const f of files) {
    const full = path.join(legacyDir, 'sha256', String(f));
    if ((await stat(full)).isFile()) expect((await readFile(full)).includes(photo.subarray(0, 16))).toBe(false);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of (await store.open(doc.storageKey))!) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks)).toEqual(photo);
  rmSync(legacyDir, { recursive: true, force: true });
});

test('the start-up sweep runs once per column: recorded when clean, later starts skip it, a newly sealed column is swept', async () => {
  const ring = testKeyring();
  const store = new FileSystemDocumentStore(dir, ring);
  await sealClearData(db.raw, ring, store, silentLogger);
  const record = (await db.raw.dataSetting.findUniqueOrThrow({ where: { key: 'sealed-at-rest' } })).value as { columns: string[]; documents: boolean };
  expect(record.documents).toBe(true);
  expect(record.columns).toEqual(expect.arrayContaining(['Household.phone', 'Case.answers', 'Outbox.payload']));

  // a clear value in a swept column is no longer looked for (nothing but an older version writes clear values)
  const h = await db.raw.household.create({ data: { villageId, headName: 'fp-test', headIdNumber: '110105196203151111', phone: '13900000001', size: 1 } });
  await sealClearData(db.raw, ring, store, silentLogger);
  expect((await db.raw.household.findUniqueOrThrow({ where: { id: h.id } })).phone).toBe('13900000001');

  // a column the record does not name yet (sealed by a newer version) is swept at the next start
  await db.raw.dataSetting.update({ where: { key: 'sealed-at-rest' }, data: { value: { ...record, columns: record.columns.filter((c) => c !== 'Household.phone') } } });
  await sealClearData(db.raw, ring, store, silentLogger);
  expect((await db.raw.household.findUniqueOrThrow({ where: { id: h.id } })).phone).toMatch(/^fp1:/);
  expect(((await db.raw.dataSetting.findUniqueOrThrow({ where: { key: 'sealed-at-rest' } })).value as { columns: string[] }).columns).toContain('Household.phone');
  await db.raw.household.delete({ where: { id: h.id } });
});
