/**
 * SMS settings from the environment (the README's configuration table): which provider, the
 * template ids it approved, and the provider's keys. Unset, development and tests use the fake
 * (messages recorded and logged, never sent) and production sends none — and the app then
 * promises none (GET /api/app/config `smsUpdates`). With a provider, login codes go by text message
 * too (server/app/otp.ts), so `tencent` needs both templates.
 */
import { z } from 'zod';
import type { TencentSmsSettings } from './tencent';
import type { SmsTemplate } from './templates';

const optionalString = z.string().trim().min(1).optional().catch(undefined);

/** Merged into server/config.ts's EnvSchema. */
export const SMS_ENV = {
  SMS_PROVIDER: z.enum(['off', 'fake', 'tencent']).optional(),
  SMS_TEMPLATE_CASE_UPDATE: optionalString,
  SMS_TEMPLATE_LOGIN_CODE: optionalString,
  TENCENT_SMS_SECRET_ID: optionalString,
  TENCENT_SMS_SECRET_KEY: optionalString,
  TENCENT_SMS_SDK_APP_ID: optionalString,
  TENCENT_SMS_SIGN_NAME: optionalString,
  TENCENT_SMS_REGION: z.string().trim().min(1).default('ap-guangzhou'),
  TENCENT_SMS_ENDPOINT: z.string().trim().url().default('https://sms.tencentcloudapi.com'),
};

type SmsEnv = z.infer<z.ZodObject<typeof SMS_ENV>>;

export type SmsSettings =
  | { provider: 'off' }
  | { provider: 'fake'; templates: Record<SmsTemplate, string> }
  | { provider: 'tencent'; templates: Record<SmsTemplate, string>; tencent: TencentSmsSettings };

/** The settings, or what is wrong with them (each naming the variable to set). */
export function smsSettings(e: SmsEnv, production: boolean): { settings: SmsSettings; problems: string[] } {
  const provider = e.SMS_PROVIDER ?? (production ? 'off' : 'fake');
  if (provider === 'off') return { settings: { provider: 'off' }, problems: [] };
  if (provider === 'fake') {
    // the fake sends nothing: a production app would promise messages nobody gets
    const problems = production ? ['SMS_PROVIDER=fake is refused with NODE_ENV=production: it sends nothing. Set SMS_PROVIDER=tencent (with its keys) or SMS_PROVIDER=off.'] : [];
    return { settings: { provider: 'fake', templates: { case_update: e.SMS_TEMPLATE_CASE_UPDATE ?? 'case_update', login_code: e.SMS_TEMPLATE_LOGIN_CODE ?? 'login_code' } }, problems };
  }
  const required = ['SMS_TEMPLATE_CASE_UPDATE', 'SMS_TEMPLATE_LOGIN_CODE', 'TENCENT_SMS_SECRET_ID', 'TENCENT_SMS_SECRET_KEY', 'TENCENT_SMS_SDK_APP_ID', 'TENCENT_SMS_SIGN_NAME'] as const;
  const missing = required.filter((k) => !e[k]);
  if (missing.length > 0) return { settings: { provider: 'off' }, problems: [`SMS_PROVIDER=tencent needs ${missing.join(', ')}`] };
  return {
    settings: {
      provider: 'tencent',
      templates: { case_update: e.SMS_TEMPLATE_CASE_UPDATE!, login_code: e.SMS_TEMPLATE_LOGIN_CODE! },
      tencent: {
        secretId: e.TENCENT_SMS_SECRET_ID!,
        secretKey: e.TENCENT_SMS_SECRET_KEY!,
        sdkAppId: e.TENCENT_SMS_SDK_APP_ID!,
        signName: e.TENCENT_SMS_SIGN_NAME!,
        region: e.TENCENT_SMS_REGION,
        endpoint: e.TENCENT_SMS_ENDPOINT,
      },
    },
    problems: [],
  };
}
