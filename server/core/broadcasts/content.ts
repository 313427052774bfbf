/**
 * What a broadcast says and to whom, as the county or town office composes it (validated with
 * zod at the API), and how its content becomes an outbox message for one recipient.
 *
 *   content: { type: 'text', text }
 *          | { type: 'image', documentId }                       (uploaded with POST /api/broadcasts/images)
 *          | { type: 'link', url, title, description?, thumbnailUrl? }
 *          | { type: 'miniprogram', appid, path, title, username?, description?, thumbnailUrl? }
 *   target: { regions: [codes], villagers: true, rooms: false, openCasesOnly: false, tags: [] }
 *     villagers — the villagers (WeChat contacts linked to a household) of those regions;
 *     rooms — the work groups bound to those regions or regions below them;
 *     openCasesOnly, tags — narrow the villagers: only those with an open case / any of the tags.
 */
import { z } from 'zod';
import { t, type Lang } from '../../../flows/i18n';
import type { OutboxContent } from '../outbox/enqueue';

export const BROADCAST_KINDS = ['text', 'image', 'link', 'miniprogram'] as const;
export type BroadcastKind = (typeof BROADCAST_KINDS)[number];

export const BROADCAST_STATUSES = ['draft', 'scheduled', 'sending', 'done', 'cancelled'] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

/** Images WeChat shows as pictures (HEIC/TIFF/BMP would arrive as files). */
export const BROADCAST_IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

const WebUrl = z
  .string()
  .trim()
  .max(1000)
  .pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) address' }));

export const BroadcastContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().trim().min(1, 'must not be empty').max(1500) }),
  z.object({ type: z.literal('image'), documentId: z.string().trim().regex(/^[a-z0-9]{10,40}$/, 'must be an uploaded image id') }),
  z.object({
    type: z.literal('link'),
    url: WebUrl,
    title: z.string().trim().min(1, 'must not be empty').max(64),
    description: z.string().trim().max(200).optional(),
    thumbnailUrl: WebUrl.optional(),
  }),
  z.object({
    type: z.literal('miniprogram'),
    appid: z.string().trim().regex(/^wx[0-9a-f]{16}$/, 'must be a mini-program AppID (wx + 16 hex digits)'),
    path: z.string().trim().min(1).max(500).regex(/^[^\s]+$/, 'must be a page path such as pages/index/index'),
    title: z.string().trim().min(1, 'must not be empty').max(64),
    /** The mini-program's original id (gh_…), which some WeChat puppets need. */
    username: z.string().trim().regex(/^gh_[0-9a-zA-Z]{6,32}$/, 'must be the original id, gh_…').optional(),
    description: z.string().trim().max(200).optional(),
    thumbnailUrl: WebUrl.optional(),
  }),
]);
export type BroadcastContent = z.infer<typeof BroadcastContent>;

const Tag = z.string().trim().min(1, 'must not be empty').max(20);

export const BroadcastTarget = z
  .object({
    regions: z.array(z.string().trim().regex(/^\d{6,15}$/, 'must be a region code (6–15 digits)')).min(1, 'name at least one region').max(500),
    villagers: z.boolean().default(true),
    rooms: z.boolean().default(false),
    openCasesOnly: z.boolean().default(false),
    tags: z.array(Tag).max(20).default([]),
  })
  .refine((t) => t.villagers || t.rooms, { message: 'send to villagers, to work groups, or both', path: ['villagers'] });
export type BroadcastTarget = z.infer<typeof BroadcastTarget>;

/** A title for the offices' lists when the author gave none. */
export function defaultTitle(content: BroadcastContent): string {
  switch (content.type) {
    case 'text':
      return content.text.replace(/\s+/g, ' ').slice(0, 30);
    case 'image':
      return t('zh-CN', 'broadcast.card_image');
    case 'link':
    case 'miniprogram':
      return content.title;
  }
}

/**
 * The outbox message for one recipient: text (with the "退订" line for a villager, in their
 * language), or a card with a short description as its text. `mime`: the image's stored type.
 */
export function messageFor(content: BroadcastContent, recipient: { lang: Lang; villager: boolean }, mime?: string): { text: string; content?: OutboxContent } {
  switch (content.type) {
    case 'text':
      return { text: recipient.villager ? `${content.text}\n\n${t(recipient.lang, 'broadcast.footer')}` : content.text };
    case 'image':
      return { text: t('zh-CN', 'broadcast.card_image'), content: { type: 'image', documentId: content.documentId, mime: mime ?? 'image/jpeg' } };
    case 'link':
      return {
        text: t('zh-CN', 'broadcast.card_link', { title: content.title, url: content.url }),
        content: { type: 'link', url: content.url, title: content.title, ...(content.description ? { description: content.description } : {}), ...(content.thumbnailUrl ? { thumbnailUrl: content.thumbnailUrl } : {}) },
      };
    case 'miniprogram':
      return {
        text: t('zh-CN', 'broadcast.card_miniprogram', { title: content.title }),
        content: {
          type: 'miniprogram',
          appid: content.appid,
          pagePath: content.path,
          title: content.title,
          ...(content.username ? { username: content.username } : {}),
          ...(content.description ? { description: content.description } : {}),
          ...(content.thumbnailUrl ? { thumbUrl: content.thumbnailUrl } : {}),
        },
      };
  }
}
