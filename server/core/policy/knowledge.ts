/**
 * The policy knowledge a villager's message is answered from (FlowContext.knowledge): published
 * FAQ entries and in-force articles of the villager's region in both languages, the configured
 * time limits, and what the previous reply offered to pick.
 */
import type { Knowledge, Lang } from '../../../flows';
import type { Prisma } from '../../generated/prisma/client';
import type { RegionTree } from '../regions/tree';
import type { WorkflowSettings } from '../workflow/perform';
import { readOffer } from './offer';
import { inForce, regionFilter, regionIdsReaching } from './scope';

type Tx = Prisma.TransactionClient;

export function limitsOf(workflow: WorkflowSettings): Knowledge['limits'] {
  return Object.fromEntries(Object.entries(workflow.limits).flatMap(([name, l]) => (l ? [[name, { days: l.days, working: l.working }]] : [])));
}

/** The village a contact is known to live in: the session's answer first, else its household's. */
export async function villageOfContact(tx: Tx, tree: RegionTree, householdId: string | null, sessionVillage: unknown): Promise<string | undefined> {
  if (typeof sessionVillage === 'string' && tree.byCode.has(sessionVillage)) return sessionVillage;
  if (!householdId) return undefined;
  const household = await tx.household.findUnique({ where: { id: householdId }, select: { villageId: true } });
  return household ? tree.byId.get(household.villageId)?.code : undefined;
}

export async function loadKnowledge(
  tx: Tx,
  opts: { contactId: string; householdId: string | null; sessionVillage?: unknown; tree: RegionTree; now: Date; workflow: WorkflowSettings },
): Promise<Knowledge> {
  const villageCode = await villageOfContact(tx, opts.tree, opts.householdId, opts.sessionVillage);
  const reach = regionFilter(regionIdsReaching(opts.tree, villageCode));
  // one after the other: a transaction is one connection
  const articles = await tx.policyArticle.findMany({ where: { AND: [inForce(opts.now), reach] }, select: { id: true, key: true, lang: true, title: true, body: true } });
  const faqs = await tx.faqEntry.findMany({ where: { AND: [{ status: 'published' }, reach] }, orderBy: [{ sortOrder: 'asc' }, { key: 'asc' }] });
  const articleKeys = new Map(articles.map((a) => [a.id, a.key]));
  const offer = await readOffer(tx, opts.contactId);
  return {
    faqs: faqs.map((f) => ({
      key: f.key,
      lang: f.lang as Lang,
      question: f.question,
      synonyms: f.synonyms,
      keywords: f.keywords,
      answer: f.answer,
      sortOrder: f.sortOrder,
      ...(f.articleId && articleKeys.has(f.articleId) ? { articleKey: articleKeys.get(f.articleId)! } : {}),
    })),
    articles: articles.map((a) => ({ key: a.key, lang: a.lang as Lang, title: a.title, body: a.body })),
    ...(villageCode ? { villageCode } : {}),
    limits: limitsOf(opts.workflow),
    publicityMinDays: opts.workflow.publicityMinDays,
    offer,
  };
}
