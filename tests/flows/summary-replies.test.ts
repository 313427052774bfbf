/**
 * Issue 10, the summary: realistic replies to it, each labelled
 *   submit          the case is filed;
 *   edit X to V     X is stored as V from that one message, and the summary is shown again;
 *   confirm X as V  V is understood only approximately: said back at X, stored after "对";
 *   ask X           X's question is asked (with the previous answer), nothing stored yet;
 *   which           one line asking what to change; nothing stored, no miss;
 *   re-ask          one line saying what to reply; nothing stored, a miss.
 * Nothing is filed unless the label says submit, and no answer changes but the one the label names.
 */
import { atSummary, Chat, makeCtx, upload } from './support';
import { illnessTyped } from '../support/illness';
import type { Answers } from '../../flows/engine/flow';

type Label =
  | 'submit'
  | { edit: string; to: unknown }
  | { confirm: string; as: unknown }
  | { ask: string }
  | 'which'
  | 're-ask';

const edit = (field: string, to: unknown): Label => ({ edit: field, to });
const confirmAs = (field: string, as: unknown): Label => ({ confirm: field, as });
const ask = (step: string): Label => ({ ask: step });

/** A second valid ID number (GB 11643 check digit 3). */
const OTHER_ID = '440304199001011233';

const REPLIES: [string, Label][] = [
  // a yes in the words villagers use
  ['确认', 'submit'],
  ['对的', 'submit'],
  ['对', 'submit'],
  ['没问题', 'submit'],
  ['提交吧', 'submit'],
  ['对的，提交吧', 'submit'],
  ['嗯', 'submit'],
  ['可以', 'submit'],
  ['好了', 'submit'],
  ['都对，提交', 'submit'],
  ['确认无误', 'submit'],
  ['好的谢谢', 'submit'],
  ['没问题，提交吧。', 'submit'],
  ['嗯嗯，对的', 'submit'],
  ['OK', 'submit'],
  // an item named with its new value, in one message
  ['电话错了 改成13912345678', edit('phone', '13912345678')],
  ['名字写错了，是李桂兰', edit('name', '李桂兰')],
  ['改一下人口，5口', edit('householdSize', 5)],
  ['手机号不对，应该是13912345678', edit('phone', '13912345678')],
  ['修改电话13912345678', edit('phone', '13912345678')],
  ['不对，电话错了，是13912345678', edit('phone', '13912345678')],
  ['电话号码错了，改成13912345678，其他都对', edit('phone', '13912345678')],
  ['那个电话打错了 13912345678', edit('phone', '13912345678')],
  ['人口写错了，是5个人', edit('householdSize', 5)],
  ['家里人口填错了，一家五口', edit('householdSize', 5)],
  ['收入改成1万5', edit('annualIncomeFen', 1_500_000)],
  [`身份证号输错了 ${OTHER_ID}`, edit('idNumber', OTHER_ID)],
  ['医院错了，是市人民医院', edit('hospital', '市人民医院')],
  ['病写错了，是脑出血', edit('illness', '脑出血')],
  ['脱贫户填错了，不是', edit('povertyAlleviated', false)],
  ['村错了，是柳树村', edit('villageCode', 'V12')],
  ['医院级别不对，是市级', edit('hospitalLevel', 'city')],
  ['自付的不对，自己掏了两万五', edit('selfPaidFen', 2_500_000)],
  ['电话改一下，13912345678', edit('phone', '13912345678')],
  ['手机号换了，现在是13912345678', edit('phone', '13912345678')],
  ['户主名字写错了，是李桂兰', edit('name', '李桂兰')],
  ['医院错了，不是县医院，是市人民医院', edit('hospital', '市人民医院')],
  ['错了错了，电话是13912345678', edit('phone', '13912345678')],
  // issue 10 (probe 13 kind): a new value without an edit word — the item it names, or the one figure question reading it
  ['家里其实就3口人', edit('householdSize', 3)],
  ['俺们家是五口人', edit('householdSize', 5)],
  ['家里6口人', edit('householdSize', 6)],
  // …understood only approximately: said back first, like at the question itself
  ['收入写错了，大概两万多', confirmAs('annualIncomeFen', 2_000_000)],
  // an item named without a value, or with one that cannot be the item's own: its question
  ['电话错了', ask('phone')],
  ['修改 名字', ask('name')],
  ['医院写错了', ask('hospital')],
  ['电话号码改一下', ask('phone')],
  ['我老伴的名字写错了，是王秀英', ask('name')],
  ['名字错了，是小芳', ask('name')],
  ['电话错了 改成1391234567', ask('phone')],
  ['修改 材料', ask('doc_hospital_bill')],
  // something is wrong, but what?
  ['不对', 'which'],
  ['有错', 'which'],
  ['有个地方不对', 'which'],
  ['修改', 'which'],
  ['改一下', 'which'],
  ['错了', 'which'],
  ['对，但是有一项错了', 'which'],
  ['改成13912345678', 'which'],
  ['等一下', 'which'],
  ['先不提交', 'which'],
  // not understood: one line
  ['嗯？？', 're-ask'],
  ['啥', 're-ask'],
  ['13912345678', 're-ask'],
  ['我再想想办法', 're-ask'],
  ['修改 银行卡', 're-ask'],
  ['有', 're-ask'],
];

/** The answers but the ones an edit may change with `field` (what depends on it). */
function without(a: Answers, ...fields: string[]): Answers {
  return Object.fromEntries(Object.entries(a).filter(([k]) => !fields.includes(k)));
}

const DEPENDS: Record<string, string[]> = {
  selfPaidFen: ['selfPaidConfirmed'],
  householdSize: [],
};

describe('a reply to the summary of a clean 因病 application', () => {
  test('the table is large enough', () => {
    expect(REPLIES.length).toBeGreaterThanOrEqual(25);
  });

  test.each(REPLIES)('"%s" → %j', (reply, label) => {
    const chat = atSummary('illness');
    const before = chat.state!.answers;
    const r = chat.send(reply);
    const lines = r.replies.map((x) => x.text.split('\n').length);
    const filed = chat.effectsOf('file_case');
    if (label === 'submit') {
      expect(filed).toHaveLength(1);
      expect(chat.at).toBe('menu/idle');
      return;
    }
    expect(filed).toEqual([]);
    if (label === 'which' || label === 're-ask') {
      expect(chat.at).toBe('apply/summary');
      expect(chat.state!.answers).toEqual(before);
      expect(lines).toEqual([1]);
      expect(chat.said).not.toContain('请核对');
      expect(chat.state!.misses).toBe(label === 're-ask' ? 1 : 0);
      return;
    }
    if ('edit' in label) {
      expect(chat.state!.answers[label.edit]).toEqual(label.to);
      expect(without(chat.state!.answers, label.edit, ...(DEPENDS[label.edit] ?? []))).toEqual(without(before, label.edit, ...(DEPENDS[label.edit] ?? [])));
      // back at the summary, shown once more, short
      expect(chat.at).toBe('apply/summary');
      expect(chat.state!.returnTo).toBeUndefined();
      expect(chat.said).toContain('请核对您填的内容');
      expect(Math.max(...lines)).toBeLessThanOrEqual(12);
      chat.send('确认');
      expect(chat.effectsOf('file_case')).toHaveLength(1);
      return;
    }
    // nothing stored yet
    expect(chat.state!.answers).toEqual(before);
    if ('confirm' in label) {
      expect(chat.at).toBe(`apply/${label.confirm}`);
      expect(chat.state!.pending?.patch).toEqual({ [label.confirm]: label.as });
      chat.send('对');
      expect(chat.state!.answers[label.confirm]).toEqual(label.as);
      expect(chat.at).toBe('apply/summary');
      return;
    }
    expect(chat.at).toBe(`apply/${label.ask}`);
    expect(chat.state!.returnTo).toBe('summary');
  });
});

describe('after an edit', () => {
  test('"电话错了" alone: the phone is asked at once, then the summary again', () => {
    const chat = atSummary('illness');
    chat.send('电话错了');
    expect(chat.said).toContain('手机号');
    expect(chat.said).toContain('13812345678'); // the previous answer, shown
    chat.send('13912345678');
    expect(chat.at).toBe('apply/summary');
    expect(chat.said).toContain('手机号：13912345678');
    chat.send('对的，提交吧');
    expect(chat.effectsOf('file_case')[0].application.applicant.phone).toBe('13912345678');
  });

  test('a changed amount re-asks what depends on it before the summary', () => {
    const chat = atSummary('illness');
    chat.send('已报销的改成3万');
    expect(chat.state!.answers.reimbursedFen).toBe(3_000_000);
    expect(chat.at).toBe('apply/selfPaidConfirmed');
    expect(chat.said).toContain('约20,000元'); // 50,000 − 30,000
    chat.send('对');
    expect(chat.at).toBe('apply/summary');
    expect(chat.said).toContain('自付金额：20,000元');
  });

  test('a changed town asks the village, then the summary', () => {
    const chat = atSummary('illness');
    chat.send('乡镇错了，是西河乡');
    expect(chat.state!.answers.townCode).toBe('T2');
    expect(chat.at).toBe('apply/villageCode');
    chat.send('桃园村');
    expect(chat.at).toBe('apply/summary');
    expect(chat.said).toContain('村：桃园村');
  });

  test('an approximate household size is said back, stored on a yes', () => {
    const chat = atSummary('illness');
    chat.send('人口不对，我、老伴、儿子和儿媳');
    expect(chat.at).toBe('apply/householdSize');
    expect(chat.state!.answers.householdSize).toBe(4);
    expect(chat.state!.pending?.patch).toEqual({ householdSize: 4 });
    chat.send('对');
    expect(chat.at).toBe('apply/summary');
  });

  test('a refused value leaves the villager at the item, and the next answer returns to the summary', () => {
    const chat = atSummary('illness');
    chat.send('电话错了 改成1391234567');
    expect(chat.state!.misses).toBe(1);
    expect(chat.said).toContain('11位');
    chat.send('13912345678');
    expect(chat.at).toBe('apply/summary');
    expect(chat.state!.answers.phone).toBe('13912345678');
  });

  test('"我老伴的名字…": the applicant\'s name is not overwritten without its question', () => {
    const chat = atSummary('illness');
    chat.send('我老伴的名字写错了，是王秀英');
    expect(chat.state!.answers.name).toBe('张三');
    expect(chat.said).toContain('申请人叫什么名字');
  });

  test('the patient\'s name, when a family member is ill, is its own item', () => {
    const chat = new Chat(makeCtx());
    chat.send('你好', '1', '1', '张三', '11010519491231002X', '13812345678', '1', '1', '4', '2万', '是');
    chat.send('2');
    expect(chat.at).toBe('apply/patientRelation');
    chat.send('老伴');
    expect(chat.at).toBe('apply/patientName');
    chat.send('王秀英', ...illnessTyped({}, { from: 'illness' }), upload(), '好了', upload(), '好了', '同意', '同意');
    expect(chat.at).toBe('apply/summary');
    chat.send('病人名字写错了，是王秀兰');
    expect(chat.state!.answers).toMatchObject({ name: '张三', patientName: '王秀兰' });
    expect(chat.at).toBe('apply/summary');
  });

  test('English: "phone is wrong, it\'s …" and "change household size to 5"', () => {
    const chat = new Chat();
    chat.send('hello', 'English', '1', 'illness', 'Li Ming', '11010519491231002X', '13812345678', 'Dongshan Town', 'Liushu Village', '3', '15000', 'no');
    chat.send(...illnessTyped({ patient: '1', illness: 'stroke', hospital: 'County Hospital', totalCostFen: '50000', reimbursedFen: '0', selfPaidConfirmed: 'yes' }));
    chat.send(upload(), 'done', 'skip', 'agree', 'agree');
    expect(chat.at).toBe('apply/summary');
    chat.send("phone is wrong, it's 13912345678");
    expect(chat.state!.answers.phone).toBe('13912345678');
    chat.send('change household size to 5');
    expect(chat.state!.answers.householdSize).toBe(5);
    expect(chat.said).toContain('Please check your answers');
    chat.send('what?');
    expect(chat.last.replies).toHaveLength(1);
    expect(chat.said.split('\n')).toHaveLength(1);
    chat.send('yes');
    expect(chat.effectsOf('file_case')).toHaveLength(1);
  });
});
