/**
 * The orphan sweep: document files no Document row refers to are deleted once older than the
 * grace period; referenced files, young files and anything behind a symlink stay. Real database;
 * file ages are set with utimes against a fixed `now`, never read from the wall clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readdir, rename, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { collectOrphanDocuments, ORPHAN_GRACE_MS } from '../../server/core/documents/gc';
import { FileSystemDocumentStore, sha256Hex, type StoredBlob } from '../../server/core/documents/store';
import { pngBytes, sendFile, startTestServer, type TestServer } from '../support/server';

const NOW = new Date('2026-03-01T04:00:00Z');
const HOUR = 3600 * 1000;
const OLD = new Date(NOW.getTime() - ORPHAN_GRACE_MS - HOUR); // 25 h before NOW
const YOUNG = new Date(NOW.getTime() - HOUR);

let srv: TestServer;
const dirs: string[] = [];
let variant = 1000;

beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await srv.close();
});

/** A documents directory of its own, so each test counts only its files. */
function freshDir(): { dir: string; store: FileSystemDocumentStore } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fangpin-gc-'));
  dirs.push(dir);
  return { dir, store: new FileSystemDocumentStore(dir, srv.db.keyring) };
}

const fileOf = (dir: string, blob: StoredBlob) => path.join(dir, blob.storageKey);
const exists = (file: string) => stat(file).then(() => true, () => false);
const age = (file: string, when: Date) => utimes(file, when, when);

async function storeFile(dir: string, store: FileSystemDocumentStore, when: Date): Promise<StoredBlob> {
  const blob = await store.put(pngBytes((variant += 1)));
  await age(fileOf(dir, blob), when);
  return blob;
}

async function addRow(blob: StoredBlob): Promise<string> {
  const row = await srv.db.prisma.document.create({ data: { ...blob, mime: 'image/png', kind: 'other' } });
  return row.id;
}

const sweep = (dir: string, now = NOW) => collectOrphanDocuments({ prisma: srv.db.prisma, documentsDir: dir, now });

describe('which files the sweep deletes', () => {
  test.each([
    ['referenced, old', OLD, true, true],
    ['referenced, young', YOUNG, true, true],
    ['orphan, older than the grace period', OLD, false, false],
    ['orphan, younger than the grace period (an upload in flight)', YOUNG, false, true],
  ])('%s', async (_name, when, referenced, survives) => {
    const { dir, store } = freshDir();
    const blob = await storeFile(dir, store, when);
    if (referenced) await addRow(blob);
    const result = await sweep(dir);
    expect(await exists(fileOf(dir, blob))).toBe(survives);
    expect(result).toEqual({ scanned: 1, deleted: survives ? 0 : 1, kept: survives ? 1 : 0 });
  });

  test('the same bytes referenced by two rows: kept while either row remains', async () => {
    const { dir, store } = freshDir();
    const blob = await storeFile(dir, store, OLD);
    const first = await addRow(blob);
    const second = await addRow(blob);
    await srv.db.prisma.document.delete({ where: { id: first } }); // e.g. discard_documents of one application
    expect(await sweep(dir)).toEqual({ scanned: 1, deleted: 0, kept: 1 });
    expect(await exists(fileOf(dir, blob))).toBe(true);
    await srv.db.prisma.document.delete({ where: { id: second } });
    expect(await sweep(dir)).toEqual({ scanned: 1, deleted: 1, kept: 0 });
    expect(await exists(fileOf(dir, blob))).toBe(false);
  });

  test('storing an old orphan again refreshes it: the new upload is not swept before its row exists', async () => {
    const { dir, store } = freshDir();
    const bytes = pngBytes((variant += 1));
    const blob = await store.put(bytes);
    const written = (await stat(fileOf(dir, blob))).mtimeMs;
    await age(fileOf(dir, blob), new Date(written - ORPHAN_GRACE_MS - HOUR)); // an orphan from yesterday
    await store.put(bytes); // the same photo sent again: its row is not written yet
    expect(await sweep(dir, new Date(written + HOUR))).toEqual({ scanned: 1, deleted: 0, kept: 1 });
    expect(await exists(fileOf(dir, blob))).toBe(true);
  });

  test('a mixed directory: counts add up', async () => {
    const { dir, store } = freshDir();
    const kept = [await storeFile(dir, store, OLD), await storeFile(dir, store, YOUNG)];
    await addRow(kept[0]!);
    const gone = [await storeFile(dir, store, OLD), await storeFile(dir, store, OLD)];
    const result = await sweep(dir);
    expect(result).toEqual({ scanned: 4, deleted: 2, kept: 2 });
    for (const b of kept) expect(await exists(fileOf(dir, b))).toBe(true);
    for (const b of gone) expect(await exists(fileOf(dir, b))).toBe(false);
  });

  test('an empty or missing documents directory', async () => {
    const { dir } = freshDir();
    expect(await sweep(dir)).toEqual({ scanned: 0, deleted: 0, kept: 0 });
    expect(await sweep(path.join(dir, 'never-created'))).toEqual({ scanned: 0, deleted: 0, kept: 0 });
  });
});

describe('temp files of interrupted writes', () => {
  test.each([
    ['younger than the grace period: a write in progress', YOUNG, true],
    ['older than the grace period: left by a crash', OLD, false],
  ])('%s', async (_name, when, survives) => {
    const { dir, store } = freshDir();
    const blob = await storeFile(dir, store, YOUNG);
    await addRow(blob);
    const tmp = `${fileOf(dir, blob)}.0123456789ab.tmp`;
    await writeFile(tmp, 'partial');
    await age(tmp, when);
    const result = await sweep(dir);
    expect(await exists(tmp)).toBe(survives);
    expect(result).toEqual({ scanned: 2, deleted: survives ? 0 : 1, kept: survives ? 2 : 1 });
  });

  test('a file quarantined by an interrupted sweep is put back when its name is free', async () => {
    const { dir, store } = freshDir();
    const blob = await storeFile(dir, store, OLD);
    await addRow(blob);
    const quarantined = `${fileOf(dir, blob)}.abcdef.gc`;
    await rename(fileOf(dir, blob), quarantined);
    expect(await sweep(dir)).toEqual({ scanned: 1, deleted: 0, kept: 1 });
    expect(await exists(fileOf(dir, blob))).toBe(true);
    expect(await exists(quarantined)).toBe(false);
  });
});

describe('symbolic links are never followed', () => {
  test('a link in a shard to an old orphan elsewhere: neither the link nor its target is touched', async () => {
    const { dir, store } = freshDir();
    const outside = freshDir();
    const target = await storeFile(outside.dir, outside.store, OLD);
    const shard = path.join(dir, 'sha256', target.sha256.slice(0, 2));
    await mkdir(shard, { recursive: true });
    await symlink(fileOf(outside.dir, target), path.join(shard, target.sha256));
    const own = await storeFile(dir, store, OLD); // a real orphan beside it is still swept
    const result = await sweep(dir);
    expect(await exists(fileOf(outside.dir, target))).toBe(true);
    expect((await readdir(shard)).includes(target.sha256)).toBe(true);
    expect(await exists(fileOf(dir, own))).toBe(false);
    expect(result).toEqual({ scanned: 1, deleted: 1, kept: 0 });
  });

  test('a shard that is a link to another directory is not entered', async () => {
    const { dir } = freshDir();
    const outside = freshDir();
    const target = await storeFile(outside.dir, outside.store, OLD);
    await mkdir(path.join(dir, 'sha256'), { recursive: true });
    const shardName = target.storageKey.split('/')[1]!;
    await symlink(path.join(outside.dir, 'sha256', shardName), path.join(dir, 'sha256', shardName));
    expect(await sweep(dir)).toEqual({ scanned: 0, deleted: 0, kept: 0 });
    expect(await exists(fileOf(outside.dir, target))).toBe(true);
  });
});

describe('through the server', () => {
  test('a photo sent outside an application is stored without a row, and swept once old', async () => {
    const bytes = pngBytes(9001);
    const res = await sendFile(srv, 'gc-villager', bytes, 'photo.png', 'gc-msg-1');
    expect(res.status).toBe(200);
    const storageKey = new FileSystemDocumentStore(srv.config.documentsDir, srv.db.keyring).storageKeyOf(sha256Hex(bytes));
    const file = path.join(srv.config.documentsDir, storageKey);
    expect(await exists(file)).toBe(true);
    expect(await srv.db.prisma.document.count({ where: { storageKey } })).toBe(0);
    const mtime = (await stat(file)).mtimeMs;
    const early = await collectOrphanDocuments({ prisma: srv.db.prisma, documentsDir: srv.config.documentsDir, now: new Date(mtime + HOUR) });
    expect(early).toEqual({ scanned: 1, deleted: 0, kept: 1 });
    expect(await exists(file)).toBe(true);
    const late = await collectOrphanDocuments({ prisma: srv.db.prisma, documentsDir: srv.config.documentsDir, now: new Date(mtime + ORPHAN_GRACE_MS + HOUR) });
    expect(late).toEqual({ scanned: 1, deleted: 1, kept: 0 });
    expect(await exists(file)).toBe(false);
  });
});
