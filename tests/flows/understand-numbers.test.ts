/**
 * Issue 10, numbers and yes/no through the engine: realistic answers at every question that takes
 * a figure, a count or a yes/no, each labelled
 *   understood X  stored as X, the next question asked;
 *   confirm X     nothing stored, X said back and pending — stored only after "对";
 *   ask-again     nothing stored, nothing pending, the question again with its example.
 * Then the confirm protocol itself (yes / the figure repeated / a correction / a no / unclear),
 * answers the FAQ must leave to the question, and what is said after a sticker or a voice message.
 */
import { currentQuestion } from '../../flows';
import { t } from '../../flows/i18n';
import { illnessTyped } from '../support/illness';
import { applicant, Chat, DISASTER_ANSWERS, EDUCATION_ANSWERS, makeCtx, upload } from './support';
import { knowledge } from './faq-support';

type Label = { understood: unknown } | { confirm: unknown } | 'ask-again';
const understood = (value: unknown): Label => ({ understood: value });
const confirm = (value: unknown): Label => ({ confirm: value });
const ASK_AGAIN: Label = 'ask-again';
const yuan = (n: number) => n * 100;

/** The messages that reach each step (illness: 5万 total, 2万 reimbursed → 30,000 self-paid). */
const illness = (until: string) => [...applicant('1'), ...illnessTyped({ patient: '1', totalCostFen: '5万', reimbursedFen: '2万' }, { until })];
const REACH: Record<string, string[]> = {
  householdSize: applicant('1').slice(0, 8),
  annualIncomeFen: applicant('1').slice(0, 9),
  povertyAlleviated: applicant('1').slice(0, 10),
  totalCostFen: illness('totalCostFen'),
  reimbursedFen: illness('reimbursedFen'),
  selfPaidConfirmed: illness('selfPaidConfirmed'),
  lossFen: [...applicant('2'), ...DISASTER_ANSWERS.slice(0, 2)],
  compensationFen: [...applicant('2'), ...DISASTER_ANSWERS.slice(0, 2), '3万'],
  educationCostFen: [...applicant('3'), ...EDUCATION_ANSWERS.slice(0, 3)],
  aidFen: [...applicant('3'), ...EDUCATION_ANSWERS.slice(0, 3), '1万2'],
};

/** Where a step's answer is stored (the self-paid confirmation stores the figure it settles). */
const FIELD: Record<string, string> = { selfPaidConfirmed: 'selfPaidFen' };

function at(step: string): Chat {
  const chat = new Chat();
  chat.send(...REACH[step]);
  expect(chat.at).toBe(`apply/${step}`);
  return chat;
}

const TABLE: [string, string, Label][] = [
  // 家庭人口
  ['householdSize', '俺家4口人', understood(4)],
  ['householdSize', '一家五口', understood(5)],
  ['householdSize', '五口人', understood(5)],
  ['householdSize', '老两口', understood(2)],
  ['householdSize', '就我一个', understood(1)],
  ['householdSize', '我一个人', understood(1)],
  ['householdSize', '我和老伴', understood(2)],
  ['householdSize', '三个人', understood(3)],
  ['householdSize', '家里六口', understood(6)],
  ['householdSize', '我、老伴和儿子', confirm(3)],
  ['householdSize', '三四口', ASK_AGAIN],
  ['householdSize', '人不少', ASK_AGAIN],
  // 去年家庭纯收入 (yearly: a monthly figure is confirmed ×12)
  ['annualIncomeFen', '没有收入', understood(0)],
  ['annualIncomeFen', '一年一万二', understood(yuan(12000))],
  ['annualIncomeFen', '打工挣了三万', understood(yuan(30000))],
  ['annualIncomeFen', '大概3万块钱吧', understood(yuan(30000))],
  ['annualIncomeFen', '一个月两千', confirm(yuan(24000))],
  ['annualIncomeFen', '两万多', confirm(yuan(20000))],
  ['annualIncomeFen', '两三万', confirm(yuan(25000))],
  ['annualIncomeFen', '很多', ASK_AGAIN],
  ['annualIncomeFen', '看病花了三万', ASK_AGAIN],
  ['annualIncomeFen', '一天一百', ASK_AGAIN],
  // 脱贫户
  ['povertyAlleviated', '是这样', understood(true)],
  ['povertyAlleviated', '嗯嗯', understood(true)],
  ['povertyAlleviated', '以前是', understood(true)],
  ['povertyAlleviated', '建档立卡过', understood(true)],
  ['povertyAlleviated', '不是脱贫户', understood(false)],
  ['povertyAlleviated', '不是，我们是一般户', understood(false)],
  ['povertyAlleviated', '一般户', understood(false)],
  ['povertyAlleviated', '不晓得', ASK_AGAIN],
  ['povertyAlleviated', '不是，以前是', ASK_AGAIN],
  // 医疗总费用
  ['totalCostFen', '花了三万二', understood(yuan(32000))],
  ['totalCostFen', '住院半个月花了两万', understood(yuan(20000))],
  ['totalCostFen', '三万来块', confirm(yuan(30000))],
  ['totalCostFen', '一万出头', confirm(yuan(10000))],
  ['totalCostFen', '花了小两万', confirm(yuan(20000))],
  ['totalCostFen', '总共花了五万，报了三万三', understood(yuan(50000))], // both asked at once: the reimbursement too (corpus)
  ['totalCostFen', '报了一万', ASK_AGAIN], // the next question answered early: not the total
  ['totalCostFen', '没花钱', ASK_AGAIN],
  ['totalCostFen', '好几万', ASK_AGAIN],
  // 已报销
  ['reimbursedFen', '报了一万', understood(yuan(10000))],
  ['reimbursedFen', '医保报了一万二', understood(yuan(12000))],
  ['reimbursedFen', '没报销', understood(0)],
  ['reimbursedFen', '还没报', understood(0)],
  ['reimbursedFen', '一分没报', understood(0)],
  ['reimbursedFen', '还没有', understood(0)],
  ['reimbursedFen', '一万二三', confirm(yuan(12500))],
  ['reimbursedFen', '总共花了五万，报了一万', confirm(yuan(10000))],
  ['reimbursedFen', '总共五万，报了一万', ASK_AGAIN],
  ['reimbursedFen', '报了六万', ASK_AGAIN], // more than the total
  // 自付 (computed 30,000 and confirmed)
  ['selfPaidConfirmed', '对的', understood(yuan(30000))],
  ['selfPaidConfirmed', '没错', understood(yuan(30000))],
  ['selfPaidConfirmed', '30000', understood(yuan(30000))], // the bot's own figure repeated
  ['selfPaidConfirmed', '不对，自己掏了两万', understood(yuan(20000))],
  ['selfPaidConfirmed', '两万八', understood(yuan(28000))],
  ['selfPaidConfirmed', '不对，两万多', confirm(yuan(20000))],
  ['selfPaidConfirmed', '差不多吧', understood(yuan(30000))], // a hedged yes agrees with a figure said back
  ['selfPaidConfirmed', '2万', confirm(yuan(20000))], // the reimbursement's figure again: said back, not stored
  ['selfPaidConfirmed', '再加五千', confirm(yuan(35000))], // a difference from the figure said back
  // 因灾
  ['lossFen', '房子塌了损失三万', understood(yuan(30000))],
  ['lossFen', '三万多', confirm(yuan(30000))],
  ['lossFen', '不记得', ASK_AGAIN],
  ['lossFen', '再加五千', ASK_AGAIN], // a difference, with nothing said before it to add to
  ['compensationFen', '保险赔了五千', understood(yuan(5000))],
  ['compensationFen', '啥也没有', understood(0)],
  ['compensationFen', '民政给了两千多', confirm(yuan(2000))],
  // 因学 (the cost is yearly)
  ['educationCostFen', '一年学费五千', understood(yuan(5000))],
  ['educationCostFen', '一个月生活费八百', confirm(yuan(9600))],
  ['educationCostFen', '一万来块', confirm(yuan(10000))],
  ['aidFen', '助学金2000', understood(yuan(2000))],
  ['aidFen', '民政给了2000', understood(yuan(2000))],
  ['aidFen', '没给', understood(0)],
  ['aidFen', '两千多', confirm(yuan(2000))],
  ['aidFen', '有一些', ASK_AGAIN],
];

describe('numbers, counts and yes/no at every question', () => {
  test.each(TABLE)('at %s, "%s" → %j', (step, answer, label) => {
    const chat = at(step);
    const field = FIELD[step] ?? step;
    chat.send(answer);
    const answers = chat.state!.answers;
    if (label === ASK_AGAIN) {
      expect(chat.at).toBe(`apply/${step}`);
      expect(answers[field]).toBeUndefined();
      expect(chat.state!.pending).toBeUndefined();
      return;
    }
    if ('understood' in label) {
      expect(answers[field]).toEqual(label.understood);
      expect(chat.state!.pending).toBeUndefined();
      expect(chat.at).not.toBe(`apply/${step}`);
      return;
    }
    // confirm: nothing stored, the value said back and waiting
    expect(chat.at).toBe(`apply/${step}`);
    expect(answers[field]).toBeUndefined();
    expect(chat.state!.pending?.patch[field]).toEqual(label.confirm);
    expect(chat.said).toMatch(/对吗？$/);
    chat.send('对');
    expect(chat.state!.answers[field]).toEqual(label.confirm);
    expect(chat.state!.pending).toBeUndefined();
  });

  test('counts of the table by label', () => {
    const n = (p: (l: Label) => boolean) => TABLE.filter(([, , l]) => p(l)).length;
    const counts = { understood: n((l) => typeof l === 'object' && 'understood' in l), confirm: n((l) => typeof l === 'object' && 'confirm' in l), askAgain: n((l) => l === ASK_AGAIN) };
    expect(counts.understood).toBeGreaterThanOrEqual(15);
    expect(counts.confirm).toBeGreaterThanOrEqual(15);
    expect(counts.askAgain).toBeGreaterThanOrEqual(15);
  });
});

describe('the confirm protocol', () => {
  /** At the total cost, "两万多" said: 20,000 said back and pending. */
  function pendingTotal(): Chat {
    const chat = at('totalCostFen');
    chat.send('两万多');
    expect(chat.said).toBe('按20,000元算，对吗？');
    expect(chat.state!.pending).toMatchObject({ step: 'totalCostFen', patch: { totalCostFen: 2_000_000 } });
    expect(chat.state!.answers.totalCostFen).toBeUndefined();
    return chat;
  }

  test.each(['对', '对的', '嗯', '嗯嗯', '没问题', '可以', '行', '是的呀', '对，就按这个算'])('a yes ("%s") stores it and moves on', (yes) => {
    const chat = pendingTotal();
    chat.send(yes);
    expect(chat.state!.answers.totalCostFen).toBe(2_000_000);
    expect(chat.at).toBe('apply/reimbursedFen');
  });

  test.each(['两万', '20000', '2万', '对，两万'])('the same figure repeated ("%s") is a yes', (same) => {
    const chat = pendingTotal();
    chat.send(same);
    expect(chat.state!.answers.totalCostFen).toBe(2_000_000);
    expect(chat.at).toBe('apply/reimbursedFen');
  });

  test.each([
    ['不对，两万二', 2_200_000],
    ['不对两万二', 2_200_000],
    ['两万二', 2_200_000],
    ['不是两万，是两万五', 2_500_000],
  ])('a correction in the same message ("%s") is stored', (said, fen) => {
    const chat = pendingTotal();
    chat.send(said);
    expect(chat.state!.answers.totalCostFen).toBe(fen);
    expect(chat.state!.pending).toBeUndefined();
    expect(chat.at).toBe('apply/reimbursedFen');
  });

  test.each([
    ['再加五千', 2_500_000],
    ['不对，少说了五千', 2_500_000],
    ['多算了两千', 1_800_000],
  ])('a difference from the figure said back ("%s") is worked out and said back again', (said, fen) => {
    const chat = pendingTotal();
    chat.send(said);
    expect(chat.state!.answers.totalCostFen).toBeUndefined();
    expect(chat.state!.pending?.patch).toEqual({ totalCostFen: fen });
    chat.send('对');
    expect(chat.state!.answers.totalCostFen).toBe(fen);
  });

  test.each(['少了五千', '还差两千'])('a difference whose direction is unclear ("%s") stores nothing', (said) => {
    const chat = pendingTotal();
    chat.send(said);
    expect(chat.state!.answers.totalCostFen).toBeUndefined();
    expect(chat.at).toBe('apply/totalCostFen');
  });

  test('"不对，自己掏了两万三": the household\'s part is not the total — nothing stored, asked again', () => {
    const chat = pendingTotal();
    chat.send('不对，自己掏了两万三');
    expect(chat.state!.answers.totalCostFen).toBeUndefined();
    expect(chat.at).toBe('apply/totalCostFen');
  });

  test('a correction that is itself approximate is confirmed again', () => {
    const chat = pendingTotal();
    chat.send('不对，三万多');
    expect(chat.said).toBe('按30,000元算，对吗？');
    expect(chat.state!.answers.totalCostFen).toBeUndefined();
    expect(chat.state!.pending?.patch).toEqual({ totalCostFen: 3_000_000 });
    chat.send('对');
    expect(chat.state!.answers.totalCostFen).toBe(3_000_000);
  });

  test.each(['不对', '不是', '不太对', '错了'])('a no alone ("%s") asks the question again with its example', (no) => {
    const chat = pendingTotal();
    chat.send(no);
    expect(chat.at).toBe('apply/totalCostFen');
    expect(chat.state!.pending).toBeUndefined();
    expect(chat.state!.answers.totalCostFen).toBeUndefined();
    expect(chat.said).toContain(t('zh-CN', 'understand.confirm.again'));
    expect(chat.said).toContain('例如：5万 或 50000');
    chat.send('25000');
    expect(chat.state!.answers.totalCostFen).toBe(2_500_000);
  });

  test.each(['啥', '今天下雨了', '两万多'])('an unclear reply ("%s") asks the confirmation again in one line', (unclear) => {
    const chat = pendingTotal();
    chat.send(unclear);
    expect(chat.last.replies).toHaveLength(1);
    expect(chat.said).not.toContain('\n');
    expect(chat.said).toContain('按20,000元算，对吗？');
    expect(chat.state!.pending?.patch).toEqual({ totalCostFen: 2_000_000 });
    expect(chat.state!.answers.totalCostFen).toBeUndefined();
    expect(chat.state!.misses).toBe(1);
  });

  test('three unclear replies offer a cadre, and the value still waits', () => {
    const chat = pendingTotal();
    chat.send('啥', '嗯？', '什么');
    expect(chat.said).toContain(t('zh-CN', 'engine.offer_handover'));
    chat.send('对');
    expect(chat.state!.answers.totalCostFen).toBe(2_000_000);
  });

  test('the range and the monthly figure are said back with what was said', () => {
    const range = at('reimbursedFen');
    range.send('一万二三');
    expect(range.said).toBe('12,000元到13,000元之间，按中间的12,500元算，对吗？');
    const monthly = at('annualIncomeFen');
    monthly.send('一个月两千');
    expect(monthly.said).toBe('一个月2,000元，一年按24,000元算，对吗？');
    const picked = at('reimbursedFen');
    picked.send('总共花了五万，报了一万');
    expect(picked.said).toBe('您说了50,000元和10,000元，这一项按10,000元算，对吗？');
  });

  test('the stored answer brings the notes it brings when typed exactly (per-capita income)', () => {
    const chat = at('annualIncomeFen');
    chat.send('一个月两千', '对');
    expect(chat.said).toContain('人均纯收入约6,000元（24,000元 ÷ 4人）');
  });

  test('commands keep the pending value: 帮助, English, a greeting; 上一步 drops it', () => {
    const chat = pendingTotal();
    chat.send('帮助');
    expect(chat.said).toContain('按20,000元算，对吗？');
    chat.send('English');
    expect(chat.said).toContain('Shall I count it as 20,000 yuan?');
    chat.send('中文', '你好');
    expect(chat.said).toContain('按20,000元算，对吗？');
    chat.send('yes');
    expect(chat.state!.answers.totalCostFen).toBe(2_000_000);

    const back = pendingTotal();
    back.send('上一步');
    expect(back.at).toBe('apply/hospitalLevel');
    expect(back.state!.pending).toBeUndefined();
  });

  test('a limit is checked before anything is said back, and on a correction', () => {
    const chat = at('reimbursedFen'); // total 50,000
    chat.send('六万多');
    expect(chat.said).toContain('不能比总费用（50,000元）多');
    expect(chat.state!.pending).toBeUndefined();
    chat.send('两万多');
    expect(chat.state!.pending?.patch).toEqual({ reimbursedFen: 2_000_000 });
    chat.send('不对，六万');
    expect(chat.said).toContain('不能比总费用（50,000元）多');
    expect(chat.state!.pending).toBeUndefined();
    expect(chat.state!.answers.reimbursedFen).toBeUndefined();
  });

  test('a photo or a voice message while a value waits: the confirmation again', () => {
    const chat = pendingTotal();
    chat.send(upload('audio'));
    expect(chat.said).toContain('按20,000元算，对吗？');
    chat.send(upload('image'));
    expect(chat.said).toContain('按20,000元算，对吗？');
    expect(chat.state!.pending?.patch).toEqual({ totalCostFen: 2_000_000 });
  });

  test('a pending value never outlives its step: editing from the summary asks afresh', () => {
    const chat = at('totalCostFen');
    chat.send('两万多', '上一步', '2');
    expect(chat.at).toBe('apply/totalCostFen');
    expect(chat.state!.pending).toBeUndefined();
    expect(chat.said).not.toContain('对吗');
  });

  test('in English', () => {
    const chat = at('totalCostFen');
    chat.send('English', '两万多');
    expect(chat.said).toBe('Shall I count it as 20,000 yuan?');
    chat.send('no');
    expect(chat.said).toContain(t('en', 'understand.confirm.again'));
    chat.send('一个月两千');
    expect(chat.state!.pending).toBeUndefined(); // a total is not monthly: asked again
  });
});

describe('yes/no hints in the words of the question', () => {
  test('对吗 → 对/不对; 是不是 → 是/不是', () => {
    const selfPaid = at('selfPaidConfirmed');
    selfPaid.send('看情况');
    expect(selfPaid.said).toContain('“对”');
    expect(selfPaid.said).toContain('“不对”');
    expect(selfPaid.said).not.toContain('“不是”');
    const poverty = at('povertyAlleviated');
    poverty.send('看情况');
    expect(poverty.said).toContain('“是”或“不是”');
  });
});

describe('answers are not policy questions', () => {
  const faqChat = (step: string) => {
    const chat = new Chat(makeCtx({ knowledge: knowledge() }));
    chat.send(...REACH[step]);
    return chat;
  };

  test.each([
    ['reimbursedFen', '没报销', 0],
    ['reimbursedFen', '还没有', 0],
    ['reimbursedFen', '新农合报了一万', 1_000_000],
    ['povertyAlleviated', '不是，我们是一般户', false],
    ['povertyAlleviated', '以前是', true],
  ])('at %s, "%s" is the answer', (step, said, value) => {
    const chat = faqChat(step);
    chat.send(said);
    expect(chat.state!.answers[step]).toBe(value);
    expect(chat.said).not.toContain(t('zh-CN', 'faq.back_to_step'));
  });

  test('an answer refused for what it says ("还没有" where 0 is not allowed) gets the question\'s hint, not the FAQ', () => {
    const chat = faqChat('totalCostFen');
    chat.send('还没有');
    expect(chat.said).toContain(t('zh-CN', 'parse.zero'));
    expect(chat.said).not.toContain(t('zh-CN', 'faq.back_to_step'));
  });

  test('a question while a value waits is answered, then the confirmation is asked again', () => {
    const chat = faqChat('totalCostFen');
    chat.send('两万多');
    const before = JSON.stringify(chat.state);
    chat.send('报销了还能申请吗');
    expect(chat.said).toContain(t('zh-CN', 'faq.back_to_step'));
    expect(chat.said).toContain('按20,000元算，对吗？');
    expect(JSON.stringify(chat.state)).toBe(before);
  });
});

describe('off-path messages repeat the question', () => {
  test('a sticker (never seen by the engine): the current question, or the confirmation waiting', () => {
    const chat = at('totalCostFen');
    expect(currentQuestion(chat.state, chat.ctx)).toContain('一共花了多少钱');
    chat.send('两万多');
    expect(currentQuestion(chat.state, chat.ctx)).toBe('按20,000元算，对吗？');
    expect(currentQuestion(null, chat.ctx)).toBeNull();
  });

  test('a voice message mid-application: its explanation, then the question', () => {
    const chat = at('householdSize');
    chat.send(upload('audio'));
    expect(chat.said).toContain(t('zh-CN', 'media.voice'));
    expect(chat.said).toContain('几口人');
  });
});
