/** The 'faq' namespace, en (complete translation of faq.zh-CN.ts). */
import type { faqZhCN } from './faq.zh-CN';

export const faqEn: typeof faqZhCN = {
  placeholder: '(to be defined)',
};
