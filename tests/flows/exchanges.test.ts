/**
 * Exchanges of several turns, the way an elderly villager answers on a phone (issue 10, second
 * probe): replies to a value said back, folded questions answered by halves, corrections at the
 * summary, "上一步" and questions mid-way, the same message sent twice, English-speaking villagers.
 * Each case is labelled with what a patient village cadre would have stored at its end:
 *   stored   every answer the exchange changed, with its value (undefined: must not be stored);
 *   pending  a value said back and waiting for a yes (nothing stored for it yet);
 *   at       the question the chat stands at afterwards.
 * Beyond the label, no answer may change (0 wrong): the engine never stores a value the label does not allow.
 */
import type { Answers } from '../../flows/engine/flow';
import { Chat, ID, makeCtx, upload } from './support';
import { afterApplicant, APPLICANT_ANSWERS, toApplicant, type Msg } from './corpus/support';

interface Label {
  stored: Answers;
  pending?: Answers;
  at?: string;
  /** The application was filed with these answers (applicant and details together). */
  filed?: Answers;
}

const ID2 = '430524195803122011';
const AT_PATIENT = afterApplicant('1');
/** "县人民医院是县级医院，对吗？" waiting. */
const LEVEL_SAID = [...AT_PATIENT, '1', '脑梗 县人民医院'];
const AT_COST = [...LEVEL_SAID, '对'];
/** "按20,000元算，对吗？" waiting at the total. */
const ESTIMATE_SAID = [...AT_COST, '两万多'];
/** "自己付了约30,000元……对吗？" asked. */
const AT_SELF_PAID = [...AT_COST, '5万', '2万'];
const AT_HOUSEHOLD = toApplicant('householdSize');
/** "一共4口人，对吗？" waiting (people listed). */
const COUNT_SAID = [...AT_HOUSEHOLD, '我、老伴、儿子和儿媳'];
const AT_SUMMARY = [...AT_COST, '5万', '2万', '对', 'PHOTO', '好了', 'PHOTO', '好了', '同意', '同意'];
/** An opening that names the patient and the cost; both said back at their questions. */
const OPENED = ['我老伴住院花了三万二，想申请', ...Object.values(APPLICANT_ANSWERS)];
const OPENED_AT_COST = [...OPENED, '对', '王秀英', '脑梗 县人民医院', '对'];

const EN_AT_HOUSEHOLD = ['hello', '1', '1', `Zhang San ${ID}`, '13812345678', '1', '1'];
const EN_AT_PATIENT = [...EN_AT_HOUSEHOLD, '4', '20000', 'yes'];
const EN_AT_COST = [...EN_AT_PATIENT, '1', "stroke, County People's Hospital", 'yes'];

const LEVEL = { hospital: '县人民医院', illness: '脑梗' };
const COST = { totalCostFen: 5_000_000, reimbursedFen: 2_000_000 };

type Case = [name: string, reach: Msg[], sent: Msg[], label: Label, lang?: 'en'];

const CASES: Case[] = [
  // ---- replies to a value said back: hedged yes, a no in other words, a difference, a yes with the next answer
  ...['嗯', '中', '行', '对头', '是的吧', '差不多', '好像是', '应该是', '大概吧', '是这样'].flatMap((yes): Case[] => [
    [`level: "${yes}"`, LEVEL_SAID, [yes], { stored: { hospitalLevel: 'county' }, at: 'totalCostFen' }],
    [`estimate: "${yes}"`, ESTIMATE_SAID, [yes], { stored: { totalCostFen: 2_000_000 }, at: 'reimbursedFen' }],
    [`people counted: "${yes}"`, COUNT_SAID, [yes], { stored: { householdSize: 4 }, at: 'annualIncomeFen' }],
  ]),
  ['self-paid: "差不多"', AT_SELF_PAID, ['差不多'], { stored: { selfPaidConfirmed: true, selfPaidFen: 3_000_000 } }],
  ['self-paid: "少了" asks the figure', AT_SELF_PAID, ['少了'], { stored: { selfPaidConfirmed: false }, at: 'selfPaidFen' }],
  ['self-paid: "多了点" asks the figure', AT_SELF_PAID, ['多了点'], { stored: { selfPaidConfirmed: false }, at: 'selfPaidFen' }],
  ['self-paid: "再加五千" is 35,000, said back', AT_SELF_PAID, ['再加五千'], { stored: {}, pending: { selfPaidConfirmed: false, selfPaidFen: 3_500_000 } }],
  ['self-paid: the reimbursement sent again is said back, not stored', AT_SELF_PAID, ['2万'], { stored: {}, pending: { selfPaidFen: 2_000_000 } }],
  ['estimate: "记不清了" leaves the estimate waiting', ESTIMATE_SAID, ['记不清了'], { stored: { totalCostFen: undefined }, pending: { totalCostFen: 2_000_000 } }],
  ...['不太对', '不是这个数', '少了', '多了点'].map((no): Case => [`estimate: "${no}" stores nothing`, ESTIMATE_SAID, [no], { stored: { totalCostFen: undefined }, at: 'totalCostFen' }]),
  ['estimate: "再加五千" is 25,000, said back', ESTIMATE_SAID, ['再加五千'], { stored: {}, pending: { totalCostFen: 2_500_000 } }],
  ['estimate: "再加五千", then 对', ESTIMATE_SAID, ['再加五千', '对'], { stored: { totalCostFen: 2_500_000 }, at: 'reimbursedFen' }],
  ['estimate: "少说了五千"', ESTIMATE_SAID, ['少说了五千'], { stored: {}, pending: { totalCostFen: 2_500_000 } }],
  ['estimate: "多算了两千"', ESTIMATE_SAID, ['多算了两千'], { stored: {}, pending: { totalCostFen: 1_800_000 } }],
  ['estimate: "少了五千" (which way?) stores nothing', ESTIMATE_SAID, ['少了五千'], { stored: { totalCostFen: undefined }, pending: { totalCostFen: 2_000_000 } }],
  ['estimate: "是两万三不是两万"', ESTIMATE_SAID, ['是两万三不是两万'], { stored: { totalCostFen: 2_300_000 } }],
  ['estimate: "多了 一万八"', ESTIMATE_SAID, ['多了 一万八'], { stored: { totalCostFen: 1_800_000 } }],
  ['estimate: "对，报了五千" — the next answer too', ESTIMATE_SAID, ['对，报了五千'], { stored: { totalCostFen: 2_000_000, reimbursedFen: 500_000 }, at: 'selfPaidConfirmed' }],
  ['level: "对 花了5万" — the next answer too', LEVEL_SAID, ['对 花了5万'], { stored: { hospitalLevel: 'county', totalCostFen: 5_000_000 }, at: 'reimbursedFen' }],
  ['level: "是的，一共花了五万，报了两万"', LEVEL_SAID, ['是的，一共花了五万，报了两万'], { stored: { hospitalLevel: 'county', ...COST }, at: 'selfPaidConfirmed' }],
  ['level: "不对 是市里的医院"', LEVEL_SAID, ['不对 是市里的医院'], { stored: { hospitalLevel: 'city' } }],
  ['level: "1" where no list was shown stores nothing', LEVEL_SAID, ['1'], { stored: { hospitalLevel: undefined }, pending: { hospitalLevel: 'county' } }],
  ['level: the hospital sent again agrees', LEVEL_SAID, ['脑梗 县人民医院'], { stored: { hospitalLevel: 'county' }, at: 'totalCostFen' }],
  ['people counted: "不对 还有孙子 5个" is asked again', COUNT_SAID, ['不对 还有孙子 5个'], { stored: { householdSize: undefined }, at: 'householdSize' }],
  ['opening: "不对是我儿子"', OPENED, ['不对是我儿子'], { stored: { patient: 'family' }, pending: { patientRelation: '儿子' } }],
  ['opening: "不对是我儿子", then 对', OPENED, ['不对是我儿子', '对'], { stored: { patient: 'family', patientRelation: '儿子' }, at: 'patientName' }],
  ['opening: cost "差不多"', OPENED_AT_COST, ['差不多'], { stored: { totalCostFen: 3_200_000 }, at: 'reimbursedFen' }],
  ['opening: cost "不对是三万五"', OPENED_AT_COST, ['不对是三万五'], { stored: { totalCostFen: 3_500_000 }, at: 'reimbursedFen' }],
  ['opening: cost "对，报了一万"', OPENED_AT_COST, ['对，报了一万'], { stored: { totalCostFen: 3_200_000, reimbursedFen: 1_000_000 } }],
  ['opening: cost "少了" stores nothing', OPENED_AT_COST, ['少了'], { stored: { totalCostFen: undefined }, at: 'totalCostFen' }],

  // ---- folded questions answered by halves, either order
  ['name + ID: the ID first, then the name', toApplicant('name'), [ID2, '李桂兰'], { stored: { name: '李桂兰', idNumber: ID2 }, at: 'phone' }],
  ['name + ID: "身份证…", then "我叫李桂兰"', toApplicant('name'), [`身份证${ID2}`, '我叫李桂兰'], { stored: { name: '李桂兰', idNumber: ID2 }, at: 'phone' }],
  ['household + income: the income first', AT_HOUSEHOLD, ['一年两万', '4口'], { stored: { householdSize: 4, annualIncomeFen: 2_000_000 }, at: 'povertyAlleviated' }],
  ['household + income: "没有收入", then "3口"', AT_HOUSEHOLD, ['没有收入', '3口'], { stored: { householdSize: 3, annualIncomeFen: 0 } }],
  ['household + income: "两万" alone is the income', AT_HOUSEHOLD, ['两万'], { stored: { annualIncomeFen: 2_000_000, householdSize: undefined }, at: 'householdSize' }],
  ['illness + hospital: the hospital first', [...AT_PATIENT, '1'], ['县人民医院', '脑梗'], { stored: { ...LEVEL }, pending: { hospitalLevel: 'county' } }],
  ['cost + reimbursed: the reimbursement first', AT_COST, ['报了两万', '5万'], { stored: { ...COST }, at: 'selfPaidConfirmed' }],
  ['cost + reimbursed: in the other order', AT_COST, ['报了两万，总共花了五万'], { stored: { ...COST } }],
  ['cost + reimbursed: what the household paid is not the total', AT_COST, ['医保报了一万，自己掏了四万'], { stored: { reimbursedFen: 1_000_000, totalCostFen: undefined }, at: 'totalCostFen' }],

  // ---- the summary: corrections in villagers' words, several in one message, then 提交
  ['summary: "名字写错了是李桂兰", then 提交', AT_SUMMARY, ['名字写错了是李桂兰', '提交'], { stored: {}, filed: { name: '李桂兰' } }],
  ['summary: "人口不对5个"', AT_SUMMARY, ['人口不对5个'], { stored: { householdSize: 5 }, at: 'summary' }],
  ['summary: "医院改成市医院"', AT_SUMMARY, ['医院改成市医院'], { stored: { hospital: '市医院' } }],
  ['summary: "电话换了", then the number', AT_SUMMARY, ['电话换了', '13912345678'], { stored: { phone: '13912345678' }, at: 'summary' }],
  ['summary: two changes in one message', AT_SUMMARY, ['人口改成5，收入改成3万'], { stored: { householdSize: 5, annualIncomeFen: 3_000_000 }, at: 'summary' }],
  ['summary: a second change waiting behind a figure said back is not lost', AT_SUMMARY, ['收入改成两万多，人口改成5'], { stored: {}, pending: { annualIncomeFen: 2_000_000 } }],
  ['summary: "自己付的不对，是三万二"', AT_SUMMARY, ['自己付的不对，是三万二'], { stored: { selfPaidConfirmed: false, selfPaidFen: 3_200_000 }, at: 'summary' }],

  // ---- the way back, questions and photos mid-way, the same message twice
  ['上一步 at the reimbursement, a new total', [...AT_COST, '5万'], ['上一步', '6万', '2万'], { stored: { totalCostFen: 6_000_000, reimbursedFen: 2_000_000 }, at: 'selfPaidConfirmed' }],
  ['上一步 at the village, another town', toApplicant('villageCode'), ['上一步', '2', '桃园村'], { stored: { townCode: 'T2', villageCode: 'V22' } }],
  ['a question mid-way, then the answer', AT_COST, ['这个要钱吗', '5万'], { stored: { totalCostFen: 5_000_000 }, at: 'reimbursedFen' }],
  ['a photo at a text question, then the answer', AT_COST, ['PHOTO', '5万'], { stored: { totalCostFen: 5_000_000 }, at: 'reimbursedFen' }],
  ['"4" twice: the second is not 4 yuan of income', AT_HOUSEHOLD, ['4', '4'], { stored: { householdSize: 4 }, pending: { annualIncomeFen: 400 } }],
  ['"5万" twice: the reimbursement equal to the total is said back', AT_COST, ['5万', '5万'], { stored: { totalCostFen: 5_000_000 }, pending: { reimbursedFen: 5_000_000 } }],
  ['"对" twice: the second is not an illness', [...AT_PATIENT, '1'], ['脑梗', '对', '对'], { stored: { illness: '脑梗', hospital: undefined }, at: 'hospital' }],

  ['"对" is not a relation', [...AT_PATIENT, '2'], ['对'], { stored: { patientRelation: undefined }, at: 'patientRelation' }],
  ['"我孙女王小芳", then 对 to each fact, then 对 again: not an illness', AT_PATIENT, ['我孙女王小芳', '对', '对', '对'],
    { stored: { patient: 'family', patientRelation: '孙女', patientName: '王小芳', illness: undefined }, at: 'illness' }],
  ['因灾: the loss twice — a compensation equal to the loss is said back', [...afterApplicant('2'), '1', '2025-06-01'], ['3万', '3万'],
    { stored: { lossFen: 3_000_000 }, pending: { compensationFen: 3_000_000 } }],
  ['因灾: a month said back, "差不多"', [...afterApplicant('2'), '1'], ['上个月', '差不多'], { stored: { disasterDate: '2025-05' }, at: 'lossFen' }],
  ['因灾: "三万多", "再加五千", 对', [...afterApplicant('2'), '1', '2025-06-01'], ['三万多', '再加五千', '对'], { stored: { lossFen: 3_500_000 } }],
  ['因学: the cost twice — aid equal to the cost is said back', [...afterApplicant('3'), '王小明', '高二 县一中'], ['1万2', '1万2'],
    { stored: { educationCostFen: 1_200_000 }, pending: { aidFen: 1_200_000 } }],
  ['income "5" is said back, "不对，5万" corrects it', toApplicant('annualIncomeFen'), ['5', '不对，5万'], { stored: { annualIncomeFen: 5_000_000 }, at: 'povertyAlleviated' }],
  ['income "两万多", "再加三千"', toApplicant('annualIncomeFen'), ['两万多', '再加三千'], { stored: {}, pending: { annualIncomeFen: 2_300_000 } }],

  // ---- English-speaking villagers
  ['en: "2000 a month", yes', [...EN_AT_HOUSEHOLD, '4'], ['2000 a month', 'yes'], { stored: { annualIncomeFen: 2_400_000 } }, 'en'],
  ['en: "no, I paid 32000 myself" at the self-paid figure', [...EN_AT_COST, '50000', '20000'], ['no, I paid 32000 myself'], { stored: { selfPaidConfirmed: false, selfPaidFen: 3_200_000 } }, 'en'],
  ['en: name and ID in a sentence', ['hello', '1', '1'], [`My name is Li Guilan, ID ${ID2}`], { stored: { name: 'Li Guilan', idNumber: ID2 }, at: 'phone' }, 'en'],
  ['en: "ID: …" after the name', ['hello', '1', '1'], ['Li Guilan', `ID: ${ID2}`], { stored: { name: 'Li Guilan', idNumber: ID2 } }, 'en'],
  ['en: "4 people, 20000"', EN_AT_HOUSEHOLD, ['4 people, 20000'], { stored: { householdSize: 4, annualIncomeFen: 2_000_000 } }, 'en'],
  ['en: "five of us", then the income', EN_AT_HOUSEHOLD, ['five of us', '30000'], { stored: { householdSize: 5, annualIncomeFen: 3_000_000 } }, 'en'],
  ["en: the question's own example, \"4 people, 32000\"", EN_AT_HOUSEHOLD, ['4 people, 32000'], { stored: { householdSize: 4, annualIncomeFen: 3_200_000 } }, 'en'],
  ["en: the question's own example, \"cost 50000, paid back 20000\"", EN_AT_COST, ['cost 50000, paid back 20000'], { stored: { ...COST } }, 'en'],
  ['en: "3, no income"', EN_AT_HOUSEHOLD, ['3, no income'], { stored: { householdSize: 3, annualIncomeFen: 0 } }, 'en'],
  ['en: illness and hospital in one answer', [...EN_AT_PATIENT, '1'], ["lung cancer, County People's Hospital", 'yes'], { stored: { illness: 'lung cancer', hospital: "County People's Hospital", hospitalLevel: 'county' } }, 'en'],
  ['en: "yes" is not a hospital', [...EN_AT_PATIENT, '1', 'stroke'], ['yes'], { stored: { illness: 'stroke', hospital: undefined }, at: 'hospital' }, 'en'],
  ['en: "spent 50000, insurance paid 20000", then "that\'s right"', EN_AT_COST, ['spent 50000, insurance paid 20000', "that's right"], { stored: { ...COST, selfPaidConfirmed: true, selfPaidFen: 3_000_000 } }, 'en'],
  ['en: "about 50 thousand", then "nothing yet"', EN_AT_COST, ['about 50 thousand', 'nothing yet'], { stored: { totalCostFen: 5_000_000, reimbursedFen: 0 } }, 'en'],
];

const KEPT_BY_ENGINE = ['documents', 'consentAt'];
const toInbound = (m: Msg) => (m === 'PHOTO' ? upload() : m);

describe('exchanges of several turns (issue 10)', () => {
  // every row the same length: jest would pass its callback where a row is shorter
  test.each(CASES.map(([name, reach, sent, label, lang]) => [name, reach, sent, label, lang ?? 'zh-CN'] as const))('%s', (_name, reach, sent, label, lang) => {
    const chat = new Chat(makeCtx({ knownContact: false, lang }));
    chat.send(...reach.map(toInbound));
    const before: Answers = { ...(chat.state?.answers ?? {}) };
    chat.send(...sent.map(toInbound));
    if (label.filed) {
      const [filed] = chat.effectsOf('file_case');
      expect({ ...filed.application.applicant, ...filed.application.details }).toMatchObject(label.filed);
      return;
    }
    const after = chat.state!.answers;
    for (const [k, v] of Object.entries(label.stored)) expect([k, after[k]]).toEqual([k, v]);
    // nothing the label does not name has changed
    const others = (a: Answers) =>
      Object.fromEntries(Object.entries(a).filter(([k, v]) => v !== undefined && !(k in label.stored) && !KEPT_BY_ENGINE.includes(k)));
    expect(others(after)).toEqual(others(before));
    if (label.pending) expect(chat.state!.pending?.patch).toMatchObject(label.pending);
    else expect(chat.state!.pending).toBeUndefined();
    if (label.at) expect(chat.at).toBe(`apply/${label.at}`);
    // every reply stays short
    for (const r of chat.last.replies) expect(r.text.split('\n').length).toBeLessThanOrEqual(12);
  });

  test('a second change behind one said back is named, not dropped', () => {
    const chat = new Chat(makeCtx({ knownContact: false }));
    chat.send(...AT_SUMMARY.map(toInbound));
    chat.send('收入改成两万多，人口改成5');
    expect(chat.said).toContain('人口改成5');
  });
});
