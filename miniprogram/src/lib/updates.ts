/**
 * What the villager will hear of a case, said truthfully: a text message to the phone on the
 * form only when the server sends them (GET /api/app/config `smsUpdates`) and the case was filed
 * in the app; always the list of steps in "my cases".
 */
import type { T } from './i18n';

export function updatesText(t: T, sms: boolean, phoneTail: string | undefined, page: 'apply' | 'case'): string {
  return sms && phoneTail ? t(`app.${page}.updates_sms`, { tail: phoneTail }) : t(`app.${page}.updates_app`);
}
