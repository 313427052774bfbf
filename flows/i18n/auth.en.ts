/** The 'auth' namespace, en (complete translation of auth.zh-CN.ts). */
import type { authZhCN } from './auth.zh-CN';

export const authEn: typeof authZhCN = {
  login: {
    invalid: 'Wrong username or password.',
    throttled: 'Too many attempts: please try again in {{seconds}} seconds. Logging in from a computer or phone you used for this account before is not affected.',
  },
  throttled: 'Too many attempts: please try again in {{seconds}} seconds.',
  login_code_hidden: '[Login code] Readable by the bot alone, deleted once sent, never sent after it expires.',
};
