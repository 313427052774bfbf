/** The 'cadre' namespace, en (complete translation of cadre.zh-CN.ts). */
import type { cadreZhCN } from './cadre.zh-CN';

export const cadreEn: typeof cadreZhCN = {
  placeholder: '(to be defined)',
};
