/**
 * Cases put straight into the database, for tests of the cadre API that need cases in several
 * villages without chatting each one in.
 */
import { FileSystemDocumentStore } from '../../server/core/documents/store';
import { TEST_KEYRING } from './keys';
import type { Prisma, PrismaClient } from '../../server/generated/prisma/client';

let seq = 0;

export async function insertCase(
  prisma: PrismaClient,
  documentsDir: string,
  opts: {
    villageCode: string;
    cause?: 'illness' | 'disaster' | 'education';
    status?: string;
    idNumber: string;
    document?: Buffer;
    /** The applicant's chat contact (villager actors act through it). */
    contactId?: string;
    /** Columns a status needs: verifierId (verification), returnedFrom + missingItems (returned),
     *  publicityStart/End (publicity), dueAt/overdueSince (time limits)… */
    fields?: Partial<Prisma.CaseUncheckedCreateInput>;
  },
) {
  seq += 1;
  const village = await prisma.region.findUniqueOrThrow({ where: { code: opts.villageCode } });
  const household = await prisma.household.create({
    data: { villageId: village.id, headName: `测试户${seq}`, headIdNumber: opts.idNumber, phone: '13800138000', size: 4 },
  });
  const caseNo = `FP-2026-${String(900000 + seq).padStart(6, '0')}`;
  const row = await prisma.case.create({
    data: {
      caseNo,
      householdId: household.id,
      villageId: village.id,
      channel: 'test',
      cause: opts.cause ?? 'illness',
      status: opts.status ?? 'submitted',
      answers: { note: 'fixture' },
      householdSize: 4,
      annualIncomeFen: 2_000_000,
      perCapitaIncomeFen: 500_000,
      rigidExpenseFen: 3_200_000,
      incomeLineFen: 870_000,
      incomeYear: 2025,
      ...(opts.contactId ? { contactId: opts.contactId } : {}),
      ...opts.fields,
    },
  });
  let documentId: string | undefined;
  if (opts.document) {
    const stored = await new FileSystemDocumentStore(documentsDir, TEST_KEYRING).put(opts.document);
    const doc = await prisma.document.create({ data: { ...stored, mime: 'image/png', kind: 'hospital_bill', caseId: row.id } });
    documentId = doc.id;
  }
  return { caseNo, caseId: row.id, householdId: household.id, documentId };
}
