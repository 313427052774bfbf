import type { BotMessages } from './zh-CN';

export const en: BotMessages = {
  simulator: {
    title: 'Anti-poverty Assistant · WeChat simulator',
    youAre: 'You play',
    room: 'Group',
    roomPlaceholder: 'empty for a private chat',
    switch: 'Switch',
    otherLanguage: '中文',
    privateChat: 'Private chat with {{bot}}',
    roomChat: '{{room}} (group chat)',
    empty: 'No messages yet. Try saying “你好”.',
    mentionHint: 'In a group, @{{bot}} to get an answer',
    placeholder: 'Type a message…',
    send: 'Send',
    attach: 'Photo/file',
    sendFailed: 'Not sent: {{reason}}',
    image: '[photo]',
    file: '[file]',
    audio: '[voice]',
    video: '[video]',
    other: '[other message]',
  },
  inbound: {
    rejected: 'Sorry, that message could not be taken. Please say it another way and send it again; for a picture, take an ordinary photo and send it.',
  },
};
