/**
 * The application as filed: a zod schema for ApplicationData (flows/engine/types.ts).
 * The engine validates the `file_case` effect with it before emitting it, the server validates
 * it again at its boundary, and the mini-program can render its form from it: each field's
 * `meta.label` is the i18n key of the same question's label in the chat, and `meta.input` says
 * what kind of text a form field takes where the type alone does not (server/core/form/form.ts).
 */
import { z } from 'zod';
import type { ApplicationData, Cause } from '../engine/types';
import { DISASTER_KINDS } from './disaster';
import { STAGES } from './education';
import { HOSPITAL_LEVELS } from './illness';

/** Money: integer fen, never a float. */
const Fen = z.number().int().nonnegative();
const Name = z.string().min(2).max(20);
const Text = z.string().min(1).max(50);

export const ApplicantSchema = z.object({
  name: Name.meta({ label: 'apply.name.label', input: 'name' }),
  idNumber: z.string().regex(/^[1-9]\d{16}[\dX]$/).meta({ label: 'apply.idNumber.label', input: 'id_number' }),
  phone: z.string().regex(/^1\d{10}$/).meta({ label: 'apply.phone.label', input: 'phone' }),
  townCode: z.string().min(1).meta({ label: 'apply.townCode.label' }),
  villageCode: z.string().min(1).meta({ label: 'apply.villageCode.label' }),
  householdSize: z.number().int().min(1).max(20).meta({ label: 'apply.householdSize.label' }),
  annualIncomeFen: Fen.meta({ label: 'apply.annualIncomeFen.label' }),
  perCapitaIncomeFen: Fen.meta({ label: 'summary.per_capita_label' }),
  povertyAlleviated: z.boolean().meta({ label: 'apply.povertyAlleviated.label' }),
});

/** Checklist items the villager skipped ("跳过"): a cadre may ask for them later. */
const MissingDocuments = z.array(z.string()).meta({ label: 'summary.missing_documents_label' });

export const IllnessDetailsSchema = z.object({
  patient: z.enum(['self', 'family']).meta({ label: 'apply.patient.label' }),
  patientRelation: Text.optional().meta({ label: 'apply.patientRelation.label' }),
  patientName: Name.meta({ label: 'apply.patientName.label', input: 'name' }),
  illness: Text.meta({ label: 'apply.illness.label' }),
  hospital: Text.meta({ label: 'apply.hospital.label' }),
  hospitalLevel: z.enum(HOSPITAL_LEVELS).meta({ label: 'apply.hospitalLevel.label' }),
  totalCostFen: Fen.positive().meta({ label: 'apply.totalCostFen.label' }),
  reimbursedFen: Fen.meta({ label: 'apply.reimbursedFen.label' }),
  selfPaidFen: Fen.meta({ label: 'apply.selfPaidFen.label' }),
  missingDocuments: MissingDocuments,
});

export const DisasterDetailsSchema = z.object({
  disasterKind: z.enum(DISASTER_KINDS).meta({ label: 'apply.disasterKind.label' }),
  // a day, or 'YYYY-MM' when the villager knew only the month (flows/application/past-date.ts)
  disasterDate: z.union([z.iso.date(), z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)]).meta({ label: 'apply.disasterDate.label', input: 'date' }),
  lossFen: Fen.positive().meta({ label: 'apply.lossFen.label' }),
  compensationFen: Fen.meta({ label: 'apply.compensationFen.label' }),
  missingDocuments: MissingDocuments,
});

export const EducationDetailsSchema = z.object({
  studentName: Name.meta({ label: 'apply.studentName.label', input: 'name' }),
  stage: z.enum(STAGES).meta({ label: 'apply.stage.label' }),
  school: Text.meta({ label: 'apply.school.label' }),
  educationCostFen: Fen.positive().meta({ label: 'apply.educationCostFen.label' }),
  aidFen: Fen.meta({ label: 'apply.aidFen.label' }),
  missingDocuments: MissingDocuments,
});

/** The details filed for each cause. */
export const DETAILS_SCHEMAS: Record<Cause, z.ZodObject> = {
  illness: IllnessDetailsSchema,
  disaster: DisasterDetailsSchema,
  education: EducationDetailsSchema,
};

const common = {
  applicant: ApplicantSchema,
  rigidExpenseFen: Fen.meta({ label: 'summary.rigid_expense_label' }),
  precheck: z.object({
    incomeLineFen: Fen.nullable(),
    underIncomeLine: z.boolean().nullable(),
    expenseExceedsIncome: z.boolean(),
  }),
  consent: z.object({
    incomeCheck: z.literal(true).meta({ label: 'consent.income.label' }),
    personalInfo: z.literal(true).meta({ label: 'consent.personal.label' }),
    at: z.iso.datetime(),
    // an application a cadre entered for a villager without WeChat: the consents were given to that cadre in person, that day (China date)
    inPerson: z.object({ cadreId: z.string().min(1).max(40), cadreName: z.string().min(1).max(40), date: z.iso.date() }).optional(),
  }),
  lang: z.enum(['zh-CN', 'en']),
};

export const ApplicationDataSchema = z
  .discriminatedUnion('cause', [
    z.object({ cause: z.literal('illness'), details: IllnessDetailsSchema, ...common }),
    z.object({ cause: z.literal('disaster'), details: DisasterDetailsSchema, ...common }),
    z.object({ cause: z.literal('education'), details: EducationDetailsSchema, ...common }),
  ])
  .superRefine((app, issue) => {
    // Figures the engine computes must agree with the answers they come from.
    const a = app.applicant;
    if (a.perCapitaIncomeFen !== Math.round(a.annualIncomeFen / a.householdSize)) {
      issue.addIssue({ code: 'custom', path: ['applicant', 'perCapitaIncomeFen'], message: 'per-capita income ≠ income / household size' });
    }
    const d = app.details;
    let rigid: number;
    if (app.cause === 'illness') {
      const i = app.details as z.infer<typeof IllnessDetailsSchema>;
      if (i.reimbursedFen > i.totalCostFen) issue.addIssue({ code: 'custom', path: ['details', 'reimbursedFen'], message: 'reimbursed exceeds total cost' });
      if (i.selfPaidFen > i.totalCostFen) issue.addIssue({ code: 'custom', path: ['details', 'selfPaidFen'], message: 'self-paid exceeds total cost' });
      rigid = i.selfPaidFen;
    } else if (app.cause === 'disaster') {
      const x = d as z.infer<typeof DisasterDetailsSchema>;
      if (x.compensationFen > x.lossFen) issue.addIssue({ code: 'custom', path: ['details', 'compensationFen'], message: 'compensation exceeds loss' });
      rigid = Math.max(0, x.lossFen - x.compensationFen);
    } else {
      const x = d as z.infer<typeof EducationDetailsSchema>;
      if (x.aidFen > x.educationCostFen) issue.addIssue({ code: 'custom', path: ['details', 'aidFen'], message: 'aid exceeds cost' });
      rigid = Math.max(0, x.educationCostFen - x.aidFen);
    }
    if (app.rigidExpenseFen !== rigid) {
      issue.addIssue({ code: 'custom', path: ['rigidExpenseFen'], message: 'rigid expense does not match the details' });
    }
  });

export type ApplicationDataParsed = z.infer<typeof ApplicationDataSchema>;

// Compile-time check: what the schema accepts is an ApplicationData as the contract defines it.
const _conforms = (x: ApplicationDataParsed): ApplicationData => x;
void _conforms;
