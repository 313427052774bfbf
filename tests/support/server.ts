/**
 * Starts the real koa app on a real PostgreSQL database (cloned per test file), with the demo
 * county seeded, on a free port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/web';
import { loadConfig, type Config } from '../../server/config';
import { FileSystemDocumentStore } from '../../server/core/documents/store';
import type { DemoClock } from '../../server/core/demo-clock';
import { silentLogger, type Logger } from '../../server/log';
import { seedDemoCounty, type DemoCadre, type DemoCadreKey, type DemoSeed } from '../../server/seed/demo-county';
import { createTestDatabase, type TestDatabase } from './database';
import { keepIdleConnectionsOpen } from '../../server/http/keep-alive';

export const BOT_TOKEN = 'test-bot-token-0123456789';
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export type TestServer = {
  url: string;
  db: TestDatabase;
  config: Config;
  /** The demo accounts (with their passwords, tokens and binding codes) and work-group codes. */
  seed: DemoSeed;
  cadres: DemoCadre[];
  /** The API token of the first demo cadre of a role (the 青山镇 / 柳树村 side for town and village). */
  tokenOf(role: 'village' | 'town' | 'county' | 'verifier' | 'auditor'): string;
  /** A demo cadre by key: county, qingshan, liushu, baishi_town, baishi, verifier, auditor. */
  cadre(key: DemoCadreKey): DemoCadre;
  /** Stops listening (the database stays, for a restart). */
  stopHttp(): Promise<void>;
  /** Listens again on the same port with a fresh app (a server restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
};

export async function startTestServer(
  opts: { maxUploadBytes?: number; now?: () => Date; /** a development start's demo clock (server/core/demo-clock.ts): GET/POST /api/demo/clock exist, and `now` is its */ demoClock?: DemoClock; db?: TestDatabase; /** more settings (WECHAT_APPID…) */ env?: Record<string, string>; log?: Logger } = {},
): Promise<TestServer> {
  const db = opts.db ?? (await createTestDatabase());
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fangpin-test-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    BOT_TOKEN,
    ADMIN_TOKEN,
    MAX_UPLOAD_BYTES: String(opts.maxUploadBytes ?? 20 * 1024 * 1024),
    PORT: '0',
    ...opts.env,
  });
  const seed = await seedDemoCounty(db.prisma, { now: opts.now?.() });
  const cadres = seed.cadres;
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      const app = createApp({ prisma: db.prisma, sql: db.sql, config, log: opts.log ?? silentLogger, store: new FileSystemDocumentStore(config.documentsDir, db.keyring), keyring: db.keyring, now: opts.demoClock?.now ?? opts.now, ...(opts.demoClock ? { demoClock: opts.demoClock } : {}) });
      server = keepIdleConnectionsOpen(
        app.listen(port, '127.0.0.1', () => {
          port = (server!.address() as { port: number }).port;
          resolve();
        }),
      );
    });
  const stopHttp = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
      server = undefined;
    });
  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    db,
    config,
    seed,
    cadres,
    tokenOf: (role) => cadres.find((c) => c.role === role)!.token,
    cadre: (key) => cadres.find((c) => c.key === key)!,
    stopHttp,
    restart: async () => {
      await stopHttp();
      await listen();
    },
    close: async () => {
      await stopHttp();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  } as TestServer;
}

/** POST a text message to the inbound endpoint as the bot would. */
export async function sendText(srv: { url: string }, from: string, text: string, messageId: string, token = BOT_TOKEN) {
  const res = await fetch(`${srv.url}/api/bot/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ messageId, bot: { puppet: 'test', accountId: 'bot' }, from: { id: from, name: from }, type: 'text', text }),
  });
  return { status: res.status, body: (await res.json()) as { replies?: { type: string; text: string }[]; error?: { code: string; message: string; field?: string } } };
}

export async function sendFile(srv: { url: string }, from: string, bytes: Buffer, fileName: string, messageId: string, type = 'image', token = BOT_TOKEN) {
  const form = new FormData();
  form.append('meta', JSON.stringify({ messageId, bot: { puppet: 'test', accountId: 'bot' }, from: { id: from, name: from }, type }));
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  const res = await fetch(`${srv.url}/api/bot/inbound`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as { replies?: { type: string; text: string }[]; error?: { code: string; message: string; field?: string } } };
}

/** A tiny valid PNG (1×1), varied by a trailing chunk so each call can have its own hash. */
export function pngBytes(variant = 0): Buffer {
  const base = Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  );
  return Buffer.concat([base, Buffer.from(`variant-${variant}`)]);
}

/** A stand-in JPEG: start of image, a 16×16 frame header (SOF0: uploads are refused when their size cannot be read), JFIF, filler varied by `variant`, end of image. */
export function jpegBytes(variant = 0): Buffer {
  const sof0 = Buffer.from('ffc00011080010001003012200021101031101', 'hex');
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof0, Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(200, variant), Buffer.from([0xff, 0xd9])]);
}
