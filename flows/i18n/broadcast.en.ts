/** The 'broadcast' namespace, en (complete translation of broadcast.zh-CN.ts). */
import type { broadcastZhCN } from './broadcast.zh-CN';

export const broadcastEn: typeof broadcastZhCN = {
  unsubscribed: 'Done: you will get no more policy announcements. News about your own application still comes as before. To get them again, reply "订阅" (subscribe).',
  subscribed: 'Done: you will get policy announcements again. To stop them, reply "退订" (unsubscribe).',
  footer: '(Reply "退订" (unsubscribe) to stop policy announcements.)',
  card_image: '[image]',
  card_link: '[link] {{title}} {{url}}',
  card_miniprogram: '[mini-program] {{title}}',
};
