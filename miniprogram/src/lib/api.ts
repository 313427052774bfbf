/**
 * The API client: every call the pages make, over a Transport that the platform provides
 * (Taro.request / uploadFile in WeChat, fetch / XHR in the browser, a fake in tests).
 * Errors come back as ApiError with the server's code, message (already in the villager's
 * language) and field; a dropped connection is ApiError 'network' (status 0).
 */
import type {
  AppConfig, CaseDetail, CaseListItem, Cause, CheckResult, FormDefinition, Lang, PolicyArticle, PolicySummary,
  Session, SubmissionBody, SubmitResult, UploadInfo, Villager,
} from './types';

export type Method = 'GET' | 'POST' | 'DELETE';

export interface HttpRequest {
  method: Method;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  data: unknown;
}

export interface UploadRequest {
  url: string;
  headers: Record<string, string>;
  /** A local file: a WeChat temp path, or a blob: URL in the browser. */
  filePath: string;
  fileName?: string;
  onProgress?: (percent: number) => void;
}

/** What the platform must provide. Both reject only when no answer came back at all. */
export interface Transport {
  request(req: HttpRequest): Promise<HttpResponse>;
  upload(req: UploadRequest): Promise<HttpResponse>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly fields?: Record<string, string>,
    /** Seconds, from Retry-After on a 429. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** No answer (offline, timeout) or the server failed: the outcome is unknown, trying again is right. */
  get transient(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429;
  }
}

export interface ApiOptions {
  /** '' for the same origin (h5 at /app/), the server's origin for the mini-program. */
  base: string;
  transport: Transport;
  getToken: () => string | null;
  getLang: () => Lang;
  /** Called when the server says the villager token is no good (expired, logged out). */
  onUnauthorized?: () => void;
}

function header(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

/** The server's error body, or a plain one for an answer without it (a proxy's 502 page). */
export function toApiError(res: HttpResponse): ApiError {
  const parsed = parseBody(res.data);
  const err = (parsed as { error?: { code?: unknown; message?: unknown; field?: unknown; fields?: unknown } } | null)?.error;
  const retry = Number(header(res.headers, 'retry-after'));
  return new ApiError(
    res.status,
    typeof err?.code === 'string' ? err.code : `http_${res.status}`,
    typeof err?.message === 'string' ? err.message : '',
    typeof err?.field === 'string' ? err.field : undefined,
    err?.fields && typeof err.fields === 'object' ? (err.fields as Record<string, string>) : undefined,
    Number.isFinite(retry) && retry >= 0 ? retry : undefined,
  );
}

/** Upload answers arrive as text from wx.uploadFile. */
function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

export function networkError(): ApiError {
  return new ApiError(0, 'network', '');
}

export type Api = ReturnType<typeof createApi>;

export function createApi(opts: ApiOptions) {
  const url = (path: string, query: Record<string, string | undefined> = {}) => {
    const all: Record<string, string | undefined> = { ...query, lang: opts.getLang() };
    const q = Object.entries(all)
      .filter((e): e is [string, string] => e[1] !== undefined)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
    return `${opts.base}${path}${q ? `?${q}` : ''}`;
  };

  const headers = (extra: Record<string, string> = {}): Record<string, string> => {
    const h: Record<string, string> = { 'Accept-Language': opts.getLang(), ...extra };
    const token = opts.getToken();
    if (token) h.Authorization = `Bearer ${token}`;
    return h;
  };

  const settle = <T>(res: HttpResponse): { data: T; headers: Record<string, string>; status: number } => {
    if (res.status >= 200 && res.status < 300) return { data: parseBody(res.data) as T, headers: res.headers, status: res.status };
    const err = toApiError(res);
    if (res.status === 401 && opts.getToken()) opts.onUnauthorized?.();
    throw err;
  };

  async function call<T>(method: Method, path: string, body?: unknown, extra?: Record<string, string>, query?: Record<string, string | undefined>) {
    let res: HttpResponse;
    try {
      res = await opts.transport.request({
        method,
        url: url(path, query),
        headers: headers(body === undefined ? extra : { 'Content-Type': 'application/json', ...extra }),
        body,
      });
    } catch {
      throw networkError();
    }
    return settle<T>(res);
  }

  async function upload<T>(path: string, filePath: string, onProgress?: (p: number) => void, fileName?: string) {
    let res: HttpResponse;
    try {
      res = await opts.transport.upload({ url: url(path), headers: headers(), filePath, fileName, onProgress });
    } catch {
      throw networkError();
    }
    return settle<T>(res).data;
  }

  return {
    config: async () => (await call<AppConfig>('GET', '/api/app/config')).data,
    form: async (cause: Cause) => (await call<FormDefinition>('GET', '/api/forms/application', undefined, undefined, { cause })).data,
    check: async (cause: Cause, answers: Record<string, unknown>) =>
      (await call<CheckResult>('POST', '/api/forms/application/check', { cause, lang: opts.getLang(), answers })).data,

    requestOtp: async (phone: string) =>
      (await call<{ sent: boolean; sentBy: 'sms' | 'wechat'; expiresInSeconds: number; resendAfterSeconds: number }>('POST', '/api/auth/otp/request', { phone })).data,
    verifyOtp: async (phone: string, code: string) => (await call<Session>('POST', '/api/auth/otp/verify', { phone, code })).data,
    wechatLogin: async (code: string) => (await call<Session>('POST', '/api/auth/wechat', { code })).data,
    me: async () => (await call<{ villager: Villager }>('GET', '/api/auth/villager/me')).data.villager,
    logout: async () => void (await call<unknown>('POST', '/api/auth/villager/logout', {})),

    upload: async (filePath: string, onProgress?: (p: number) => void, fileName?: string) =>
      (await upload<{ upload: UploadInfo }>('/api/app/uploads', filePath, onProgress, fileName)).upload,
    deleteUpload: async (id: string) => void (await call<unknown>('DELETE', `/api/app/uploads/${encodeURIComponent(id)}`)),

    /** One attempt; see submission.ts for the retries and the idempotency key. */
    submit: async (body: SubmissionBody, idempotencyKey: string) =>
      (await call<SubmitResult>('POST', '/api/app/applications', body, { 'Idempotency-Key': idempotencyKey })).data,

    cases: async () => (await call<{ cases: CaseListItem[] }>('GET', '/api/app/cases')).data.cases,
    case: async (caseNo: string) => (await call<CaseDetail>('GET', `/api/app/cases/${encodeURIComponent(caseNo)}`)).data,
    supplement: async (caseNo: string, filePath: string, onProgress?: (p: number) => void, fileName?: string) =>
      upload<{ document: unknown }>(`/api/app/cases/${encodeURIComponent(caseNo)}/supplements`, filePath, onProgress, fileName),
    resubmit: async (caseNo: string, note?: string) =>
      (await call<{ case: CaseDetail }>('POST', `/api/app/cases/${encodeURIComponent(caseNo)}/resubmit`, note ? { note } : {})).data.case,
    withdraw: async (caseNo: string) =>
      (await call<{ case: CaseDetail }>('POST', `/api/app/cases/${encodeURIComponent(caseNo)}/withdraw`, {})).data.case,
    subscribe: async (templateId: string, caseNo?: string) =>
      (await call<{ remaining: number }>('POST', '/api/app/subscriptions', caseNo ? { templateId, caseNo } : { templateId })).data,

    /** The policy module's public articles (API.md "Policies"): published, in force, for the village when known. */
    policies: async (village?: string) => (await call<{ items: PolicySummary[] }>('GET', '/api/public/policies', undefined, undefined, { village })).data.items,
    policy: async (id: string, village?: string) =>
      (await call<{ article: PolicyArticle }>('GET', `/api/public/policies/${encodeURIComponent(id)}`, undefined, undefined, { village })).data.article,

    /** The URL of one of the villager's case documents (for an <Image>; the token goes in the header where the platform allows). */
    documentUrl: (caseNo: string, id: string) => url(`/api/app/cases/${encodeURIComponent(caseNo)}/documents/${encodeURIComponent(id)}`),
  };
}

/** Wait and try again while the failure is transient (no answer, 5xx, 429). */
export async function withRetry<T>(
  fn: () => Promise<T>,
  opts: { attempts: number; delaysMs: number[]; sleep: (ms: number) => Promise<void>; onRetry?: (attempt: number, err: ApiError) => void },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof ApiError) || !e.transient || attempt >= opts.attempts) throw e;
      opts.onRetry?.(attempt, e);
      const delay = e.retryAfter !== undefined ? e.retryAfter * 1000 : opts.delaysMs[Math.min(attempt - 1, opts.delaysMs.length - 1)];
      await opts.sleep(delay);
    }
  }
}
