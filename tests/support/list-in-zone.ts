/**
 * Run by tests/server/http-hot-path.test.ts in a process of its own with TZ set (a jest worker's
 * time zone cannot be changed from a test): the first list pages (both sorts, and the page after
 * each by its cursor) and a session's resolution, read through the pool's runner and through
 * Prisma, printed as JSON — `{ pooled, viaPrisma }`.
 *   tsx tests/support/list-in-zone.ts <database url> <session token> <now ISO>
 */
import { ADMIN_ACTOR } from '../../server/core/auth/actor';
import { resolveCadre } from '../../server/core/auth/cadre';
import { listCases, listScope } from '../../server/core/cases/list';
import { decodeCursor } from '../../server/core/cases/list-cursor';
import { sealedClient } from '../../server/core/crypto/sealed-client';
import { postgresConnection } from '../../server/core/db/connect';
import { throughPrisma, type SqlRunner } from '../../server/core/db/direct';
import { RegionTree } from '../../server/core/regions/tree';
import { PrismaClient } from '../../server/generated/prisma/client';
import { TEST_KEYRING } from './keys';
import { WEEKENDS_ONLY } from '../../server/core/workflow/deadlines';

async function main() {
  const [url, session, nowText] = process.argv.slice(2) as [string, string, string];
  const now = new Date(nowText);
  const { adapter, sql, end } = await postgresConnection(url);
  const raw = new PrismaClient({ adapter });
  const prisma = sealedClient(raw, TEST_KEYRING);
  try {
    const tree = await RegionTree.load(raw);
    const read = async (db: SqlRunner | PrismaClient, runner: SqlRunner) => {
      const pages = [];
      for (const sort of ['newest', 'due'] as const) {
        const req = { filter: { scope: listScope(tree, ADMIN_ACTOR, []), now }, sort, after: null, pageSize: 2, offset: 0, withCounts: true, calendar: WEEKENDS_ONLY };
        const first = await listCases(db, TEST_KEYRING, tree, req);
        const after = first.body.nextCursor ? decodeCursor(sort, first.body.nextCursor) : null;
        pages.push(first, await listCases(db, TEST_KEYRING, tree, { ...req, after, withCounts: false }));
      }
      const caller = await resolveCadre(prisma, session, undefined, now, runner);
      return { pages, credential: caller && caller !== 'expired' ? caller.credential : caller };
    };
    console.log(JSON.stringify({ pooled: await read(sql, sql), viaPrisma: await read(raw, throughPrisma(raw)) }));
  } finally {
    await raw.$disconnect();
    await end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
