import { ApiError, createApi, withRetry, type HttpRequest, type HttpResponse, type Transport } from '../src/lib/api';

function recording(responses: (HttpResponse | Error)[]) {
  const requests: HttpRequest[] = [];
  const uploads: unknown[] = [];
  const next = () => {
    const r = responses.shift();
    if (!r) throw new Error('no more responses');
    if (r instanceof Error) throw r;
    return r;
  };
  const transport: Transport = {
    request: async (req) => {
      requests.push(req);
      return next();
    },
    upload: async (req) => {
      uploads.push(req);
      req.onProgress?.(50);
      return next();
    },
  };
  return { transport, requests, uploads };
}

const ok = (data: unknown, status = 200): HttpResponse => ({ status, headers: {}, data });

describe('API client', () => {
  test('sends the language (query and header) and the villager token; JSON bodies are typed as such', async () => {
    const t = recording([ok({ cases: [] }), ok({ errors: {}, missing: [], questions: {}, figures: null, precheck: [], summary: [] })]);
    const api = createApi({ base: 'https://fp.example', transport: t.transport, getToken: () => 'tok', getLang: () => 'en' });
    await api.cases();
    await api.check('education', { name: '王大妈' });
    expect(t.requests[0]).toEqual({
      method: 'GET',
      url: 'https://fp.example/api/app/cases?lang=en',
      headers: { 'Accept-Language': 'en', Authorization: 'Bearer tok' },
      body: undefined,
    });
    expect(t.requests[1].url).toBe('https://fp.example/api/forms/application/check?lang=en');
    expect(t.requests[1].headers['Content-Type']).toBe('application/json');
    expect(t.requests[1].body).toEqual({ cause: 'education', lang: 'en', answers: { name: '王大妈' } });
  });

  test('the form is asked for by cause; no token, no Authorization header; same origin when base is empty', async () => {
    const t = recording([ok({ cause: 'education' })]);
    const api = createApi({ base: '', transport: t.transport, getToken: () => null, getLang: () => 'zh-CN' });
    await api.form('education');
    expect(t.requests[0].url).toBe('/api/forms/application?cause=education&lang=zh-CN');
    expect(t.requests[0].headers).not.toHaveProperty('Authorization');
  });

  test('policies come from the policy module\'s public endpoints (API.md "Policies"), for the village when known', async () => {
    const t = recording([ok({ items: [{ id: 'a1', title: '申请条件', summary: '…' }] }), ok({ article: { id: 'a1', title: '申请条件', body: '正文' } })]);
    const api = createApi({ base: '', transport: t.transport, getToken: () => null, getLang: () => 'zh-CN' });
    expect(await api.policies('439901100201')).toEqual([{ id: 'a1', title: '申请条件', summary: '…' }]);
    expect(await api.policy('a1')).toEqual({ id: 'a1', title: '申请条件', body: '正文' });
    expect(t.requests.map((r) => r.url)).toEqual(['/api/public/policies?village=439901100201&lang=zh-CN', '/api/public/policies/a1?lang=zh-CN']);
  });

  test('a submission carries its Idempotency-Key', async () => {
    const t = recording([ok({ case: { caseNo: 'FP-2026-000001' }, duplicate: false }, 201)]);
    const api = createApi({ base: '', transport: t.transport, getToken: () => 'tok', getLang: () => 'zh-CN' });
    const r = await api.submit({ cause: 'education', lang: 'zh-CN', answers: {}, documents: [] }, 'key-123456');
    expect(r.case.caseNo).toBe('FP-2026-000001');
    expect(t.requests[0].headers['Idempotency-Key']).toBe('key-123456');
  });

  test.each<[string, HttpResponse | Error, Partial<ApiError> & { transient: boolean }]>([
    [
      'a validation error keeps every field\'s message',
      { status: 400, headers: {}, data: { error: { code: 'invalid', message: '有 2 项需要修改', field: 'idNumber', fields: { idNumber: 'a', aidFen: 'b' } } } },
      { status: 400, code: 'invalid', message: '有 2 项需要修改', field: 'idNumber', fields: { idNumber: 'a', aidFen: 'b' }, transient: false },
    ],
    [
      'a rate limit says when to come back',
      { status: 429, headers: { 'retry-after': '23' }, data: { error: { code: 'too_many_requests', message: '请23秒后再获取。' } } },
      { status: 429, code: 'too_many_requests', retryAfter: 23, transient: true },
    ],
    ['a proxy\'s HTML error page', { status: 502, headers: {}, data: '<html>Bad Gateway</html>' }, { status: 502, code: 'http_502', message: '', transient: true }],
    ['no answer at all', new Error('timeout'), { status: 0, code: 'network', transient: true }],
    ['not found', { status: 404, headers: {}, data: { error: { code: 'not_found', message: '没有找到' } } }, { status: 404, code: 'not_found', transient: false }],
  ])('%s', async (_name, response, expected) => {
    const t = recording([response]);
    const api = createApi({ base: '', transport: t.transport, getToken: () => null, getLang: () => 'zh-CN' });
    const err = await api.case('FP-2026-000001').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject(expected);
  });

  test('a 401 with a token clears the session; without one (a wrong code) it does not', async () => {
    const onUnauthorized = jest.fn();
    const unauthorized = { status: 401, headers: {}, data: { error: { code: 'unauthorized', message: '' } } };
    let token: string | null = 'old';
    const t = recording([unauthorized, { ...unauthorized, data: { error: { code: 'otp_invalid', message: '验证码不对' } } }]);
    const api = createApi({ base: '', transport: t.transport, getToken: () => token, getLang: () => 'zh-CN', onUnauthorized });
    await expect(api.cases()).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    token = null;
    await expect(api.verifyOtp('13812345678', '000000')).rejects.toMatchObject({ code: 'otp_invalid', message: '验证码不对' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  test('an upload posts the file with the token and reads the text answer WeChat gives back', async () => {
    const t = recording([{ status: 201, headers: {}, data: JSON.stringify({ upload: { id: 'u1', mime: 'image/jpeg', size: 10 } }) }]);
    const api = createApi({ base: 'https://fp.example', transport: t.transport, getToken: () => 'tok', getLang: () => 'zh-CN' });
    const progress: number[] = [];
    const info = await api.upload('wxfile://tmp/a.jpg', (p) => progress.push(p));
    expect(info).toEqual({ id: 'u1', mime: 'image/jpeg', size: 10 });
    expect(progress).toEqual([50]);
    expect(t.uploads[0]).toMatchObject({ url: 'https://fp.example/api/app/uploads?lang=zh-CN', filePath: 'wxfile://tmp/a.jpg', headers: { Authorization: 'Bearer tok' } });
  });

  test('an upload refused as too large keeps the server\'s words', async () => {
    const t = recording([{ status: 413, headers: {}, data: JSON.stringify({ error: { code: 'too_large', message: '文件太大了' } }) }]);
    const api = createApi({ base: '', transport: t.transport, getToken: () => 'tok', getLang: () => 'zh-CN' });
    await expect(api.upload('blob:x')).rejects.toMatchObject({ status: 413, code: 'too_large', message: '文件太大了', transient: false });
  });
});

describe('withRetry', () => {
  const sleeps: number[] = [];
  const sleep = async (ms: number) => void sleeps.push(ms);
  beforeEach(() => (sleeps.length = 0));

  test('tries again after no answer and 5xx, waiting longer each time', async () => {
    const fn = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new ApiError(0, 'network', ''))
      .mockRejectedValueOnce(new ApiError(503, 'http_503', ''))
      .mockResolvedValueOnce('ok');
    await expect(withRetry(fn, { attempts: 3, delaysMs: [1000, 3000], sleep })).resolves.toBe('ok');
    expect(sleeps).toEqual([1000, 3000]);
  });

  test('waits as long as Retry-After says', async () => {
    const fn = jest.fn<Promise<string>, []>().mockRejectedValueOnce(new ApiError(429, 'too_many_requests', '', undefined, undefined, 7)).mockResolvedValueOnce('ok');
    await withRetry(fn, { attempts: 2, delaysMs: [1000], sleep });
    expect(sleeps).toEqual([7000]);
  });

  test('never repeats a refusal, and gives up after the last attempt', async () => {
    const refused = jest.fn<Promise<string>, []>().mockRejectedValue(new ApiError(400, 'invalid', 'x'));
    await expect(withRetry(refused, { attempts: 3, delaysMs: [1], sleep })).rejects.toMatchObject({ code: 'invalid' });
    expect(refused).toHaveBeenCalledTimes(1);
    const offline = jest.fn<Promise<string>, []>().mockRejectedValue(new ApiError(0, 'network', ''));
    await expect(withRetry(offline, { attempts: 3, delaysMs: [1], sleep })).rejects.toMatchObject({ code: 'network' });
    expect(offline).toHaveBeenCalledTimes(3);
  });
});
