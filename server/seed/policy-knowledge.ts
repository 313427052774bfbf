/**
 * Loads the default policy knowledge (server/seed/knowledge-content.ts) into a database that has
 * none: with the demo county, and at every start of a production database until the county
 * office has its own (it then edits or retires these entries through the API).
 */
import { LANGS } from '../../flows/engine/types';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import { ARTICLES, FAQS } from './knowledge-content';

type Db = PrismaClient | Prisma.TransactionClient;

/** Inserts the defaults when there is no article and no FAQ entry yet; returns how many it wrote. */
export async function seedPolicyKnowledge(db: Db): Promise<{ articles: number; faqs: number }> {
  if ((await db.faqEntry.count()) > 0 || (await db.policyArticle.count()) > 0) return { articles: 0, faqs: 0 };
  const ids = new Map<string, string>();
  for (const a of ARTICLES) {
    for (const lang of LANGS) {
      const row = await db.policyArticle.create({ data: { key: a.key, lang, title: a[lang].title, body: a[lang].body, tags: a.tags } });
      ids.set(`${a.key}:${lang}`, row.id);
    }
  }
  const faqs = FAQS.flatMap((f, i) =>
    LANGS.map((lang) => ({
      key: f.key,
      lang,
      question: f[lang].question,
      synonyms: f[lang].synonyms,
      keywords: f[lang].keywords,
      answer: f[lang].answer,
      articleId: f.article ? (ids.get(`${f.article}:${lang}`) ?? null) : null,
      sortOrder: (i + 1) * 10,
    })),
  );
  await db.faqEntry.createMany({ data: faqs });
  return { articles: ids.size, faqs: faqs.length };
}
