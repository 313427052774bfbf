/**
 * Helpers for the mini-program's API tests: HTTP calls, a logger that keeps its lines (the
 * development login code is written there), villager logins by phone, a fake WeChat API on a
 * local port, complete answers for each cause, and ID numbers with valid check digits.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { idCheckChar } from '../../flows/parse/id-number';
import type { Logger } from '../../server/log';
import { illnessForm } from '../support/illness';
import type { TestServer } from '../support/server';

export type Res = { status: number; headers: Headers; body: any };

export async function call(srv: { url: string }, method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Res> {
  const res = await fetch(`${srv.url}${path}`, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body };
}

export async function upload(srv: { url: string }, token: string, bytes: Buffer, name = 'photo.jpg', path = '/api/app/uploads'): Promise<Res> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${srv.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** A logger that keeps every line it is given. */
export function capturingLogger(): Logger & { lines: { level: string; msg: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) => void lines.push({ level, msg, fields });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The development login code written to the log for a phone (its last four digits), the newest. */
export function loggedCode(log: ReturnType<typeof capturingLogger>, phone: string): string | undefined {
  return [...log.lines].reverse().find((l) => l.fields?.phoneTail === phone.slice(-4) && typeof l.fields?.code === 'string')?.fields?.code as string | undefined;
}

/** Logs a villager in by phone with the code from the development log; returns the token. */
export async function loginByPhone(srv: TestServer, log: ReturnType<typeof capturingLogger>, phone: string): Promise<string> {
  const asked = await call(srv, 'POST', '/api/auth/otp/request', { body: { phone } });
  if (asked.status !== 202) throw new Error(`otp request: ${asked.status} ${JSON.stringify(asked.body)}`);
  const code = loggedCode(log, phone);
  if (!code) throw new Error('no code in the log');
  const verified = await call(srv, 'POST', '/api/auth/otp/verify', { body: { phone, code } });
  if (verified.status !== 200) throw new Error(`otp verify: ${verified.status} ${JSON.stringify(verified.body)}`);
  return verified.body.token as string;
}

/** An 18-character ID number with a valid check digit: region 110105, the birth date, a sequence. */
export function idNumber(birth = '19700101', seq = 123): string {
  const first17 = `110105${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export const LIUSHU = { town: '439901100', village: '439901100201' };
export const BAISHI = { town: '439901200', village: '439901200201' };

/** Complete answers for a cause, as a form sends them (amounts in yuan, as text or numbers). */
export function answersFor(cause: 'illness' | 'disaster' | 'education', over: Record<string, unknown> = {}): Record<string, unknown> {
  const applicant = {
    name: '王秀英',
    idNumber: idNumber('19620315', 41),
    phone: '13900001111',
    townCode: LIUSHU.town,
    villageCode: LIUSHU.village,
    householdSize: 4,
    annualIncomeFen: '20000',
    povertyAlleviated: false,
  };
  const details = {
    illness: illnessForm(),
    disaster: { disasterKind: 'flood', disasterDate: '2026-02-01', lossFen: 30000, compensationFen: '5000' },
    education: { studentName: '王小明', stage: 'senior', school: '县第一中学', educationCostFen: '12000', aidFen: '3000' },
  }[cause];
  return { ...applicant, ...details, consentIncome: true, consentPersonal: true, ...over };
}

// ---------------------------------------------------------------------------------------------

export type WeChatRequest = { method: string; path: string; query: URLSearchParams; body: any };

/**
 * WeChat's API on a local port. `codes` maps a login code to an openid (anything else is
 * errcode 40029); `subscribeErrors` are answered to the next sends, one each, before success.
 */
export async function fakeWeChat(): Promise<{
  url: string;
  requests: WeChatRequest[];
  codes: Map<string, string>;
  subscribeErrors: number[];
  down: boolean;
  tokensIssued: number;
  close(): Promise<void>;
}> {
  const state = { requests: [] as WeChatRequest[], codes: new Map<string, string>(), subscribeErrors: [] as number[], down: false, tokensIssued: 0 };
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => resolve(data));
    });
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const raw = await read(req);
    const body = raw ? JSON.parse(raw) : null;
    state.requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body });
    const json = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (state.down) return json(503, { errcode: -1 });
    if (url.pathname === '/sns/jscode2session') {
      const openid = state.codes.get(url.searchParams.get('js_code') ?? '');
      return openid ? json(200, { openid, session_key: 'k' }) : json(200, { errcode: 40029, errmsg: 'invalid code' });
    }
    if (url.pathname === '/cgi-bin/stable_token') {
      state.tokensIssued++;
      return json(200, { access_token: `token-${state.tokensIssued}`, expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      const errcode = state.subscribeErrors.shift() ?? 0;
      if (errcode === 0 && url.searchParams.get('access_token') !== `token-${state.tokensIssued}`) return json(200, { errcode: 40001, errmsg: 'invalid credential' });
      return json(200, { errcode, errmsg: errcode ? 'error' : 'ok' });
    }
    json(404, { errcode: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
