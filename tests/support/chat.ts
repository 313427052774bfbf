/**
 * A villager talking to the bot through POST /api/bot/inbound, for tests that need whole chat
 * applications (identity, phone and household-link attacks): `say` one text and get the replies,
 * or `applyByChat` — a complete 因病 application, up to "确认", and the answer to it.
 */
import { illnessTyped } from './illness';
import { jpegBytes, sendFile, sendText } from './server';

export type ChatApplicant = { id: string; phone: string; name: string; /** default 青山镇 (its first village, 柳树村) */ town?: string; /** default 4口人 */ size?: string; /** the hospital bill's photo (default: a stand-in JPEG) */ photo?: { bytes: Buffer; fileName: string } };

/** `server` is read at each call, so it may be started in a beforeAll. */
export function chatWith(server: () => { url: string }) {
  let n = 0;
  async function say(who: string, text: string): Promise<string> {
    const res = await sendText(server(), who, text, `${who}-chat-${++n}`);
    expect(res.status).toBe(200);
    return res.body.replies!.map((r) => r.text).join('\n');
  }
  async function applyByChat(who: string, a: ChatApplicant): Promise<string> {
    for (const text of ['你好', '1', '因病', a.name, a.id, a.phone, a.town ?? '青山镇', '1', a.size ?? '4口人', '2万', '是', ...illnessTyped()]) await say(who, text);
    const photo = a.photo ?? { bytes: jpegBytes(++n % 250), fileName: 'bill.jpg' };
    expect((await sendFile(server(), who, photo.bytes, photo.fileName, `${who}-chat-${++n}`)).status).toBe(200);
    for (const text of ['好了', '跳过', '同意', '同意']) await say(who, text);
    return say(who, '确认');
  }
  return { say, applyByChat };
}
