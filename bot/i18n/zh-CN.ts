/** The bot's own user-facing strings (the simulator page, the reply to a refused message). Conversation texts live in flows/i18n. */
export const zhCN = {
  simulator: {
    title: '防贫助手 · 微信模拟器',
    youAre: '你扮演',
    room: '群聊',
    roomPlaceholder: '不填为私聊',
    switch: '切换',
    otherLanguage: 'English',
    privateChat: '与{{bot}}私聊',
    roomChat: '{{room}}（群聊）',
    empty: '还没有消息。发一句“你好”试试。',
    mentionHint: '在群里要 @{{bot}} 它才会回答',
    placeholder: '输入消息…',
    send: '发送',
    attach: '图片/文件',
    sendFailed: '发送失败：{{reason}}',
    image: '[图片]',
    file: '[文件]',
    audio: '[语音]',
    video: '[视频]',
    other: '[其他消息]',
  },
  /** Said when the server refused a message (4xx) without a reply of its own: the villager hears once, and the next message goes on. */
  inbound: {
    rejected: '抱歉，这条消息没能收下。请换个说法重新发一次；如果是图片，请直接拍照发送。',
  },
};

export type BotMessages = typeof zhCN;
