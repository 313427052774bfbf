/** A random key for Idempotency-Key and local ids: unique enough per device, no crypto API needed (WeChat has none synchronously). */
export function randomKey(random: () => number = Math.random, now: () => number = Date.now): string {
  let r = '';
  for (let i = 0; i < 4; i++) r += Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
  return `${now().toString(36)}-${r}`;
}
