/**
 * Keys derived from BOT_TOKEN (HKDF-SHA256, one per purpose). BOT_TOKEN is the secret the server
 * shares with its bots and is never stored in the database, so what these keys protect is
 * unreadable from a dump: the text of a login code waiting for the bot (sealed), and login codes'
 * hashes (keyed, so six digits cannot be tried offline). When BOT_TOKEN changes (it is random per
 * process unless set), codes in flight become invalid — they last minutes.
 */
import { hkdfSync } from 'node:crypto';

export type BotKeyPurpose = 'login-code-seal' | 'login-code-hash';

export function botKey(botToken: string, purpose: BotKeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', botToken, 'fangpin bot keys', `fangpin ${purpose} v1`, 32));
}
