/**
 * Issue 10, "hints that match what is accepted": an answer of another kind than the question asks
 * (a phone number at the ID question, an ID at the phone question, the card not at hand, a name
 * the villager cannot write, a place at a name question, two disasters, a school finished, why a
 * consent is asked) is re-asked with a hint naming what it looks like and what is asked — never a
 * generic "格式不对" or "没看懂" — and nothing is stored.
 */
import { t } from '../../flows/i18n';
import { afterApplicant, toApplicant } from './corpus/support';
import { Chat, makeCtx, upload } from './support';

const TO_CONSENT = [...afterApplicant('1'), '1', '脑梗', '县人民医院', '对', '5万', '2万', '对', 'PHOTO', '好了', 'PHOTO', '好了'];
const AT: Record<string, (string | 'PHOTO')[]> = {
  name: toApplicant('name'),
  idNumber: toApplicant('idNumber'),
  phone: toApplicant('phone'),
  patientName: [...afterApplicant('1'), '2', '母亲'],
  studentName: afterApplicant('3'),
  disasterKind: afterApplicant('2'),
  stage: [...afterApplicant('3'), '王小明'],
  consentIncome: TO_CONSENT,
  consentPersonal: [...TO_CONSENT, '同意'],
};

// question · what the villager typed (its kind in the comment) · the hint said, with its params
const CASES: [step: string, answer: string, hint: string, params?: Record<string, unknown>][] = [
  ['idNumber', '15987654321', 'heard.kind.phone_at_id'], // a phone number
  ['idNumber', '我手机号是 139 1234 5678', 'heard.kind.phone_at_id'],
  ['idNumber', '身份证没在身上，晚点发你', 'heard.kind.id_later'], // the card not at hand
  ['idNumber', '证在闺女那，找不到', 'heard.kind.id_later'],
  ['idNumber', '明天找到了再发', 'heard.kind.id_later'],
  ['phone', '430524195803122011', 'heard.kind.id_at_phone'], // an ID number
  ['phone', '身份证号41132519681120302X', 'heard.kind.id_at_phone'],
  ['name', '13724681357', 'heard.kind.phone_at_name'], // a phone number
  ['name', '名字不知道咋写', 'heard.kind.name_unsure'], // unsure how the name is written
  ['name', '东山村', 'heard.kind.place_at_name'], // a village of the county
  ['patientName', '忘了她身份证上是哪个字', 'heard.kind.name_unsure'],
  ['patientName', '柳树村', 'heard.kind.place_at_name'],
  ['studentName', '不晓得大名怎么写', 'heard.kind.name_unsure'],
  ['disasterKind', '先是冰雹后来又发大水', 'heard.disaster.two', { kinds: '洪涝、风雹' }], // two kinds
  ['disasterKind', '俺家遭灾了', 'heard.disaster.which'], // a disaster, not which
  ['stage', '高中毕业了', 'heard.stage.which_now'], // a school finished
  ['consentIncome', '为什么要查我家的存款', 'consent.income.help'], // why the check
  ['consentIncome', '查收入干啥呀', 'consent.income.help'],
  ['consentPersonal', '我的身份证号会不会被泄露', 'consent.personal.help'],
];

describe('a re-ask fits the kind of answer typed', () => {
  // a loop, not test.each: jest 30 hung before running any test of this table through test.each
  for (const [step, answer, hint, params] of CASES) test(`at ${step}, "${answer}" → ${hint}`, () => {
    const chat = new Chat(makeCtx({ knownContact: false }));
    chat.send(...AT[step].map((m) => (m === 'PHOTO' ? upload() : m)));
    expect(chat.at).toBe(`apply/${step}`);
    const before = JSON.stringify(chat.state!.answers);
    chat.send(answer);
    expect(chat.at).toBe(`apply/${step}`);
    expect(JSON.stringify(chat.state!.answers)).toBe(before);
    expect(chat.state!.pending).toBeUndefined();
    const said = t('zh-CN', hint, params);
    expect(said).not.toBe(hint);
    expect(chat.said.split('\n')[0]).toBe(said.split('\n')[0]);
  });
});
