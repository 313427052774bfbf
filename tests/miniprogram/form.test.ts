/**
 * The mini-program's form is the chat's application, derived — not written again: for each cause
 * and language the definition has the chat's questions (in its order, with its labels, choices,
 * limits and checklist), in form words (no "reply 1" instructions), and a changed question in
 * flows/ changes the form. The check endpoint answers with the chat's own hints and figures.
 */
import { CHECKLIST, FLOWS, t } from '../../flows';
import { heardZhCN } from '../../flows/i18n/heard.zh-CN';
import type { Cause, Lang } from '../../flows/engine/types';
import { formContext, formModel, presentForm } from '../../server/core/form/form';
import { RegionTree } from '../../server/core/regions/tree';
import { DEMO_COUNTY } from '../../server/seed/demo-county';
import { illnessAskedAfterPatient, ILLNESS_TABLE } from '../support/illness';
import { startTestServer, type TestServer } from '../support/server';
import { answersFor, call, LIUSHU } from './support';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.close();
});

const CASES: [Cause, Lang][] = [
  ['illness', 'zh-CN'],
  ['illness', 'en'],
  ['disaster', 'zh-CN'],
  ['disaster', 'en'],
  ['education', 'zh-CN'],
  ['education', 'en'],
];

/** The answered steps of the chat's application that apply to a cause (some only after an earlier answer). */
const EXPECTED: Record<Cause, string[]> = {
  illness: ['name', 'idNumber', 'phone', 'townCode', 'villageCode', 'householdSize', 'annualIncomeFen', 'povertyAlleviated', ...ILLNESS_TABLE.map((r) => r.field), 'consentIncome', 'consentPersonal'],
  disaster: ['name', 'idNumber', 'phone', 'townCode', 'villageCode', 'householdSize', 'annualIncomeFen', 'povertyAlleviated', 'disasterKind', 'disasterDate', 'lossFen', 'compensationFen', 'consentIncome', 'consentPersonal'],
  education: ['name', 'idNumber', 'phone', 'townCode', 'villageCode', 'householdSize', 'annualIncomeFen', 'povertyAlleviated', 'studentName', 'stage', 'school', 'educationCostFen', 'aidFen', 'consentIncome', 'consentPersonal'],
};

describe('GET /api/forms/application', () => {
  test.each(CASES)('%s in %s: the chat’s questions, in order, in form words', async (cause, lang) => {
    const res = await call(srv, 'GET', `/api/forms/application?cause=${cause}&lang=${lang}`);
    expect(res.status).toBe(200);
    const form = res.body;
    expect(form).toMatchObject({ cause, lang, version: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(form.fields.map((f: { name: string }) => f.name)).toEqual(EXPECTED[cause]);
    for (const f of form.fields) {
      // translated words, never keys; and no chat instructions ("请回复…", "reply …")
      expect({ name: f.name, label: f.label }).toEqual({ name: f.name, label: expect.not.stringMatching(/^(apply|consent|summary)\./) });
      expect({ name: f.name, question: f.question }).toEqual({ name: f.name, question: expect.not.stringMatching(/回复|\breply\b/i) });
      expect(f.required).toBe(true);
    }
    const byName = Object.fromEntries(form.fields.map((f: { name: string }) => [f.name, f]));
    expect(byName.name).toMatchObject({ kind: 'name', label: t(lang, 'apply.name.label'), example: lang === 'en' ? 'Zhang San' : '张三', constraints: { minLength: 2, maxLength: 20 } });
    expect(byName.idNumber).toMatchObject({ kind: 'id_number', constraints: { pattern: '^[1-9]\\d{16}[\\dX]$' } });
    expect(byName.phone).toMatchObject({ kind: 'phone' });
    expect(byName.householdSize).toMatchObject({ kind: 'integer', constraints: { min: 1, max: 20 }, example: '4' });
    expect(byName.annualIncomeFen).toMatchObject({ kind: 'money', unit: 'yuan', allowZero: true });
    expect(byName.povertyAlleviated).toMatchObject({ kind: 'yesno', options: [{ value: true, label: t(lang, 'common.yes') }, { value: false, label: t(lang, 'common.no') }] });
    // region pickers from the region tree: the towns, and each town's villages
    const towns = DEMO_COUNTY.towns.map((town) => ({ value: town.code, label: lang === 'en' ? town.nameEn : town.name }));
    expect(byName.townCode).toMatchObject({ kind: 'region', level: 'town', options: towns });
    expect(byName.villageCode).toMatchObject({ kind: 'region', level: 'village', optionsBy: { field: 'townCode' } });
    for (const town of DEMO_COUNTY.towns) {
      expect(byName.villageCode.optionsBy.options[town.code]).toEqual(town.villages.map((v) => ({ value: v.code, label: lang === 'en' ? v.nameEn : v.name })));
    }
    // the consents: the whole text to agree to, and a single "agree"
    expect(form.consents.map((c: { name: string }) => c.name)).toEqual(['consentIncome', 'consentPersonal']);
    expect(byName.consentIncome).toMatchObject({ kind: 'consent', label: t(lang, 'consent.income.label'), help: t(lang, 'consent.income.help'), agreeLabel: t(lang, 'consent.agreed') });
    expect(byName.consentIncome.question.length).toBeGreaterThan(40);
    // the checklist of the cause
    expect(form.documents).toEqual(CHECKLIST[cause].map((item) => ({ item: item.id, label: t(lang, item.label), required: false })));
    expect(form.sections.map((s: { id: string }) => s.id)).toEqual(['applicant', 'details', 'documents', 'consent', 'summary']);
    expect(form.causes.map((c: { value: string }) => c.value)).toEqual(['illness', 'disaster', 'education']);
  });

  test('conditions, bounds and choices come from the steps', async () => {
    const illness = (await call(srv, 'GET', '/api/forms/application?cause=illness')).body;
    const f = Object.fromEntries(illness.fields.map((x: { name: string }) => [x.name, x]));
    expect(f.patientRelation.visibleWhen).toEqual({ field: 'patient', equals: 'family' });
    expect(f.patientName.visibleWhen).toEqual({ field: 'patient', equals: 'family' });
    expect(f.selfPaidFen.visibleWhen).toEqual({ field: 'selfPaidConfirmed', equals: false });
    expect(f.totalCostFen).toMatchObject({ kind: 'money', allowZero: false });
    expect(f.reimbursedFen).toMatchObject({ kind: 'money', allowZero: true, atMost: 'totalCostFen' });
    expect(f.selfPaidConfirmed).toMatchObject({ kind: 'yesno', dynamic: true, question: f.selfPaidConfirmed.label });
    expect(f.patient.options.map((o: { value: string }) => o.value)).toEqual(['self', 'family']);
    const education = (await call(srv, 'GET', '/api/forms/application?cause=education&lang=en')).body;
    const stage = education.fields.find((x: { name: string }) => x.name === 'stage');
    expect(stage.options).toEqual(['preschool', 'primary', 'junior', 'senior', 'college', 'graduate'].map((s) => ({ value: s, label: t('en', `apply.stage.${s}`) })));
    const disaster = (await call(srv, 'GET', '/api/forms/application?cause=disaster')).body;
    expect(disaster.fields.find((x: { name: string }) => x.name === 'disasterDate')).toMatchObject({ kind: 'date' });
    expect(disaster.fields.find((x: { name: string }) => x.name === 'compensationFen')).toMatchObject({ atMost: 'lossFen' });
  });

  test('questions the chat asks as one stay separate fields, each asking only its own question', async () => {
    const folded = FLOWS.apply.steps.filter((s) => s.fold);
    expect(folded.map((s) => s.id)).toEqual(expect.arrayContaining(['name', 'townCode', 'householdSize', 'illness', 'totalCostFen']));
    const foldedWords = Object.keys(heardZhCN.fold).map((k) => t('zh-CN', `heard.fold.${k}`, { village: '' }).split('\n')[0]);
    for (const cause of ['illness', 'disaster', 'education'] as const) {
      const form = (await call(srv, 'GET', `/api/forms/application?cause=${cause}`)).body;
      const byName = Object.fromEntries(form.fields.map((f: { name: string }) => [f.name, f]));
      for (const step of folded) {
        if (!('field' in step) || !byName[step.field]) continue; // another cause's question
        expect([step.field, byName[step.fold!.with] !== undefined]).toEqual([step.field, true]);
        for (const name of [step.field, step.fold!.with]) expect({ name, question: byName[name].question }).toEqual({ name, question: expect.not.stringMatching(new RegExp(foldedWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'))) });
      }
    }
  });

  test('Accept-Language picks the language; an unknown cause is a 400 naming the field, in that language', async () => {
    const en = await call(srv, 'GET', '/api/forms/application?cause=education', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.body.lang).toBe('en');
    const bad = await call(srv, 'GET', '/api/forms/application?cause=unemployment&lang=en');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual({ code: 'bad_request', field: 'cause', message: t('en', 'miniprogram.errors.cause') });
    const missing = await call(srv, 'GET', '/api/forms/application');
    expect(missing.body.error).toMatchObject({ field: 'cause', message: t('zh-CN', 'miniprogram.errors.cause') });
  });

  test('the same definition gives the same version; a changed question changes the form', () => {
    const tree = new RegionTree(
      [
        { id: 'c', code: '1', name: '县', nameEn: null, level: 'county', parentId: null, sortOrder: 0 },
        { id: 't', code: '11', name: '镇', nameEn: null, level: 'town', parentId: 'c', sortOrder: 0 },
        { id: 'v', code: '111', name: '村', nameEn: null, level: 'village', parentId: 't', sortOrder: 0 },
      ],
      [],
    );
    const ctx = formContext(tree, new Date('2026-03-01T00:00:00Z'), 'zh-CN');
    const before = presentForm(formModel('education'), 'zh-CN', ctx);
    expect(presentForm(formModel('education'), 'zh-CN', ctx).version).toBe(before.version);
    const school = FLOWS.apply.steps.find((s) => s.id === 'school') as { ask: (env: unknown) => string };
    const original = school.ask;
    school.ask = () => '孩子在哪所学校上学？\n例如：县第二中学';
    try {
      const after = presentForm(formModel('education'), 'zh-CN', ctx);
      expect(after.fields.find((f) => f.name === 'school')).toMatchObject({ question: '孩子在哪所学校上学？', example: '县第二中学' });
      expect(after.version).not.toBe(before.version);
    } finally {
      school.ask = original;
    }
  });
});

describe('POST /api/forms/application/check', () => {
  test('wrong answers get the chat’s hints; the figures and the pre-check are the chat’s', async () => {
    const answers = answersFor('illness', { idNumber: '110105196203150410', reimbursedFen: '6万', phone: '010-12345678' });
    const res = await call(srv, 'POST', '/api/forms/application/check', { body: { cause: 'illness', lang: 'zh-CN', answers } });
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual({
      idNumber: t('zh-CN', 'parse.id_checksum'),
      phone: t('zh-CN', 'parse.phone_landline'),
      reimbursedFen: t('zh-CN', 'apply.reimbursedFen.too_much', { limit: '50,000元' }),
    });
    expect(res.body.missing).toEqual([]);
    expect(res.body.figures).toMatchObject({ perCapitaIncomeFen: 500_000, perCapitaIncomeText: '5,000元' });
  });

  test('complete answers: per-capita income, rigid expense, the income line, the summary, the computed question', async () => {
    const answers = answersFor('illness');
    const res = await call(srv, 'POST', '/api/forms/application/check', { body: { cause: 'illness', lang: 'en', answers } });
    expect(res.body.errors).toEqual({});
    expect(res.body.missing).toEqual([]);
    expect(res.body.figures).toEqual({
      perCapitaIncomeFen: 500_000,
      perCapitaIncomeText: expect.any(String),
      rigidExpenseFen: 3_000_000,
      rigidExpenseText: expect.any(String),
      incomeLineFen: 870_000,
      underIncomeLine: true,
      expenseExceedsIncome: true,
    });
    expect(res.body.precheck.length).toBeGreaterThan(1);
    expect(res.body.precheck.at(-1)).toBe(t('en', 'precheck.cadre_decides'));
    expect(res.body.questions.selfPaidConfirmed).toMatch(/30,000/);
    expect(res.body.questions.selfPaidConfirmed).not.toMatch(/reply/i);
    expect(res.body.summary.find((l: { name: string }) => l.name === 'villageCode')).toEqual({ name: 'villageCode', label: t('en', 'apply.villageCode.label'), value: 'Liushu Village' });
  });

  test('what is still missing, only where it applies', async () => {
    const res = await call(srv, 'POST', '/api/forms/application/check', { body: { cause: 'illness', answers: { patient: 'self', townCode: LIUSHU.town } } });
    expect(res.body.missing).toEqual(['name', 'idNumber', 'phone', 'villageCode', 'householdSize', 'annualIncomeFen', 'povertyAlleviated', ...illnessAskedAfterPatient(), 'consentIncome', 'consentPersonal']);
    const wrongVillage = await call(srv, 'POST', '/api/forms/application/check', { body: { cause: 'illness', answers: { townCode: LIUSHU.town, villageCode: '439901200201' } } });
    expect(wrongVillage.body.errors.villageCode).toBe(t('zh-CN', 'parse.choice_unknown'));
  });
});

describe('GET /api/app/config', () => {
  test('without an AppID: phone login only, no subscribe template', async () => {
    const res = await call(srv, 'GET', '/api/app/config');
    expect(res.body).toMatchObject({ wechatLogin: false, otpLogin: true, subscribeTemplateId: null, maxUploadBytes: 20 * 1024 * 1024 });
    expect(res.body.uploadTypes).toContain('image/jpeg');
  });
});

describe('the app\'s language is the county\'s, the villager\'s choice aside', () => {
  test.each([
    [undefined, 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['en', 'en'],
  ] as const)('DEFAULT_LANG=%s → defaultLang %s (whatever the browser sends)', async (setting, lang) => {
    const county = setting === undefined ? srv : await startTestServer({ env: { DEFAULT_LANG: setting } });
    try {
      const res = await call(county, 'GET', '/api/app/config', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
      expect(res.body.defaultLang).toBe(lang);
    } finally {
      if (county !== srv) await county.close();
    }
  });
});

describe('amounts as the chat takes them ("两万4", as the hint invites)', () => {
  const typed: [string, number, string][] = [
    ['两万4', 2_400_000, '24,000元'],
    ['1万2', 1_200_000, '12,000元'],
    ['一万二', 1_200_000, '12,000元'],
    ['24,000元', 2_400_000, '24,000元'],
    ['２万', 2_000_000, '20,000元'],
  ];

  test.each(typed)('%s: the check reads %s fen and gives the words to show under the box (%s)', async (text, fen, shown) => {
    const res = await call(srv, 'POST', '/api/forms/application/check', { body: { cause: 'education', lang: 'zh-CN', answers: { ...answersFor('education'), educationCostFen: text, aidFen: '0' } } });
    expect(res.status).toBe(200);
    expect(res.body.errors.educationCostFen).toBeUndefined();
    expect(res.body.amounts.educationCostFen).toEqual({ input: text, fen, text: shown });
  });

  test('an approximate amount is not understood: the exact figure is asked for, nothing shown under the box', async () => {
    const res = await call(srv, 'POST', '/api/forms/application/check', { body: { cause: 'education', lang: 'zh-CN', answers: { ...answersFor('education'), educationCostFen: '两万多' } } });
    expect(res.body.errors.educationCostFen).toBeTruthy();
    expect(res.body.amounts.educationCostFen).toBeUndefined();
  });
});

describe('the consent card speaks of the application\'s own cause', () => {
  test.each([
    ['education', 'zh-CN', '孩子上学', /看病|受灾|病情/],
    ['disaster', 'zh-CN', '受灾', /看病|上学|病情/],
    ['illness', 'zh-CN', '看病', /受灾|上学/],
    ['education', 'en', 'schooling', /health|disaster/],
    ['illness', 'en', 'health', /disaster|school/],
  ] as const)('%s in %s: names %s, not %s', async (cause, lang, names, not) => {
    const form = (await call(srv, 'GET', `/api/forms/application?cause=${cause}&lang=${lang}`)).body;
    const consent = form.fields.find((f: { name: string }) => f.name === 'consentPersonal');
    expect(consent.question).toContain(names);
    expect(consent.question).not.toMatch(not);
    expect(consent.question).toContain(t(lang, `consent.personal.details.${cause}`));
  });
});

