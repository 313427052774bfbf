/**
 * What WeChat (and other chat apps) put in place of a message that is not text, when it reaches us
 * as text: "[语音]", "[图片]", "[动画表情]", "[Voice]". Never an answer — not a name, not an
 * illness — but a message the villager could not type: the question is asked again. The words are data.
 */
import { normalizeInput } from './normalize';

export type PlaceholderKind = 'audio' | 'image' | 'video' | 'file' | 'other';

/** The word inside the brackets, lower case, and what kind of message it stands for. */
export const PLACEHOLDERS: Readonly<Record<string, PlaceholderKind>> = {
  语音: 'audio', 语音消息: 'audio', 语音通话: 'audio', 通话: 'audio', voice: 'audio', audio: 'audio', 'voice message': 'audio', 'voice call': 'audio',
  图片: 'image', 照片: 'image', 相片: 'image', 截图: 'image', image: 'image', photo: 'image', picture: 'image', pic: 'image',
  视频: 'video', 小视频: 'video', 视频通话: 'video', 视频号: 'video', 直播: 'video', video: 'video', 'video call': 'video', channels: 'video',
  文件: 'file', file: 'file', 文档: 'file',
  表情: 'other', 动画表情: 'other', 表情包: 'other', 贴纸: 'other', 位置: 'other', 定位: 'other', 链接: 'other', 网页: 'other', 名片: 'other',
  红包: 'other', 转账: 'other', 小程序: 'other', 聊天记录: 'other', 音乐: 'other', 拍一拍: 'other', 收藏: 'other', 公众号: 'other',
  sticker: 'other', 'animated sticker': 'other', emoji: 'other', location: 'other', link: 'other', 'contact card': 'other',
  'mini program': 'other', 'chat history': 'other', 'red packet': 'other', transfer: 'other', music: 'other', message: 'other',
};

const ONE = /\[([^[\]]{1,20})\]\s*(?:\d+\s*(?:"|''|″|秒|s|sec)?)?/gu;

/** The kind of message a text stands for when it is only placeholders ("[语音]", "[图片][图片]"); null otherwise. */
export function readPlaceholder(text: string): PlaceholderKind | null {
  const s = normalizeInput(text);
  if (!s.startsWith('[')) return null;
  let kind: PlaceholderKind | null = null;
  for (const m of s.matchAll(ONE)) {
    const k = PLACEHOLDERS[m[1].trim().toLowerCase()];
    if (k === undefined) return null;
    kind ??= k;
  }
  return kind !== null && s.replace(ONE, '').trim() === '' ? kind : null;
}
