/**
 * A province-sized register, set-based: `n` cases over the last three years (one INSERT … SELECT
 * generate_series per year), two cases per household, households and their contacts spread over
 * the demo county's villages. Plausible shapes: case numbers rise with the filing time; cases
 * older than 45 days are mostly closed (paid 70%, rejected 20%, withdrawn 10%) with 6% still open
 * and long overdue; newer ones are spread over the review steps with due dates, half of the late
 * ones already flagged. Sealed columns hold one real sealed value (template.ts). The case-number
 * counters are moved past the seeded numbers, so villagers filing afterwards get new ones.
 */
import { CASE_STATUS, FINAL_STATUSES, REVIEW_STATUSES } from '../../flows/workflow/statuses';
import type { BenchDatabase } from '../harness/database';
import { bulkLoad } from './bulk-load';
import { seedHouseholds } from './villagers';
import type { SealedTemplate } from './template';

const PREFIX = 'seed-';
const CHANNEL = 'seed:register';
const OPEN_STATUSES = [...REVIEW_STATUSES, CASE_STATUS.returned, CASE_STATUS.approved];

/** Seeds, and answers how long each part took (ms). */
export async function seedCases(db: BenchDatabase, t: SealedTemplate, n: number, now = new Date()): Promise<Record<string, number>> {
  const took: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (part: string) => {
    took[part] = performance.now() - t0;
    t0 = performance.now();
  };
  const villageIds = (await db.query<{ id: string }>(`SELECT id FROM "Region" WHERE level = 'village' ORDER BY code`)).map((r) => r.id);
  await bulkLoad(db, ['Household', 'Contact', 'Case'], async () => {
    const households = Math.ceil(n / 2);
    await seedHouseholds(db, t, { n: households, prefix: PREFIX, channel: CHANNEL, villageIds });
    lap('households and contacts');
    const year = now.getUTCFullYear();
    let offset = 0;
    for (const [i, y] of [year - 2, year - 1, year].entries()) {
      const count = Math.floor(n / 3) + (i < n % 3 ? 1 : 0);
      if (count === 0) continue;
      const [counter] = await db.query<{ last: number }>(`SELECT last FROM "CaseCounter" WHERE year = $1`, [y]);
      const base = counter?.last ?? 0;
      if (base + count > 999_999) throw new Error(`--cases ${n}: more than 999,999 case numbers in ${y}`);
      const from = new Date(Date.UTC(y, 0, 1));
      const to = new Date(Math.min(Date.UTC(y + 1, 0, 1), now.getTime() - 60_000));
      await db.query(
        `WITH g AS (
           SELECT i, $3::int + i - 1 AS g, ($3::int + i - 1) / 2 AS k, ($3::bigint + i - 1) * 7919 % 100 AS h,
             $4::timestamp + (i - 0.5) / $2::float8 * ($5::timestamp - $4::timestamp) AS at
           FROM generate_series(1, $2::int) i
         ), s AS (
           SELECT g.*,
             CASE WHEN at > $6::timestamp - interval '45 days' THEN ($7::text[])[1 + g.g % 8]
                  WHEN h < 66 THEN $13::text WHEN h < 85 THEN $14::text WHEN h < 94 THEN $15::text
                  ELSE ($7::text[])[1 + g.g % 3] END AS status
           FROM g
         ), t AS (
           SELECT s.*, at + least(($6::timestamp - at) / 2, interval '5 days') AS since FROM s
         ), d AS (
           SELECT t.*, CASE WHEN status = ANY($16::text[]) THEN NULL
                WHEN status = $17::text THEN since + interval '10 days'
                WHEN status = $18::text THEN since + interval '14 days' ELSE since + interval '3 days' END AS due
           FROM t
         )
         INSERT INTO "Case" (id, "caseNo", "householdId", "villageId", "contactId", channel, cause, status, answers, lang,
           "householdSize", "annualIncomeFen", "perCapitaIncomeFen", "rigidExpenseFen", "incomeLineFen", "incomeYear",
           "submittedAt", "createdAt", "updatedAt", "statusSince", "dueAt", "overdueSince", "approvedAmountFen", "paidAt")
         SELECT $1 || 'case-' || d.g, 'FP-' || $8::int || '-' || lpad(($9::int + d.i)::text, 6, '0'), $1 || 'h-' || d.k,
           ($10::text[])[1 + d.k % cardinality($10::text[])], $1 || 'c-' || d.k, $11,
           (CASE WHEN d.g % 10 < 6 THEN 'illness' WHEN d.g % 10 < 8 THEN 'disaster' ELSE 'education' END)::"Cause",
           d.status, $12::jsonb, 'zh-CN',
           1 + d.k % 6, 1000000 + d.g * 37 % 30 * 100000, (1000000 + d.g * 37 % 30 * 100000) / (1 + d.k % 6), 500000 + d.g * 13 % 50 * 100000, 870000, $8::int,
           d.at, d.at, d.since, d.since, d.due,
           -- what the hourly deadline check has flagged: the long-late ones, and half of the recently late
           CASE WHEN d.due < $6::timestamp - interval '1 day' AND (d.at < $6::timestamp - interval '45 days' OR d.g % 2 = 0) THEN d.due END,
           CASE WHEN d.status IN ($13::text, $18::text) THEN 200000 + d.g % 20 * 50000 END,
           CASE WHEN d.status = $13::text THEN d.since END
         FROM d`,
        [PREFIX, count, offset, from.toISOString(), to.toISOString(), now.toISOString(), OPEN_STATUSES, y, base, villageIds, CHANNEL, JSON.stringify(t.answers),
          // the statuses the SQL names ($13–$18), the workflow's
          CASE_STATUS.paid, CASE_STATUS.rejected, CASE_STATUS.withdrawn, FINAL_STATUSES, CASE_STATUS.publicity, CASE_STATUS.approved],
      );
      await db.query(`INSERT INTO "CaseCounter" (year, last) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET last = GREATEST("CaseCounter".last, EXCLUDED.last)`, [y, base + count]);
      offset += count;
    }
    lap('rows');
  });
  lap('indexes and foreign keys');
  await db.query(`ANALYZE "Case"`);
  await db.query(`ANALYZE "Household"`);
  await db.query(`ANALYZE "Contact"`);
  lap('ANALYZE');
  return took;
}
