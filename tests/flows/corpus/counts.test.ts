/**
 * The corpus in numbers (issue 10): how many realistic answers, at how many questions, and how
 * many were understood at the first try, settled by one confirmation, or asked again. The other
 * corpus files check every answer against its label through the engine (0 wrong); this one
 * counts the labels and prints them.
 */
import { APPLICANT } from './applicant.data';
import { CLOSING } from './closing.data';
import { DISASTER } from './disaster.data';
import { EDUCATION } from './education.data';
import { ILLNESS } from './illness.data';
import { countLabels, type Question } from './support';

const ALL: Question[] = [...APPLICANT, ...ILLNESS, ...DISASTER, ...EDUCATION, ...CLOSING];

describe('the corpus', () => {
  const c = countLabels(ALL);
  const share = (c.understood + c.confirmed) / c.total;

  afterAll(() => {
    const rows = ALL.map((q) => {
      const n = countLabels([q]);
      return `  ${q.name}: ${n.total} (understood ${n.understood}, confirmed ${n.confirmed}, re-asked ${n.reasked})`;
    });
    console.log(
      [
        `corpus: ${c.total} answers at ${ALL.length} questions — understood ${c.understood}, confirmed ${c.confirmed}, re-asked ${c.reasked}`,
        `understood or confirmed: ${(share * 100).toFixed(1)}%`,
        ...rows,
      ].join('\n'),
    );
  });

  test('at least 400 answers, at every question of the three causes', () => {
    expect(c.total).toBeGreaterThanOrEqual(400);
    const asked = new Set(ALL.map((q) => q.step ?? q.name));
    for (const step of [
      'name', 'idNumber', 'phone', 'townCode', 'villageCode', 'householdSize', 'annualIncomeFen', 'povertyAlleviated',
      'patient', 'patientRelation', 'patientName', 'illness', 'hospital', 'hospitalLevel', 'totalCostFen', 'reimbursedFen', 'selfPaidConfirmed',
      'disasterKind', 'disasterDate', 'lossFen', 'compensationFen', 'studentName', 'stage', 'school', 'educationCostFen', 'aidFen',
      'cause', 'doc_hospital_bill', 'consentIncome', 'consentPersonal', 'summary',
    ]) {
      expect([step, asked.has(step)]).toEqual([step, true]);
    }
  });

  test('at least 9 in 10 understood at the first try or settled by one confirmation', () => {
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  test('every question has answers of more than one kind: the corpus is not padded with easy ones', () => {
    for (const q of ALL) {
      const n = countLabels([q]);
      expect([q.name, n.understood > 0 && n.reasked + n.confirmed > 0]).toEqual([q.name, true]);
    }
  });
});
