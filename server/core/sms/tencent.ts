/**
 * Tencent Cloud SMS (短信, API 3.0, SendSms of version 2021-01-11), called over HTTPS with its
 * TC3-HMAC-SHA256 signature (https://cloud.tencent.com/document/api/382/52071 — the request;
 * …/382/52072 — the signature). One number per call; the template and the signature (签名) are
 * the ones approved in the SMS console.
 */
import { createHash, createHmac } from 'node:crypto';
import { z } from 'zod';
import { SmsError, type SmsSender } from './sender';
import { systemClock } from '../clock';

export type TencentSmsSettings = {
  secretId: string;
  secretKey: string;
  /** SmsSdkAppId: the SMS application's id (1400…). */
  sdkAppId: string;
  /** SignName: the approved signature, e.g. 防贫助手. */
  signName: string;
  region: string;
  /** https://sms.tencentcloudapi.com (tests point it at a local fake). */
  endpoint: string;
};

const SERVICE = 'sms';
const ACTION = 'SendSms';
const VERSION = '2021-01-11';
const CONTENT_TYPE = 'application/json; charset=utf-8';

const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

/** The Authorization header of a request with `body` to `host` at `timestamp` (seconds), as the TC3 signature document describes. */
export function tc3Authorization(s: Pick<TencentSmsSettings, 'secretId' | 'secretKey'>, host: string, body: string, timestamp: number): string {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host';
  const canonicalRequest = ['POST', '/', '', `content-type:${CONTENT_TYPE}\nhost:${host}\n`, signedHeaders, sha256Hex(body)].join('\n');
  const scope = `${date}/${SERVICE}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
  const signing = hmac(hmac(hmac(`TC3${s.secretKey}`, date), SERVICE), 'tc3_request');
  const signature = createHmac('sha256', signing).update(stringToSign, 'utf8').digest('hex');
  return `TC3-HMAC-SHA256 Credential=${s.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

const Answer = z.object({
  Response: z.object({
    Error: z.object({ Code: z.string(), Message: z.string() }).optional(),
    SendStatusSet: z.array(z.object({ Code: z.string(), Message: z.string().optional() })).optional(),
    RequestId: z.string().optional(),
  }),
});

/** Codes worth another try later (limits, Tencent's own trouble); everything else is a refusal. */
const TRANSIENT = /^(InternalError|RequestLimitExceeded|LimitExceeded|ResourceUnavailable)/;

export class TencentSmsSender implements SmsSender {
  constructor(
    private readonly settings: TencentSmsSettings,
    private readonly clock: () => Date = systemClock,
  ) {}

  async send(phone: string, templateId: string, params: string[]): Promise<void> {
    const s = this.settings;
    const url = new URL(s.endpoint);
    const body = JSON.stringify({ PhoneNumberSet: [`+86${phone}`], SmsSdkAppId: s.sdkAppId, SignName: s.signName, TemplateId: templateId, TemplateParamSet: params });
    const timestamp = Math.floor(this.clock().getTime() / 1000);
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          Authorization: tc3Authorization(s, url.host, body, timestamp),
          'Content-Type': CONTENT_TYPE,
          'X-TC-Action': ACTION,
          'X-TC-Version': VERSION,
          'X-TC-Timestamp': String(timestamp),
          'X-TC-Region': s.region,
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (err) {
      throw new SmsError(`tencent sms unreachable: ${(err as Error).message}`, false);
    }
    const parsed = Answer.safeParse(await res.json().catch(() => null));
    if (!parsed.success) throw new SmsError(`tencent sms answered ${res.status} without a readable body`, false);
    const { Error: error, SendStatusSet } = parsed.data.Response;
    // only the provider's code is kept (Outbox.lastError, the log): its message may repeat the number
    if (error) throw new SmsError(`tencent sms: ${error.Code}`, !TRANSIENT.test(error.Code));
    const status = SendStatusSet?.[0];
    if (!status) throw new SmsError('tencent sms: no send status', false);
    if (status.Code !== 'Ok') throw new SmsError(`tencent sms: ${status.Code}`, !TRANSIENT.test(status.Code));
  }
}
