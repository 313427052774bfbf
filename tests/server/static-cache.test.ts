/**
 * Regions, income lines and policy knowledge are cached in each server process
 * (server/core/cache/static-data.ts) and stay current for all of them: two servers on one
 * database — each with its own client and cache, as two processes would be — both answer with
 * what the county changed, whoever changed it (the other server's API, or SQL typed by hand).
 */
import type { Server } from 'node:http';
import { PrismaPg } from '@prisma/adapter-pg';
import { sealedClient } from '../../server/core/crypto/sealed-client';
import { FileSystemDocumentStore } from '../../server/core/documents/store';
import { PrismaClient } from '../../server/generated/prisma/client';
import { silentLogger } from '../../server/log';
import { createApp } from '../../server/web';
import { BOT_TOKEN, startTestServer, type TestServer } from '../support/server';

const NOW = new Date('2026-07-20T02:00:00Z');
let srv: TestServer;
let other: { url: string; server: Server; client: PrismaClient };
let messageNo = 0;

beforeAll(async () => {
  srv = await startTestServer({ now: () => NOW });
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: srv.db.url }) });
  const prisma = sealedClient(client, srv.db.keyring);
  const app = createApp({ prisma, config: srv.config, log: silentLogger, store: new FileSystemDocumentStore(srv.config.documentsDir, srv.db.keyring), keyring: srv.db.keyring, now: () => NOW });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  other = { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server, client };
});
afterAll(async () => {
  other.server.closeAllConnections();
  await new Promise((resolve) => other.server.close(resolve));
  await other.client.$disconnect();
  await srv.close();
});

async function say(url: string, from: string, text: string): Promise<string> {
  const res = await fetch(`${url}/api/bot/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}` },
    body: JSON.stringify({ messageId: `sc-${++messageNo}`, bot: { puppet: 'test', accountId: 'bot' }, from: { id: from, name: from }, type: 'text', text }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { replies: { text: string }[] }).replies.map((r) => r.text).join('\n');
}

const servers = () => [srv.url, other.url];
const sql = (text: string) => srv.db.raw.$executeRawUnsafe(text);

async function patchFaqAnswer(url: string, key: string, answer: string) {
  const row = await srv.db.prisma.faqEntry.findUniqueOrThrow({ where: { key_lang: { key, lang: 'zh-CN' } } });
  const res = await fetch(`${url}/api/faqs/${row.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${srv.tokenOf('county')}` },
    body: JSON.stringify({ answer }),
  });
  expect(res.status).toBe(200);
}

/** What a villager asks, what each server says before the change, the change, what each says after. */
const changes: { name: string; ask: string[]; before: string; change: () => Promise<unknown>; after: string }[] = [
  {
    name: 'an income line changed with SQL typed by hand',
    ask: ['标准是多少'],
    before: '每人每年8,700元',
    change: () => sql(`UPDATE "IncomeLine" SET "perCapitaFen" = 900000 WHERE year = 2026`),
    after: '每人每年9,000元',
  },
  {
    name: "an FAQ answer changed through the other server's API",
    ask: ['收入超过标准还能申请吗'],
    before: '可以申请。',
    change: () => patchFaqAnswer(other.url, 'above-line', '能申请，先问村里。{{incomeLine}}'),
    after: '能申请，先问村里。',
  },
  {
    name: 'a village added to a town with SQL',
    ask: ['你好', '1', '1', '张三', '11010519491231002X', '13812345678', '1'],
    before: '柳树村',
    change: async () => {
      await sql(`INSERT INTO "Region" (id, code, name, level, "parentId", "sortOrder")
                 SELECT 'new-village', '439901100299', '新建村', 'village', "parentId", 99 FROM "Region" WHERE code = '439901100201'`);
    },
    after: '新建村',
  },
];

test.each(changes)('$name: both servers say what changed at their next message', async ({ ask, before, change, after }) => {
  const tag = `v${messageNo}`;
  const talk = async (url: string, who: string) => {
    let said = '';
    for (const text of ask) said = await say(url, who, text);
    return said;
  };
  for (const [i, url] of servers().entries()) expect(await talk(url, `${tag}-before-${i}`)).toContain(before);
  await change();
  for (const [i, url] of servers().entries()) expect(await talk(url, `${tag}-after-${i}`)).toContain(after);
});
