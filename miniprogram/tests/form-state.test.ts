import {
  addDocument, answersToSend, buildSubmission, checkField, checkSection, fieldMap, newDraft, optionsFor,
  sectionFields, setAnswer, stepOfField, updateDocument, uploadsUnfinished, type Answers,
} from '../src/lib/form-state';
import { educationForm as def } from './support/education-form';

const now = new Date('2026-03-05T04:00:00Z');
const fields = fieldMap(def);
const field = (name: string) => fields.get(name)!;

const complete: Answers = {
  name: '王大妈', idNumber: '11010519491231002x', phone: '13812345678', townCode: 'T1', villageCode: 'V1',
  householdSize: '4', annualIncomeFen: '20000', povertyAlleviated: false,
  studentName: '王小明', stage: 'primary', school: '县第一中学', educationCostFen: '12000', aidFen: '3000',
  consentIncome: true, consentPersonal: true,
};

describe('checkField: instant checks say what is wrong with the chat\'s words', () => {
  test.each<[string, Answers, string | null, Record<string, unknown> | undefined]>([
    ['name', { name: '王' }, 'apply.name.too_short', undefined],
    ['name', { name: '王2' }, 'apply.name.no_digits', undefined],
    ['name', { name: '王大妈' }, null, undefined],
    ['name', {}, 'app.form.required', undefined],
    ['name', { name: '   ' }, 'app.form.required', undefined],
    ['idNumber', { idNumber: '110105194912310021' }, 'parse.id_checksum', undefined],
    ['idNumber', { idNumber: '110105491231002' }, 'parse.id_length_15', undefined],
    ['idNumber', { idNumber: '11010519491231002x' }, null, undefined],
    ['phone', { phone: '0755-1234567' }, 'parse.phone_landline', undefined],
    ['phone', { phone: '1381234567' }, 'parse.phone_format', undefined],
    ['phone', { phone: '138 1234 5678' }, null, undefined],
    ['householdSize', { householdSize: '0' }, 'app.form.integer_range', { min: 1, max: 20 }],
    ['householdSize', { householdSize: '21' }, 'app.form.integer_range', { min: 1, max: 20 }],
    ['householdSize', { householdSize: '4.5' }, 'app.form.integer_range', { min: 1, max: 20 }],
    ['householdSize', { householdSize: '4' }, null, undefined],
    ['annualIncomeFen', { annualIncomeFen: '0' }, null, undefined],
    ['educationCostFen', { educationCostFen: '0' }, 'parse.zero', undefined],
    ['educationCostFen', { educationCostFen: 'abc' }, 'parse.not_a_number', undefined],
    ['educationCostFen', { educationCostFen: '一万二' }, null, undefined],
    ['educationCostFen', { educationCostFen: '3万2' }, null, undefined],
    ['aidFen', { aidFen: '13000', educationCostFen: '12000' }, 'app.form.at_most', { label: '一年上学费用', limitFen: 1200000 }],
    ['aidFen', { aidFen: '12000', educationCostFen: '12000' }, null, undefined],
    ['aidFen', { aidFen: '500' }, null, undefined],
    ['stage', { stage: 'college' }, 'app.form.choose', undefined],
    ['stage', { stage: 'primary' }, null, undefined],
    ['townCode', { townCode: 'T9' }, 'app.form.choose', undefined],
    ['villageCode', { townCode: 'T2', villageCode: 'V1' }, 'app.form.choose', undefined],
    ['villageCode', { townCode: 'T2', villageCode: 'V2' }, null, undefined],
    ['povertyAlleviated', { povertyAlleviated: false }, null, undefined],
    ['povertyAlleviated', {}, 'app.form.required', undefined],
    ['consentIncome', {}, 'app.form.consent_required', undefined],
    ['consentIncome', { consentIncome: false }, 'app.form.consent_required', undefined],
    ['consentIncome', { consentIncome: true }, null, undefined],
    ['school', { school: '县' }, 'apply.text.too_short', undefined],
    ['school', { school: '县'.repeat(51) }, 'apply.text.too_long', { max: 50 }],
  ])('%s with %j → %s', (name, answers, key, params) => {
    const p = checkField(field(name), answers, fields, now);
    expect(p).toEqual(key === null ? null : params ? { key, params } : { key });
  });

  test('a date typed today in China is not in the future, tomorrow is', () => {
    const date = { name: 'disasterDate', kind: 'date' as const, label: '受灾日期', required: true };
    // 2026-03-05T20:00Z is already 6 March in Shanghai.
    const late = new Date('2026-03-05T20:00:00Z');
    expect(checkField(date, { disasterDate: '2026-03-06' }, fields, late)).toBeNull();
    expect(checkField(date, { disasterDate: '2026-03-07' }, fields, late)).toEqual({ key: 'parse.date_future' });
    expect(checkField(date, { disasterDate: '6 March' }, fields, late)).toEqual({ key: 'parse.date_format' });
  });
});

describe('form state', () => {
  test('a complete first step has no problems; an empty one lists every field', () => {
    expect(checkSection(def, def.sections[0], complete, now)).toEqual({});
    expect(Object.keys(checkSection(def, def.sections[0], {}, now))).toEqual(def.sections[0].fields);
  });

  test('villages are those of the chosen town; changing the town clears a village not in it', () => {
    let d = newDraft('education', 'k1', now);
    expect(optionsFor(field('villageCode'), d.answers)).toEqual([]);
    d = setAnswer(def, d, 'townCode', 'T1', now);
    expect(optionsFor(field('villageCode'), d.answers).map((o) => o.value)).toEqual(['V1']);
    d = setAnswer(def, d, 'villageCode', 'V1', now);
    d = setAnswer(def, d, 'townCode', 'T1', now);
    expect(d.answers.villageCode).toBe('V1');
    d = setAnswer(def, d, 'townCode', 'T2', now);
    expect(d.answers).toEqual({ townCode: 'T2' });
  });

  test('a field shows only when its condition holds, and a hidden answer is not sent', () => {
    const details = def.sections[1];
    expect(sectionFields(def, details, { stage: 'primary' }).map((f) => f.name)).not.toContain('patientRelation');
    expect(sectionFields(def, details, { stage: 'senior' }).map((f) => f.name)).toContain('patientRelation');
    expect(answersToSend(def, { ...complete, patientRelation: '儿子' })).not.toHaveProperty('patientRelation');
    expect(answersToSend(def, { ...complete, stage: 'senior', patientRelation: '儿子' })).toHaveProperty('patientRelation', '儿子');
  });

  test('a submission sends trimmed answers in form order (whole numbers as numbers, money as yuan text) and only sent photos', () => {
    let d = newDraft('education', 'k1', now);
    d = { ...d, answers: { ...complete, name: ' 王大妈 ', somethingElse: 'x' } };
    d = addDocument(d, { localId: 'a', item: 'enrollment_proof', filePath: 'wxfile://a' }, now);
    d = addDocument(d, { localId: 'b', item: 'fee_receipt', filePath: 'wxfile://b' }, now);
    d = addDocument(d, { localId: 'c', item: 'other', filePath: 'wxfile://c' }, now);
    d = updateDocument(d, 'a', { status: 'done', uploadId: 'u1', progress: 100 }, now);
    d = updateDocument(d, 'b', { status: 'done', uploadId: 'u2', progress: 100 }, now);
    d = updateDocument(d, 'c', { status: 'failed', error: 'app.common.offline' }, now);
    expect(uploadsUnfinished(d)).toBe(1);
    const body = buildSubmission(def, d, 'zh-CN');
    expect(body).toEqual({
      cause: 'education',
      lang: 'zh-CN',
      answers: {
        name: '王大妈', idNumber: '11010519491231002X', phone: '13812345678', townCode: 'T1', villageCode: 'V1',
        householdSize: 4, annualIncomeFen: '20000', povertyAlleviated: false,
        studentName: '王小明', stage: 'primary', school: '县第一中学', educationCostFen: '12000', aidFen: '3000',
        consentIncome: true, consentPersonal: true,
      },
      documents: [{ uploadId: 'u1', item: 'enrollment_proof' }, { uploadId: 'u2', item: 'fee_receipt' }],
    });
    expect(Object.keys(body.answers)).toEqual(def.fields.map((f) => f.name).filter((n) => n in body.answers));
  });

  test.each([
    ['name', 0], ['aidFen', 1], ['documents', 2], ['consentPersonal', 3], ['nowhere', -1],
  ])('the step that shows %s is %i', (name, step) => {
    expect(stepOfField(def, name)).toBe(step);
  });
});
