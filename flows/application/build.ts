/** From the collected answers to the ApplicationData the `file_case` effect carries. */
import type { Answers, StepEnv } from '../engine/flow';
import type { ApplicationData } from '../engine/types';
import { CHECKLIST } from './documents';
import { computePrecheck, perCapitaIncomeFen, rigidExpenseFen } from './precheck';
import { ApplicationDataSchema } from './schema';

function details(a: Answers): Record<string, unknown> {
  const missingDocuments = (CHECKLIST[a.cause as keyof typeof CHECKLIST] ?? [])
    .filter((item) => a[`doc_${item.id}`] === 'skipped')
    .map((item) => item.id);
  switch (a.cause) {
    case 'illness': {
      const self = a.patient === 'self';
      return {
        patient: a.patient,
        ...(self ? {} : { patientRelation: a.patientRelation }),
        patientName: self ? a.name : a.patientName,
        illness: a.illness,
        hospital: a.hospital,
        totalCostFen: a.totalCostFen,
        reimbursedFen: a.reimbursedFen,
        selfPaidFen: a.selfPaidFen,
        missingDocuments,
      };
    }
    case 'disaster':
      return {
        disasterKind: a.disasterKind,
        disasterDate: a.disasterDate,
        lossFen: a.lossFen,
        compensationFen: a.compensationFen,
        missingDocuments,
      };
    default:
      return {
        studentName: a.studentName,
        stage: a.stage,
        school: a.school,
        educationCostFen: a.educationCostFen,
        aidFen: a.aidFen,
        missingDocuments,
      };
  }
}

/** The application, validated by the same schema the server uses; an error lists what is wrong. */
export function buildApplication(env: StepEnv): { ok: true; value: ApplicationData } | { ok: false; error: string } {
  const a = env.answers;
  const { year: _year, ...precheck } = computePrecheck(a, env.ctx);
  const candidate = {
    cause: a.cause,
    applicant: {
      name: a.name,
      idNumber: a.idNumber,
      phone: a.phone,
      townCode: a.townCode,
      villageCode: a.villageCode,
      householdSize: a.householdSize,
      annualIncomeFen: a.annualIncomeFen,
      perCapitaIncomeFen: perCapitaIncomeFen(a),
      povertyAlleviated: a.povertyAlleviated,
    },
    details: details(a),
    rigidExpenseFen: rigidExpenseFen(a),
    precheck,
    consent: { incomeCheck: a.consentIncome, personalInfo: a.consentPersonal, at: a.consentAt },
    lang: env.lang,
  };
  const r = ApplicationDataSchema.safeParse(candidate);
  // Paths only: the values may be sensitive and this message may be logged.
  return r.success ? { ok: true, value: r.data } : { ok: false, error: r.error.issues.map((i) => i.path.join('.')).join(', ') };
}
