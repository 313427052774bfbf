/**
 * The text messages the system sends, by meaning: each template's parameters in the order the
 * provider's template numbers them, and the i18n key of its words (flows/i18n miniprogram.sms.*)
 * — the text the template is registered with, what the fake records and what the county office's
 * list of undelivered messages shows.
 */
import { t } from '../../../flows/i18n';
import type { Lang } from '../../../flows/engine/types';

export const SMS_TEMPLATES = {
  /** A case filed in the app moved on: {1} the case number, {2} its new status. */
  case_update: { params: ['caseNo', 'status'], words: 'miniprogram.sms.case_update' },
  /** A login code for the h5 app (server/app/otp.ts): {1} the code, {2} how many minutes it lasts. Sealed in the outbox (sealed-text.ts). */
  login_code: { params: ['code', 'minutes'], words: 'miniprogram.sms.login_code' },
} as const;

export type SmsTemplate = keyof typeof SMS_TEMPLATES;
export const SMS_TEMPLATE_NAMES = Object.keys(SMS_TEMPLATES) as [SmsTemplate, ...SmsTemplate[]];
export type SmsValues<T extends SmsTemplate> = Record<(typeof SMS_TEMPLATES)[T]['params'][number], string>;

/** The template's variables in its order. */
export function smsParams<T extends SmsTemplate>(template: T, values: SmsValues<T>): string[] {
  return SMS_TEMPLATES[template].params.map((name) => (values as Record<string, string>)[name] ?? '');
}

/** The message as the villager reads it (the provider adds the signature, e.g. 【防贫助手】). */
export function smsText<T extends SmsTemplate>(lang: Lang, template: T, values: SmsValues<T>): string {
  return t(lang, SMS_TEMPLATES[template].words, values);
}
