/**
 * Cases for the 公示 list tests (tests/server/notices.test.ts, tests/e2e/notice-print.test.ts):
 * 柳树村's households on notice in March 2026, one decided in March and one in February, one not
 * yet on notice, one on notice in April, and one of 石桥村 — each carrying the private facts a
 * notice must never show (ID numbers, phones, an illness, a bank account), listed in SECRETS.
 */
import type { PrismaClient } from '../../server/generated/prisma/client';
import { CASE_STATUS } from '../../flows/workflow';
import { shanghaiMidnight } from '../../flows/china-time';
import { insertCase } from './fixtures';

export const LIUSHU = '439901100201';
export const SHIQIAO = '439901100202';
export const QINGSHAN = '439901100';

/** What must never appear on a notice, its page or its PDF. */
export const SECRETS = {
  idNumbers: ['43990119560101002X', '439901196203150018', '439901197811200035', '439901198001010051', '439901199912310079', '439901200101010012', '439901195505050027'],
  phones: ['13800138000', '13912345678', '15011112222'],
  illnesses: ['肺癌', '脑梗', '尿毒症'],
  bankAccounts: ['6222021234567890123'],
  /** the patient (a family member) is named in the application, never on the notice */
  otherNames: ['王小明'],
};

/** Office phones (landlines): public, shown as where to object. */
export const OFFICE_PHONES = { village: '0739-6201101', town: '0739-6200100' };

const illnessAnswers = (name: string, idNumber: string, phone: string, illness: string) => ({
  applicant: { name, idNumber, phone, householdSize: 4 },
  details: { patient: 'family', patientName: SECRETS.otherNames[0], illness, hospital: '县人民医院' },
});

const notice = (start: string, end: string) => ({ publicityStart: shanghaiMidnight(start), publicityEnd: shanghaiMidnight(end) });

export type NoticeCases = Awaited<ReturnType<typeof seedNoticeCases>>;

export async function seedNoticeCases(prisma: PrismaClient, documentsDir: string) {
  const [id1, id2, id3, id4, id5, id6, id7] = SECRETS.idNumbers as [string, string, string, string, string, string, string];
  const named = async (c: { caseNo: string; householdId: string }, name: string, phone = SECRETS.phones[0]!) => {
    await prisma.household.update({ where: { id: c.householdId }, data: { headName: name, phone } });
    return c;
  };
  // on notice in March: a registered household, and a filer whose identity is still to be checked (no household: its answers name it)
  const zhang = await named(
    await insertCase(prisma, documentsDir, { villageCode: LIUSHU, cause: 'illness', status: CASE_STATUS.publicity, idNumber: id1, fields: { ...notice('2026-03-08', '2026-03-14'), householdSize: 4, answers: illnessAnswers('张秀兰', id1, SECRETS.phones[1]!, SECRETS.illnesses[0]!) } }),
    '张秀兰',
  );
  const ouyang = await insertCase(prisma, documentsDir, {
    villageCode: LIUSHU,
    cause: 'disaster',
    status: CASE_STATUS.publicity,
    idNumber: id2,
    fields: { ...notice('2026-03-09', '2026-03-15'), householdId: null, identityCheck: 'pending', householdSize: 3, answers: { applicant: { name: '欧阳小明', idNumber: id2, phone: SECRETS.phones[2], householdSize: 3 }, details: { disasterKind: 'flood' } } },
  });
  // decided: paid in March (its payment reference a bank account), approved in February
  const li = await named(
    await insertCase(prisma, documentsDir, {
      villageCode: LIUSHU,
      cause: 'education',
      status: CASE_STATUS.paid,
      idNumber: id3,
      fields: { ...notice('2026-03-01', '2026-03-05'), householdSize: 5, approvedAmountFen: 800_000, measures: ['education_aid'], householdCategory: 'marginal', paymentRef: SECRETS.bankAccounts[0], paidAt: shanghaiMidnight('2026-03-09') },
    }),
    '李四',
  );
  const zhao = await named(
    await insertCase(prisma, documentsDir, {
      villageCode: LIUSHU,
      cause: 'illness',
      status: CASE_STATUS.approved,
      idNumber: id4,
      fields: { ...notice('2026-02-01', '2026-02-07'), approvedAmountFen: 500_000, measures: ['medical_aid', 'temporary_relief'], householdCategory: 'sudden_hardship', answers: illnessAnswers('赵大红', id4, SECRETS.phones[1]!, SECRETS.illnesses[1]!) },
    }),
    '赵大红',
  );
  // not on notice yet; on notice in April; another village's
  const assessing = await named(await insertCase(prisma, documentsDir, { villageCode: LIUSHU, cause: 'illness', status: CASE_STATUS.assessment, idNumber: id5, fields: { answers: illnessAnswers('钱多多', id5, SECRETS.phones[1]!, SECRETS.illnesses[2]!) } }), '钱多多');
  const april = await named(await insertCase(prisma, documentsDir, { villageCode: LIUSHU, cause: 'disaster', status: CASE_STATUS.publicity, idNumber: id6, fields: notice('2026-04-01', '2026-04-07') }), '孙悟空');
  const shiqiao = await named(await insertCase(prisma, documentsDir, { villageCode: SHIQIAO, cause: 'illness', status: CASE_STATUS.publicity, idNumber: id7, fields: notice('2026-03-08', '2026-03-14') }), '周八');
  return { zhang, ouyang, li, zhao, assessing, april, shiqiao };
}

/** The offices' phones of 柳树村 and 青山镇, as the county office sets them. */
export async function setOfficePhones(prisma: PrismaClient) {
  await prisma.region.update({ where: { code: LIUSHU }, data: { contactPhone: OFFICE_PHONES.village } });
  await prisma.region.update({ where: { code: QINGSHAN }, data: { contactPhone: OFFICE_PHONES.town } });
}

/** Whatever of SECRETS `text` holds (empty: nothing private), and anything shaped like an ID number, a mobile number or a bank card. */
export function privateIn(text: string): string[] {
  const found = [...SECRETS.idNumbers, ...SECRETS.phones, ...SECRETS.illnesses, ...SECRETS.bankAccounts, ...SECRETS.otherNames].filter((s) => text.includes(s));
  const shaped = [
    ...(text.match(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g) ?? []), // 18-character ID number
    ...(text.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? []), // mobile phone
    ...(text.match(/(?<!\d)\d{16,19}(?![\dXx])/g) ?? []), // bank card
  ];
  return [...new Set([...found, ...shaped])];
}
