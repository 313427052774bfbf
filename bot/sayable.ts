/**
 * What the bot says for an outbox message: its text, or — for publicity — an image (fetched from
 * the server with the bot's token), a link card (wechaty UrlLink) or a mini-program card
 * (wechaty MiniProgram).
 */
import { FileBox, type FileBoxInterface } from 'file-box';
import type { Wechaty } from 'wechaty';
import type { OutboxClient, OutboxItem } from './outbox';

type Sayable = string | FileBoxInterface | InstanceType<Wechaty['UrlLink']> | InstanceType<Wechaty['MiniProgram']>;

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp' };

export async function sayableOf(bot: Wechaty, client: OutboxClient, item: OutboxItem): Promise<Sayable> {
  const c = item.content;
  if (!c) return item.text;
  switch (c.type) {
    case 'image': {
      const { bytes, mime } = await client.media(item.id);
      // base64, not a buffer: a buffer FileBox does not serialize through every puppet; the
      // extension tells puppets (the mock among them) that it is a picture
      return FileBox.fromBase64(bytes.toString('base64'), `image.${EXTENSIONS[mime] ?? EXTENSIONS[c.mime] ?? 'jpg'}`);
    }
    case 'link':
      return new bot.UrlLink({ url: c.url, title: c.title, description: c.description ?? '', thumbnailUrl: c.thumbnailUrl ?? '' });
    case 'miniprogram':
      return new bot.MiniProgram({
        appid: c.appid,
        pagePath: c.pagePath,
        title: c.title,
        ...(c.username ? { username: c.username } : {}),
        ...(c.description ? { description: c.description } : {}),
        ...(c.thumbUrl ? { thumbUrl: c.thumbUrl } : {}),
      });
  }
}
