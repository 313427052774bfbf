/**
 * How long matching a villager's question against the FAQ takes — per message the server hands
 * the engine a fresh list, so the index is rebuilt each time (phrase readings are memoised).
 *
 *   npx tsx bench/faq-match.ts [rounds=200]
 *
 * Prints the first match (cold: pinyin of every phrase), then the mean per message with a fresh
 * list each time (as in the conversation runtime), for the default knowledge in both languages.
 */
import { LANGS } from '../flows/engine/types';
import type { FaqEntryView } from '../flows';
import { matchFaq } from '../flows/faq';
import { FAQS } from '../server/seed/knowledge-content';

const rounds = Number(process.argv[2] ?? 200);
const questions = ['标准是多少', '表准是多少？', '报消了还能申请吗', '娃上大学要什么材料', 'what documents do I need', '今天天气怎么样', '看病花了十几万报销了一半还能申请吗'];
const fresh = (): FaqEntryView[] => FAQS.flatMap((f, i) => LANGS.map((lang) => ({ key: f.key, lang, ...f[lang], sortOrder: i })));

let t0 = performance.now();
matchFaq(questions[0], fresh());
console.log(`entries: ${fresh().length} (${FAQS.length} keys × ${LANGS.length} languages)`);
console.log(`first match (cold): ${(performance.now() - t0).toFixed(1)} ms`);

t0 = performance.now();
for (let r = 0; r < rounds; r++) for (const q of questions) matchFaq(q, fresh());
const per = (performance.now() - t0) / (rounds * questions.length);
console.log(`per message, fresh list each time: ${per.toFixed(2)} ms (${rounds * questions.length} matches)`);
