/**
 * Who applies and the household: name, ID number, phone, town and village, household size,
 * last year's net income (then the per-capita figure), and whether it is a 脱贫户.
 */
import { parseIdNumber, parsePhone } from '../parse';
import { fromParse, type ChoiceOption, type StepDef, type StepEnv, type StepOutcome } from '../engine/flow';
import { soundsLike } from '../parse/place-sound';
import { formatMoney } from '../i18n/format';
import { amountQuestion, nameQuestion } from './fields';
import { perCapitaText } from './precheck';
import { checkHouseholdSize } from './understood';
import { splitHouseholdIncome, splitNameId, splitTownVillage } from './folds';
import { phoneFact, withoutPhone } from './facts';
import { townByName, villageByName } from './place-read';
import { otherKindHint } from './wrong-kind';

function regionOption(r: { code: string; name: string; nameEn?: string }, env: StepEnv): ChoiceOption {
  return { id: r.code, text: env.lang === 'en' && r.nameEn ? r.nameEn : r.name, labels: [r.name, ...(r.nameEn ? [r.nameEn] : [])] };
}

/** A place heard by its sound: "您说的是柳树村吗？" */
function placeSaidBack(patch: Record<string, string>, name: string): StepOutcome {
  return { kind: 'confirm', patch, ask: { key: 'heard.place.sounds_like', params: { name } } };
}

/** "人均约 X 元", said after the income and again whenever the household size changes. */
function perCapitaNote(env: StepEnv): string[] {
  const perCapita = perCapitaText(env);
  if (perCapita === null) return [];
  return [
    env.t('apply.annualIncomeFen.per_capita', {
      perCapita,
      income: formatMoney(env.lang, env.answers.annualIncomeFen as number),
      size: env.answers.householdSize,
    }),
  ];
}

export const applicantSteps: StepDef[] = [
  nameQuestion({
    id: 'name',
    ask: 'apply.name.ask',
    label: 'apply.name.label',
    editWords: ['姓名', '名字', '申请人', 'name'],
    group: 'applicant',
    // copied from the ID card: the name and the number in one answer
    fold: { with: 'idNumber', ask: (env) => env.t('heard.fold.name_id'), split: splitNameId },
    // "李桂兰 13812345678": the phone said with the name, said back at its question
    more: (text) => phoneFact(text),
  }),
  {
    kind: 'question',
    id: 'idNumber',
    field: 'idNumber',
    label: 'apply.idNumber.label',
    editWords: ['身份证', '身份证号', '身份证号码', '证件号', 'id', 'id number', 'id card'],
    ask: (env) => env.t('apply.idNumber.ask'),
    // "11010519491231002X 电话13812345678": the ID read without the phone, the phone said back at its question
    // (the number as a whole first: "110105 19491231 002X" holds no phone)
    parse: (text, env) => {
      const whole = parseIdNumber(text, env.ctx.now);
      const read = fromParse(whole.ok ? whole : parseIdNumber(withoutPhone(text), env.ctx.now));
      // a phone number, or the card not at hand: said what it looks like, not "格式不对"
      return read.ok ? read : (otherKindHint(text, env, 'idNumber') ?? read);
    },
    more: (text, env) => (parseIdNumber(text, env.ctx.now).ok ? [] : phoneFact(text)),
    display: (v) => String(v),
  },
  {
    kind: 'question',
    id: 'phone',
    field: 'phone',
    label: 'apply.phone.label',
    editWords: ['电话', '手机', '手机号', '电话号码', '手机号码', '号码', 'phone', 'mobile', 'phone number'],
    ask: (env) => env.t('apply.phone.ask'),
    parse: (text, env) => {
      const read = fromParse(parsePhone(text));
      return read.ok ? read : (otherKindHint(text, env, 'phone') ?? read);
    },
    display: (v) => String(v),
  },
  {
    kind: 'choice',
    id: 'townCode',
    field: 'townCode',
    label: 'apply.townCode.label',
    // The village is chosen inside the town, so "修改 村" starts from the town.
    editWords: ['乡镇', '镇', '乡', '村', '村子', '地址', '住址', 'town', 'village', 'address'],
    clears: ['villageCode'],
    region: 'town',
    ask: (env) => env.t('apply.townCode.ask'),
    options: (env) => env.ctx.towns.map((town) => regionOption(town, env)),
    // "冬山镇" for 东山镇, "桃源村" for 桃园村: a place typed by its sound, said back for a yes
    read: (text, env) => {
      // "桃园", "就是东山那边": a place by part of its name or vaguely (place-read.ts)
      const named = townByName(text, env);
      if (named) return named;
      const towns = soundsLike(text, env.ctx.towns);
      const villages = env.ctx.towns.flatMap((t) => soundsLike(text, t.villages).map((v) => ({ town: t, village: v })));
      // the town asked: a town heard wins over a village of the same sound (冬山 → 东山镇, not 东山村)
      if (towns.length === 1) return placeSaidBack({ townCode: towns[0].code }, towns[0].name);
      if (towns.length === 0 && villages.length === 1) {
        const { town, village } = villages[0];
        return placeSaidBack({ townCode: town.code, villageCode: village.code }, village.name);
      }
      return null;
    },
    // "柳树村": the village says its town, both are taken
    fold: {
      with: 'villageCode',
      ask: (env) => {
        const v = env.ctx.towns[0]?.villages[0];
        return env.t('heard.fold.town_village', { village: (env.lang === 'en' && v?.nameEn) || v?.name || '' });
      },
      split: splitTownVillage,
    },
  },
  {
    kind: 'choice',
    id: 'villageCode',
    field: 'villageCode',
    label: 'apply.villageCode.label',
    region: 'village',
    // "村子选错了，是柳树村": 村 names the town's item too; with a village's name it is this one (summary.ts)
    editWords: ['村', '村子', '哪个村', 'village'],
    uses: ['townCode'],
    ask: (env) => env.t('apply.villageCode.ask'),
    options: (env) =>
      (env.ctx.towns.find((town) => town.code === env.answers.townCode)?.villages ?? []).map((v) => regionOption(v, env)),
    // "刘树村" for 柳树村: said back for a yes
    read: (text, env) => {
      const named = villageByName(text, env);
      if (named) return named;
      const found = soundsLike(text, env.ctx.towns.find((town) => town.code === env.answers.townCode)?.villages ?? []);
      return found.length === 1 ? placeSaidBack({ villageCode: found[0].code }, found[0].name) : null;
    },
  },
  {
    kind: 'question',
    id: 'householdSize',
    field: 'householdSize',
    label: 'apply.householdSize.label',
    group: 'household',
    editWords: ['人口', '几口人', '家庭人口', '人数', '口人', 'household', 'household size', 'people', 'size'],
    ask: (env) => env.t('apply.householdSize.ask'),
    // "4", "一家五口", "老两口", "就我一个"; people listed ("我、老伴和儿子") are counted and confirmed.
    parse: (text) => checkHouseholdSize(text),
    notes: perCapitaNote,
    // "4口人，一年两万": the household and its income in one answer
    fold: { with: 'annualIncomeFen', ask: (env) => env.t('heard.fold.household_income'), split: splitHouseholdIncome },
    display: (v, env) => env.t('apply.householdSize.display', { n: v }),
  },
  amountQuestion({
    id: 'annualIncomeFen',
    ask: 'apply.annualIncomeFen.ask',
    topic: 'income',
    per: 'year',
    label: 'apply.annualIncomeFen.label',
    editWords: ['收入', '纯收入', '年收入', '家庭收入', '一年收入', '挣的', 'income'],
    allowZero: true,
    notes: perCapitaNote,
  }),
  {
    kind: 'yesno',
    id: 'povertyAlleviated',
    field: 'povertyAlleviated',
    label: 'apply.povertyAlleviated.label',
    editWords: ['脱贫户', '脱贫', '贫困户', 'poverty', 'formerly poor'],
    ask: (env) => env.t('apply.povertyAlleviated.ask'),
    // The question explains 脱贫户 as 以前建档立卡的贫困户: answers in those words count.
    // and by what only a 脱贫户 has: "2016年建的档", "有扶贫手册", "有明白卡"
    yesMarks: ['脱贫', '脱的贫', '贫困户', '建档立卡', '建档', '建过档', '建的档', '建了档', '以前是', '原来是', '之前是', '是过', '评上', '评过', '扶贫手册', '帮扶手册', '明白卡', '扶贫卡'],
    noMarks: ['一般户', '普通户', '普通农户', '一般农户', '以前不是', '原来不是', '之前不是'],
    // 低保 and 五保 are other schemes: "评上了低保" says nothing of 脱贫户
    otherThan: { words: ['低保', '五保', '特困', 'dibao'], unless: ['脱贫', '贫困', '建档', '扶贫', '明白卡'], hint: 'heard.poverty.other_scheme' },
    hint: 'understand.yesno.shi',
    display: (v, env) => env.t(v ? 'common.yes' : 'common.no'),
  },
];
