/** The 'broadcast' namespace, zh-CN (the source): publicity messages and "退订" / "订阅". */
export const broadcastZhCN = {
  unsubscribed: '好的，已经退订。以后不再给您发政策宣传消息；您自己的申请进度还会照常通知您。想再收到请回复“订阅”。',
  subscribed: '好的，已经订阅。有新的政策宣传会发给您。不想收了请回复“退订”。',
  /** Under each text broadcast to a villager (not in work groups). */
  footer: '（回复“退订”不再接收政策宣传）',
  /** How a card is shown in the offices' lists of messages (the villager sees the card itself). */
  card_image: '[图片]',
  card_link: '[链接] {{title}} {{url}}',
  card_miniprogram: '[小程序] {{title}}',
};
