/**
 * How the bot paces a burst of outbox notices on the real clock: the bot's drain loop
 * (bot/outbox.ts) against an in-memory outbox, saying into a stub that notes the time.
 *
 *   npx tsx bench/outbox-pacing.ts [messages=20] [minIntervalMs=250] [replyEveryMs=0]
 *
 * Prints the gaps between consecutive notices (they should never be below minIntervalMs) and
 * the total time (about (messages - 1) × minIntervalMs). With replyEveryMs > 0, replies to
 * villagers are said meanwhile (never held back): notices still leave minIntervalMs apart, and a
 * busy conversation never starves them.
 */
import { drainOutbox, type OutboxClient, type OutboxItem } from '../bot/outbox';
import { Pacer } from '../bot/pacer';

async function main() {
  const [count = 20, minIntervalMs = 250, replyEveryMs = 0] = process.argv.slice(2).map(Number);
  const queue: OutboxItem[] = Array.from({ length: count }, (_, i) => ({ id: `o${i}`, targetType: 'contact', targetId: `v-${i % 5}`, kind: 'case_update', text: `notice ${i}`, attempts: 0 }));
  const acked = new Set<string>();
  const stop = new AbortController();
  const client = {
    lease: async (_wait: number, limit: number) => {
      if (queue.length === 0) await new Promise((r) => setTimeout(r, 20));
      return queue.splice(0, limit);
    },
    ack: async (id: string) => void acked.add(id),
    fail: async () => undefined,
    release: async () => undefined,
    sentToday: async () => null,
  } as unknown as OutboxClient;

  const pacer = new Pacer({ minIntervalMs });
  const sends: { at: number; what: 'notice' | 'reply' }[] = [];
  const started = performance.now();
  const replies = replyEveryMs > 0 ? setInterval(() => (pacer.noteSent(), sends.push({ at: performance.now(), what: 'reply' })), replyEveryMs) : undefined;
  const drained = drainOutbox({ client, pacer, stopped: stop.signal, limit: 10, say: async () => void sends.push({ at: performance.now(), what: 'notice' }) });
  while (acked.size < count) await new Promise((r) => setTimeout(r, 5));
  const elapsed = performance.now() - started;
  stop.abort();
  if (replies) clearInterval(replies);
  await drained;

  const notices = sends.filter((s) => s.what === 'notice').map((s) => s.at);
  const gaps = notices.slice(1).map((t, i) => t - notices[i]!);
  // distance of each notice from the send (notice or reply) just before it
  const fromAny = sends.flatMap((s, i) => (s.what === 'notice' && i > 0 ? [s.at - sends[i - 1]!.at] : []));
  const fmt = (n: number) => n.toFixed(1).padStart(8);
  console.log(`notices: ${count}, minIntervalMs: ${minIntervalMs}, replies every: ${replyEveryMs || '—'} ms (${sends.length - count} said)`);
  console.log(`total:   ${fmt(elapsed)} ms   (expected ≈ ${(count - 1) * minIntervalMs} ms)`);
  console.log(`gap between notices       min ${fmt(Math.min(...gaps))}  mean ${fmt(gaps.reduce((a, b) => a + b, 0) / gaps.length)}  max ${fmt(Math.max(...gaps))} ms`);
  console.log(`gap from the previous send min ${fmt(Math.min(...fromAny))} ms${replyEveryMs ? '  (a notice waits one interval after a reply said before its wait began; replies said during the wait do not push it further)' : ''}`);
  console.log(`below minIntervalMs: ${gaps.filter((g) => g < minIntervalMs - 1).length} of ${gaps.length}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
