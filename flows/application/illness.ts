/**
 * 因病: who is ill, the illness, the hospital and its level, the total cost, what insurance reimbursed, and
 * the self-paid part — computed (total − reimbursed) and confirmed, or asked when the villager
 * says the computed figure is wrong.
 */
import { normalizeInput, parseChoice, readWho, whoIn } from '../parse';
import { otherHousehold } from '../parse/who';
import { stripFillers } from '../parse/fillers';
import type { Answers, ChoiceOption, StepDef, StepEnv, StepOutcome } from '../engine/flow';
import { peopleSaid } from './relation';
import { formatMoney } from '../i18n/format';
import { FIGURE_NO, HEDGED_YES, NOTHING_ELSE } from '../parse/yes-no-words';
import { EN_FAMILY_WORDS, EN_SELF_WORDS, FAMILY_WORDS, relationPhrases, sameRelation, SELF_WORDS, twoPeopleWords } from '../parse/relations';
import { factsFor, levelFact, patientFacts, patientNameFact } from './facts';
import { amountQuestion, forCause, nameQuestion, relationQuestion, textQuestion } from './fields';
import { splitCostReceived, splitIllnessHospital } from './folds';
import { checkHospital, checkIllness } from './text';

const family = { field: 'patient', equals: 'family' } as const;

/** 申请人本人 or 家里其他人; "我老伴" names a relative although it contains 我 (the longer label wins). */
function patientOptions(env: StepEnv): ChoiceOption[] {
  return [
    { id: 'self', text: env.t('apply.patient.self'), labels: SELF_LABELS },
    { id: 'family', text: env.t('apply.patient.family'), labels: FAMILY_LABELS },
  ];
}
// the same arrays each time: ~8,700 labels, cleaned once by parseChoice (flows/parse/choice.ts)
const SELF_LABELS = [...SELF_WORDS, ...EN_SELF_WORDS, ...twoPeopleWords()];
const FAMILY_LABELS = [...FAMILY_WORDS, ...EN_FAMILY_WORDS, ...relationPhrases(), ...twoPeopleWords()];

/** Someone of the speaker's ("我家…", "俺那个…"), not the speaker. */
// 四川 "我屋头那个", "我屋里的", "我儿" (my son, or my child): someone at home, not the speaker
const OWNED = /^(?:就是|是)?(?:我们家|俺们家|我家|俺家|咱家|我的|俺的|我那|俺那|我这|俺这|我屋|俺屋|我儿|俺儿)/u;

/** 我/俺/额 then a word that is not a "myself" ("我老倌", "俺阿婆"): a relative named in a word the data lacks. */
const MY_UNKNOWN = /^(?:就是|是)?[我俺额咱](?![啊呀嘛噻撒哒嘞咯哦呢吧了的]*$)(?!自己|本人|本身|一个|生病|病了|得病|得了|住院|的病|有病|身体|这)(?!.*[腿腰头手脚心肝肺胃肾眼病癌断疼痛伤摔骨血梗风炎瘫])(?:家|的|们家)?\p{Script=Han}{1,3}(?:啊|呀|嘛|噻|撒|哒|嘞|咯)?$/u;

/** 医院级别: where the patient was treated decides the reimbursement rates the county checks against. */
export const HOSPITAL_LEVELS = ['township', 'county', 'city', 'province'] as const;

/** What the household paid itself, as computed from the total and the reimbursement. */
export function computedSelfPaidFen(a: Answers): number | null {
  const total = a.totalCostFen;
  const reimbursed = a.reimbursedFen;
  if (typeof total !== 'number' || typeof reimbursed !== 'number') return null;
  return Math.max(0, total - reimbursed);
}

// Changing an amount makes the confirmed self-paid figure stale: it is asked again.
const SELF_PAID = ['selfPaidConfirmed', 'selfPaidFen'];

/** A relative said to be ill "in person" ("我奶奶本人", "是我奶奶自己"): not the speaker's own 本人/自己. */
const RELATIVE_HERSELF = /(?<![我俺咱])(?:本人|自己|她自己|他自己|本身)(?:了|啊|呀|吧)*[。.!！]*$/u;

/** "她自己", "他本人", "老人自己", "就是她": the person written for, when the opening said who that is — never guessed otherwise. */
const PRONOUN_SELF = /^(?:就是|是|那就是)?(?:(?:他|她|老人家|老人)(?:的)?(?:本人|自己|本身)|(?:他|她|老人家)(?:本人)?)(?:了|啊|呀|吧|嘛|噻|撒|哒|嘞|咯)*[。.!！~]*$/u;

/**
 * Who is ill, read against whom the opening said the application is for (state.writtenFor): that
 * person is the applicant ("就是我奶奶本人", "她自己" → 申请人本人); the typist is someone else
 * ("我自己" is asked); a relation with no 本人 when the opening did not say whose is asked. Null: read as usual.
 */
function patientForOther(text: string, who: ReturnType<typeof readWho>, env: StepEnv): StepOutcome | null {
  const w = env.state.writtenFor;
  const said = normalizeInput(text);
  if (PRONOUN_SELF.test(said)) return w ? { kind: 'answer', patch: { patient: 'self' } } : { kind: 'retry', hint: env.t('heard.patient.pronoun_self') };
  if (!w) return null;
  // "我自己" typed for someone else: the typist, who is not the applicant — asked which
  if (who.kind === 'self') return { kind: 'retry', hint: w.relation !== undefined ? env.t('heard.patient.helper_self', { relation: w.relation }) : env.t('heard.patient.helper_self_plain') };
  if (who.kind !== 'family' || who.relation === undefined) return null;
  const herself = RELATIVE_HERSELF.test(said);
  if (w.relation !== undefined ? sameRelation(w.relation, who.relation) : herself) return { kind: 'answer', patch: { patient: 'self' } };
  // "我爷爷" when the opening did not say for whom: the typist's grandfather may be the applicant
  if (w.relation === undefined) return { kind: 'retry', hint: env.t('heard.patient.relative_self', { relation: who.relation }) };
  return herself ? { kind: 'retry', hint: env.t('heard.patient.relative_self', { relation: who.relation }) } : { kind: 'answer', patch: { patient: 'family' } };
}

export const illnessSteps: StepDef[] = forCause('illness', [
  {
    kind: 'choice',
    id: 'patient',
    field: 'patient',
    label: 'apply.patient.label',
    editWords: ['病人', '患者', '谁生病', '生病的人', 'patient', 'who is ill'],
    ask: (env) => env.t('apply.patient.ask'),
    // "我老伴" names a relative although it contains 我: the longer label wins (flows/parse/relations.ts).
    // Two people ("我跟我儿子") name both options: never matched to one.
    options: patientOptions,
    read: (text, env) => {
      const name = typeof env.answers.name === 'string' ? env.answers.name : undefined;
      // "亲家母": another household's — explained, asked again
      if (otherHousehold(text)) return { kind: 'stay', replies: [env.t('heard.relation.other_household')], reprompt: true };
      // "就是我家老头子": the thinking words are no part of who is meant
      const who = readWho(stripFillers(text), name);
      const forOther = patientForOther(stripFillers(text), who, env);
      if (forOther) return forOther;
      // Two patients ("我和老伴都病了"): one application holds one; who was heard is said, and which first asked.
      if (who.kind === 'two') {
        const people = peopleSaid(who.people, env);
        return { kind: 'stay', replies: [people !== null ? env.t('heard.patient.two_named', { people }) : env.t('heard.patient.two')], reprompt: true };
      }
      // "腿有残疾的弟弟", "我家老大": a relative described or called by birth order is someone else
      // (a name alone is left to the list: said to "生病的是您的丈夫，对吗？" it is his name)
      // "就是我奶奶本人", typed by a grandson for his grandmother: she may be the applicant herself — asked, never guessed
      if (who.kind === 'family' && who.relation !== undefined && RELATIVE_HERSELF.test(normalizeInput(text))) {
        return { kind: 'retry', hint: env.t('heard.patient.relative_self', { relation: who.relation }) };
      }
      if (who.kind === 'family' && who.relation !== undefined) return { kind: 'answer', patch: { patient: 'family' } };
      // "我家小宝": "我" in it is no answer that the speaker is ill
      const r = parseChoice(text, patientOptions(env));
      // "我老倌", "我阿公", "我老子": 我 before a word the data does not know is someone of the speaker's, in some dialect — asked, never "myself"
      const mine = MY_UNKNOWN.test(stripFillers(normalizeInput(text)).replace(/\s+/gu, ''));
      if (r.ok && r.value === 'self' && who.kind === 'unknown' && whoIn(text, name).kind !== 'self' && (OWNED.test(normalizeInput(text)) || mine)) {
        return { kind: 'retry', hint: env.t('heard.patient.which') };
      }
      return null;
    },
    // "我孙女王小芳": the relation and the name are said back at the relation question; the illness, hospital, cost at theirs.
    more: (text, env) => [...patientFacts(text, env, 'patientRelation'), ...factsFor('illness', text, env, ['patient'])],
  },
  relationQuestion({
    id: 'patientRelation',
    ask: 'apply.patientRelation.ask',
    label: 'apply.patientRelation.label',
    editWords: ['关系', 'relation', 'relationship'],
    showIf: family,
    // "我老伴王秀英": the name is said back at the name question; "孙子 白血病": the illness at its own
    more: (text, env) => [...patientNameFact(text), ...factsFor('illness', text, env, ['patient', 'patientRelation', 'patientName'])],
  }),
  nameQuestion({
    id: 'patientName',
    ask: 'apply.patientName.ask',
    label: 'apply.patientName.label',
    editWords: ['病人姓名', '病人名字', '病人的名字', '患者姓名', '患者名字', "patient's name", 'patient name'],
    showIf: family,
    relationFrom: 'patientRelation',
  }),
  textQuestion({
    id: 'illness',
    ask: 'apply.illness.ask',
    label: 'apply.illness.label',
    editWords: ['疾病', '病', '病名', '什么病', '得的病', '病情', 'illness', 'disease'],
    read: checkIllness,
    // "肺癌 花了五万多": the sums are said back at their questions, as an opening's are
    more: (text, env) => factsFor('illness', text, env, ['patient', 'patientRelation', 'patientName', 'illness', 'hospital', 'hospitalLevel']),
    // "在县医院看的肺癌": the illness and the hospital in one answer
    fold: { with: 'hospital', ask: (env) => env.t('heard.fold.illness_hospital'), split: splitIllnessHospital },
  }),
  textQuestion({
    id: 'hospital',
    ask: 'apply.hospital.ask',
    label: 'apply.hospital.label',
    editWords: ['医院', '哪个医院', 'hospital'],
    minLength: 2,
    read: checkHospital,
    // 县人民医院 says its level: said back at the level question rather than asked
    more: (_text, env) => levelFact(env.answers.hospital, env),
  }),
  {
    kind: 'choice',
    id: 'hospitalLevel',
    field: 'hospitalLevel',
    label: 'apply.hospitalLevel.label',
    editWords: ['医院级别', '级别', '几级医院', '医院等级', 'hospital level'],
    ask: (env) => env.t('apply.hospitalLevel.ask'),
    options: (env) => [
      { id: 'township', text: env.t('apply.hospitalLevel.township'), labels: ['乡镇卫生院', '卫生院', '乡镇', '乡级', '镇卫生院', '乡卫生院', '镇医院', '乡医院', '乡镇医院', '镇上的医院', '乡里', '镇上', '镇里', '乡上', 'township', 'health centre', 'health center'] },
      { id: 'county', text: env.t('apply.hospitalLevel.county'), labels: ['县级', '县级医院', '县医院', '县', 'county'] },
      { id: 'city', text: env.t('apply.hospitalLevel.city'), labels: ['市级', '市级医院', '市医院', '市里', '市', '地区医院', '地区', '地级', '州医院', '州里', 'city'] },
      { id: 'province', text: env.t('apply.hospitalLevel.province'), labels: ['省级', '省级及以上', '省级医院', '省医院', '省里', '省城', '省', 'province', 'provincial'] },
    ],
  },
  amountQuestion({
    id: 'totalCostFen',
    ask: 'apply.totalCostFen.ask',
    topic: 'cost',
    label: 'apply.totalCostFen.label',
    editWords: ['总费用', '医疗费', '医药费', '看病费用', '花费', '费用', '总共', 'total', 'cost', 'total cost'],
    clears: SELF_PAID,
    // "总共花了五万，报了两万": the total and the reimbursement in one answer
    fold: { with: 'reimbursedFen', ask: (env) => env.t('heard.fold.cost_reimbursed'), split: splitCostReceived },
  }),
  amountQuestion({
    id: 'reimbursedFen',
    ask: 'apply.reimbursedFen.ask',
    topic: 'received',
    label: 'apply.reimbursedFen.label',
    editWords: ['报销', '报了', '报销了', '医保', '大病保险', '报了多少', 'reimbursed', 'reimbursement', 'insurance'],
    allowZero: true,
    atMost: { field: 'totalCostFen', hint: 'apply.reimbursedFen.too_much' },
    clears: SELF_PAID,
  }),
  {
    kind: 'yesno',
    id: 'selfPaidConfirmed',
    field: 'selfPaidConfirmed',
    label: 'apply.selfPaidFen.label',
    editWords: ['自付', '自费', '自己付', '自己出', 'self-paid', 'self paid', 'out of pocket'],
    uses: ['totalCostFen', 'reimbursedFen'],
    ask: (env) =>
      env.t('apply.selfPaidConfirmed.ask', {
        selfPaid: formatMoney(env.lang, computedSelfPaidFen(env.answers) ?? 0),
        total: formatMoney(env.lang, (env.answers.totalCostFen as number) ?? 0),
        reimbursed: formatMoney(env.lang, (env.answers.reimbursedFen as number) ?? 0),
      }),
    hint: 'understand.yesno.dui',
    // a figure said back: "差不多" agrees, "少了" does not
    // "没有别的了", "就这些": nothing besides these costs — a yes, not the no of 没有
    yesWords: [...HEDGED_YES, ...NOTHING_ELSE],
    noWords: FIGURE_NO,
    // "不止 还有外面买药的": more was paid than the figure said — a no (the amount is asked next)
    noMarks: ['不止', '不只', '不光', '还有'],
    // "18000" back is a yes; "不对，自己掏了两万" a no that answers the self-paid figure at once.
    figure: { field: 'selfPaidFen' },
    // Confirmed: the computed figure is the answer. Not confirmed: it is asked next.
    derive: (yes, env) => ({ selfPaidFen: yes ? computedSelfPaidFen(env.answers) ?? undefined : undefined }),
    // The summary shows the amount, whichever way it was obtained.
    display: (_yes, env) =>
      typeof env.answers.selfPaidFen === 'number' ? formatMoney(env.lang, env.answers.selfPaidFen) : env.t('common.not_answered'),
  },
  amountQuestion({
    id: 'selfPaidFen',
    ask: 'apply.selfPaidFen.ask',
    topic: 'cost',
    // No label of its own: the summary line and "修改 自付" belong to the confirmation above.
    showIf: { field: 'selfPaidConfirmed', equals: false },
    selfPaid: true,
    allowZero: true,
    atMost: { field: 'totalCostFen', hint: 'apply.selfPaidFen.too_much' },
  }),
]);
