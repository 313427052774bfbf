/**
 * Households with one WeChat contact each, set-based (one INSERT … SELECT generate_series per
 * table): the villagers a broadcast reaches, and the households of the seeded register.
 */
import type { BenchDatabase } from '../harness/database';
import type { SealedTemplate } from './template';

/**
 * `n` households in the villages `villageIds` (round robin), ids `<prefix>h-<k>` and contacts
 * `<prefix>c-<k>` on `channel`, k = 0 … n-1.
 */
export async function seedHouseholds(db: BenchDatabase, t: SealedTemplate, o: { n: number; prefix: string; channel: string; villageIds: string[] }): Promise<void> {
  await db.query(
    `INSERT INTO "Household" (id, "villageId", "headName", "headIdNumber", phone, "headIdIndex", "phoneIndex", size, "povertyAlleviated", "createdAt", "updatedAt")
     SELECT $1 || 'h-' || k, ($2::text[])[1 + k % cardinality($2::text[])], $3, $4, $5, md5($1 || 'id' || k), md5($1 || 'phone' || k), 1 + k % 6, k % 3 = 0, now(), now()
     FROM generate_series(0, $6::int - 1) k`,
    [o.prefix, o.villageIds, t.headName, t.headIdNumber, t.phone, o.n],
  );
  await db.query(
    `INSERT INTO "Contact" (id, channel, "externalId", name, "householdId", "householdLink", "householdLinkAt", "createdAt", "updatedAt")
     SELECT $1 || 'c-' || k, $2, $1 || 'wx-' || k, $3, $1 || 'h-' || k, 'created', now(), now(), now()
     FROM generate_series(0, $4::int - 1) k`,
    [o.prefix, o.channel, t.contactName, o.n],
  );
}
