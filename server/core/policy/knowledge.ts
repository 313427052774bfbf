/**
 * The policy knowledge a villager's message is answered from (FlowContext.knowledge): published
 * FAQ entries and in-force articles of the villager's region in both languages, the configured
 * time limits, and what the previous reply offered to pick.
 */
import type { FaqOfferState, Knowledge, Lang } from '../../../flows';
import type { StaticData } from '../cache/static-data';
import type { RegionTree } from '../regions/tree';
import type { WorkflowSettings } from '../workflow/perform';
import { inForceAt, regionIdsReaching } from './scope';

export function limitsOf(workflow: WorkflowSettings): Knowledge['limits'] {
  return Object.fromEntries(Object.entries(workflow.limits).flatMap(([name, l]) => (l ? [[name, { days: l.days, working: l.working }]] : [])));
}

/** The village a contact is known to live in: the session's answer first, else its household's. */
export function villageOfContact(tree: RegionTree, householdVillageId: string | null, sessionVillage: unknown): string | undefined {
  if (typeof sessionVillage === 'string' && tree.byCode.has(sessionVillage)) return sessionVillage;
  return householdVillageId ? tree.byId.get(householdVillageId)?.code : undefined;
}

/**
 * The knowledge for one message, chosen from the cached rows (core/cache/static-data.ts) without
 * a query: what reaches the village, articles in force at `now`.
 */
export function knowledgeFor(
  data: Pick<StaticData, 'tree' | 'articles' | 'faqs'>,
  opts: { householdVillageId: string | null; sessionVillage?: unknown; now: Date; workflow: WorkflowSettings; offer: FaqOfferState | null },
): Knowledge {
  const villageCode = villageOfContact(data.tree, opts.householdVillageId, opts.sessionVillage);
  const reach = new Set(regionIdsReaching(data.tree, villageCode));
  const reaches = (row: { regionId: string | null }) => row.regionId === null || reach.has(row.regionId);
  const articles = data.articles.filter((a) => reaches(a) && inForceAt(a, opts.now));
  const faqs = data.faqs.filter(reaches);
  const articleKeys = new Map(articles.map((a) => [a.id, a.key]));
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
    offer: opts.offer,
  };
}
