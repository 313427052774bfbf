/**
 * Sealed values to copy into seeded rows: personal data is stored sealed (server/core/crypto), and
 * the server opens what it lists, so seeded rows carry real ciphertext — taken from a household
 * and a case that a villager filed through the chat in this run (the same value in every row;
 * the seal is bound to the column, not to the row).
 */
import type { BenchDatabase } from '../harness/database';

export type SealedTemplate = { headName: string; headIdNumber: string; phone: string; contactName: string; answers: unknown };

export async function sealedTemplate(db: BenchDatabase): Promise<SealedTemplate | undefined> {
  const [row] = await db.query<SealedTemplate>(
    `SELECT h."headName", h."headIdNumber", h.phone, ct.name AS "contactName", c.answers
     FROM "Case" c JOIN "Household" h ON h.id = c."householdId" JOIN "Contact" ct ON ct.id = c."contactId"
     ORDER BY c."submittedAt" LIMIT 1`,
  );
  return row;
}
