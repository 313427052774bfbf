/**
 * Every call to the server's API. The session is the HttpOnly `fp_session` cookie the login sets
 * (server/core/auth/session-cookie.ts): no token is kept where a script could read it, and <img>
 * and download links to /api/documents/:id work as they are. A change carries X-Requested-With,
 * which the server asks of cookie-authenticated changes (another site's page cannot send it).
 */
import i18next from '../i18n';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly retryAfterSeconds?: number,
    /** Which guard refused a move (publicity_running, open_objections). */
    readonly reason?: string,
  ) {
    super(message);
  }
}

/** Called when the session is gone (expired, logged out elsewhere): the app goes back to the login. */
let onSessionLost: (code: string) => void = () => {};
export function whenSessionLost(handler: (code: string) => void): void {
  onSessionLost = handler;
}

export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18next.language };
  if (method !== 'GET') headers['x-requested-with'] = 'fangpin-console';
  // a FormData body (a photo) goes as multipart, its boundary set by the browser
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : form ? body : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', i18next.t('login.network'));
  }
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; field?: string }; retryAfterSeconds?: number; reason?: string };
  if (!res.ok) {
    const err = new ApiError(res.status, json.error?.code ?? 'http_' + res.status, json.error?.message ?? res.statusText, json.error?.field, json.retryAfterSeconds, json.reason);
    if (res.status === 401 && !path.startsWith('/api/auth/login')) onSessionLost(err.code);
    throw err;
  }
  return json as T;
}

/** A query string from the set values of `params`. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
