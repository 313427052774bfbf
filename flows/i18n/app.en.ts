/** The 'app' namespace, en (complete translation of app.zh-CN.ts). */
import type { appZhCN } from './app.zh-CN';

export const appEn: typeof appZhCN = {
  placeholder: '(to be defined)',
};
