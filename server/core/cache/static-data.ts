/**
 * What rarely changes and every conversation step reads — the region tree with its income lines,
 * the policy knowledge and the counties' settings (time limits, calendar) — kept in the server
 * process, one copy per database client.
 *
 * Invalidation: the database keeps a stamp for this data (CacheStamp 'static') that a trigger on
 * Region, IncomeLine, PolicyArticle, FaqEntry and CountySetting replaces with a fresh random value on every
 * write, whoever writes (the county's API, the seed, a script, psql), in the writer's own
 * transaction (migration static_data_stamp). A step reads the stamp inside the statement it sends
 * anyway (conversation/load.ts) and reloads when it differs from the cached one. Chosen over
 * LISTEN/NOTIFY because it costs no extra round trip, needs no dedicated connection, is seen
 * exactly when the change commits, and a dropped connection cannot make a process miss a change —
 * so any number of server processes on one database stay correct.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { RegionTree } from '../regions/tree';

type Db = PrismaClient | Prisma.TransactionClient;

/** The stamp, as a scalar sub-select to put in a statement that is sent anyway. */
export const STATIC_STAMP_SQL = `(SELECT "stamp" FROM "CacheStamp" WHERE "scope" = 'static')`;

/** A published policy article with what decides where and when it applies. */
export type ArticleRow = { id: string; key: string; lang: string; title: string; body: string; regionId: string | null; effectiveFrom: Date | null; effectiveTo: Date | null };
/** A published FAQ entry with its region. */
export type FaqRow = { key: string; lang: string; question: string; synonyms: string[]; keywords: string[]; answer: string; articleId: string | null; regionId: string | null; sortOrder: number };

export type StaticData = {
  /** null when the stamp row is missing (then any write creates a new one, which differs). */
  stamp: string | null;
  tree: RegionTree;
  articles: ArticleRow[];
  /** In the 政策咨询 order: sortOrder, then key. */
  faqs: FaqRow[];
  /** The counties' settings as stored (validated when read: core/settings/workflow.ts). */
  countySettings: CountySettingRow[];
};

/** A county's setting as stored: its name (`workflow`) and JSON value. */
export type CountySettingRow = { countyId: string; name: string; value: unknown };

export class StaticDataCache {
  private current: StaticData | undefined;
  private loading: { stamp: string | null; data: Promise<StaticData> } | undefined;

  /**
   * The data as of `stamp` (read by the caller in its transaction) or newer. Loaded on `db` —
   * the caller's transaction: a step never waits for a second connection while holding one.
   * Steps that see the same new stamp at once share one load; should that load fail with its
   * transaction, each loads for itself.
   */
  async get(db: Db, stamp: string | null): Promise<StaticData> {
    if (this.current && this.current.stamp === stamp) return this.current;
    if (this.loading && this.loading.stamp === stamp) {
      try {
        return await this.loading.data;
      } catch {
        // the sharing load's transaction failed: ours may not
      }
    }
    const data = loadStaticData(db, stamp);
    this.loading = { stamp, data };
    try {
      const loaded = await data;
      // stamps are not ordered: the last load wins, and a step that reads another stamp reloads
      this.current = loaded;
      return loaded;
    } finally {
      if (this.loading?.data === data) this.loading = undefined;
    }
  }
}

const caches = new WeakMap<object, StaticDataCache>();

/** The cache of one database client (a test's databases each have their own client). */
export function staticDataCache(client: object): StaticDataCache {
  let cache = caches.get(client);
  if (!cache) caches.set(client, (cache = new StaticDataCache()));
  return cache;
}

/** The stamp alone, for callers that have no statement to carry it. */
export async function readStaticStamp(db: Db): Promise<string | null> {
  const rows = await db.$queryRawUnsafe<{ stamp: string | null }[]>(`SELECT ${STATIC_STAMP_SQL} AS "stamp"`);
  return rows[0]?.stamp ?? null;
}

async function loadStaticData(db: Db, stamp: string | null): Promise<StaticData> {
  // one after the other: inside a transaction they share one connection anyway
  const tree = await RegionTree.load(db);
  const articles = await db.policyArticle.findMany({
    where: { status: 'published' },
    select: { id: true, key: true, lang: true, title: true, body: true, regionId: true, effectiveFrom: true, effectiveTo: true },
  });
  const faqs = await db.faqEntry.findMany({
    where: { status: 'published' },
    orderBy: [{ sortOrder: 'asc' }, { key: 'asc' }],
    select: { key: true, lang: true, question: true, synonyms: true, keywords: true, answer: true, articleId: true, regionId: true, sortOrder: true },
  });
  const countySettings = await db.countySetting.findMany({ select: { countyId: true, name: true, value: true } });
  return { stamp, tree, articles, faqs, countySettings };
}
