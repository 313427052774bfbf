/**
 * WeChat's server API, the edge of the world: code2session (mini-program login), the stable
 * access token, and subscribeMessage.send. The base URL is configuration (WECHAT_API_BASE), so
 * tests run it against a local HTTP server. Nothing here logs a code, a token or an openid.
 */
export class WeChatError extends Error {
  constructor(
    readonly kind: 'invalid_code' | 'unavailable' | 'token' | 'rejected',
    readonly errcode: number | null,
    message: string,
  ) {
    super(message);
  }
}

export type WeChatSettings = { appId: string; secret: string; apiBase: string };

type Json = Record<string, unknown>;

// Codes WeChat answers for a login code that will never work (invalid, used, risky user).
const BAD_CODE = new Set([40029, 40163, 40226]);
// The access token is not (or no longer) valid: refresh it and try once more.
const BAD_TOKEN = new Set([40001, 40014, 42001]);

export class WeChatApi {
  private token: { value: string; until: number } | null = null;

  constructor(
    private readonly settings: WeChatSettings,
    private readonly timeoutMs = 8000,
  ) {}

  private async call(path: string, init?: { method: 'POST'; body: Json }): Promise<Json> {
    let res: Response;
    try {
      res = await fetch(`${this.settings.apiBase}${path}`, {
        method: init?.method ?? 'GET',
        headers: init ? { 'content-type': 'application/json' } : undefined,
        body: init ? JSON.stringify(init.body) : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new WeChatError('unavailable', null, `WeChat unreachable: ${(err as Error).name}`);
    }
    if (!res.ok) throw new WeChatError('unavailable', null, `WeChat answered HTTP ${res.status}`);
    try {
      return (await res.json()) as Json;
    } catch {
      throw new WeChatError('unavailable', null, 'WeChat answered something that is not JSON');
    }
  }

  /** A mini-program login code (Taro.login) → the user's openid. */
  async code2session(code: string): Promise<{ openid: string; unionid?: string }> {
    const q = new URLSearchParams({ appid: this.settings.appId, secret: this.settings.secret, js_code: code, grant_type: 'authorization_code' });
    const r = await this.call(`/sns/jscode2session?${q}`);
    const errcode = typeof r.errcode === 'number' ? r.errcode : 0;
    if (errcode !== 0 || typeof r.openid !== 'string' || r.openid === '') {
      throw new WeChatError(BAD_CODE.has(errcode) ? 'invalid_code' : 'unavailable', errcode, `code2session failed (errcode ${errcode})`);
    }
    return { openid: r.openid, ...(typeof r.unionid === 'string' ? { unionid: r.unionid } : {}) };
  }

  /** The stable access token (several server processes share it without invalidating each other), cached until shortly before it expires. */
  async accessToken(forceRefresh = false, now = Date.now()): Promise<string> {
    if (!forceRefresh && this.token && this.token.until > now) return this.token.value;
    const r = await this.call('/cgi-bin/stable_token', {
      method: 'POST',
      body: { grant_type: 'client_credential', appid: this.settings.appId, secret: this.settings.secret, force_refresh: forceRefresh },
    });
    if (typeof r.access_token !== 'string') throw new WeChatError('token', typeof r.errcode === 'number' ? r.errcode : null, `no access token (errcode ${String(r.errcode)})`);
    const seconds = typeof r.expires_in === 'number' ? r.expires_in : 7200;
    this.token = { value: r.access_token, until: now + Math.max(60, seconds - 300) * 1000 };
    return r.access_token;
  }

  /** subscribeMessage.send; a refused message (no subscription left, bad data) is 'rejected' and not worth retrying. */
  async sendSubscribeMessage(message: { touser: string; templateId: string; page: string; data: Record<string, string>; state: string; lang: 'zh_CN' | 'en_US' }): Promise<void> {
    const body = {
      touser: message.touser,
      template_id: message.templateId,
      page: message.page,
      miniprogram_state: message.state,
      lang: message.lang,
      data: Object.fromEntries(Object.entries(message.data).map(([k, value]) => [k, { value }])),
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = await this.accessToken(attempt > 0);
      const r = await this.call(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, { method: 'POST', body });
      const errcode = typeof r.errcode === 'number' ? r.errcode : 0;
      if (errcode === 0) return;
      if (BAD_TOKEN.has(errcode) && attempt === 0) continue;
      // -1: busy; 45009 / 45047: quota: try later. Anything else will not work by trying again.
      const retry = errcode === -1 || errcode === 45009 || errcode === 45047 || BAD_TOKEN.has(errcode);
      throw new WeChatError(retry ? 'unavailable' : 'rejected', errcode, `subscribeMessage.send failed (errcode ${errcode})`);
    }
  }
}
