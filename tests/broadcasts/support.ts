/**
 * Helpers for the broadcast tests: villagers (households with WeChat contacts) in bulk, the
 * offices' API, and the bots' side of the outbox (lease, ack, fail) as HTTP calls.
 */
import type { PrismaClient } from '../../server/generated/prisma/client';
import { BOT_TOKEN, type TestServer } from '../support/server';
import { CHANNEL } from '../outbox/support';

export { CHANNEL };
/** The mock bot account whose channel is CHANNEL. */
export const ACCOUNT = { puppet: 'wechaty-puppet-mock', accountId: 'mock-bot' };

let households = 0;

/**
 * `n` villagers of a village, each a household with one WeChat contact (externalId
 * `${prefix}-${i}`), created in bulk. Returns the contacts in order.
 */
export async function villagers(prisma: PrismaClient, villageCode: string, n: number, prefix: string, opts: { channel?: string; lang?: 'zh-CN' | 'en' } = {}) {
  const village = await prisma.region.findUniqueOrThrow({ where: { code: villageCode } });
  const start = households;
  households += n;
  const rows = await prisma.household.createManyAndReturn({
    data: Array.from({ length: n }, (_, i) => ({ villageId: village.id, headName: `${prefix}${i}`, headIdNumber: `T${String(start + i).padStart(17, '0')}`, phone: '13800138000', size: 3 })),
    select: { id: true },
  });
  return prisma.contact.createManyAndReturn({
    data: rows.map((h, i) => ({ channel: opts.channel ?? CHANNEL, externalId: `${prefix}-${i}`, name: `${prefix}${i}`, lang: opts.lang ?? 'zh-CN', householdId: h.id })),
    select: { id: true, externalId: true, channel: true, householdId: true },
  });
}

export type Answer = { status: number; body: any };

export async function api(srv: TestServer, token: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${srv.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export type Leased = { id: string; targetType: string; targetId: string; kind: string; text: string; attempts: number; content?: Record<string, unknown> };

/** One lease call as the bot of ACCOUNT makes it (no waiting). */
export async function poll(srv: TestServer, limit = 10, skip?: string): Promise<Leased[]> {
  const query = new URLSearchParams({ ...ACCOUNT, wait: '0', limit: String(limit), ...(skip ? { skip } : {}) });
  const res = await fetch(`${srv.url}/api/bot/outbox?${query}`, { headers: { authorization: `Bearer ${BOT_TOKEN}` } });
  if (res.status !== 200) throw new Error(`poll: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { messages: Leased[] }).messages;
}

export async function report(srv: TestServer, id: string, what: 'ack' | 'fail' | 'release', body: object = {}): Promise<Answer> {
  const res = await fetch(`${srv.url}/api/bot/outbox/${id}/${what}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${BOT_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** A villager's message through the bot's inbound endpoint (on the channel of ACCOUNT). */
export async function chat(srv: TestServer, from: string, text: string): Promise<string> {
  const res = await fetch(`${srv.url}/api/bot/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}` },
    body: JSON.stringify({ messageId: `m-${from}-${Math.random()}`, bot: ACCOUNT, from: { id: from, name: from }, type: 'text', text }),
  });
  if (res.status !== 200) throw new Error(`inbound: HTTP ${res.status}`);
  return ((await res.json()) as { replies: { text: string }[] }).replies.map((r) => r.text).join('\n');
}

/** A text broadcast composed and sent now by `token`; returns its id. */
export async function sendNow(srv: TestServer, token: string, target: object, text = '新的医保报销政策来了'): Promise<string> {
  const made = await api(srv, token, 'POST', '/api/broadcasts', { content: { type: 'text', text }, target });
  if (made.status !== 201) throw new Error(`compose: ${made.status} ${JSON.stringify(made.body)}`);
  const sent = await api(srv, token, 'POST', `/api/broadcasts/${made.body.id}/send`, {});
  if (sent.status !== 200) throw new Error(`send: ${sent.status} ${JSON.stringify(sent.body)}`);
  return made.body.id as string;
}
