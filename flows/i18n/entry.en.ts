/** The 'entry' namespace, English (see entry.zh-CN.ts). */
import type { entryZhCN } from './entry.zh-CN';

export const entryEn: typeof entryZhCN = {
  error: {
    role: 'Your account cannot enter applications for villagers (village, town and county office accounts can).',
    village_outside: 'This village is outside your region: you cannot enter an application for its villagers.',
    item: 'A photo must be filed as one of this application’s documents.',
  },
  notice: '[Entered {{caseNo}} · {{name}}] Please tell the villager:\n{{text}}',
};
