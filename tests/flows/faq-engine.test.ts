/**
 * Asking anywhere without losing one's place (engine/step.ts + flows/faq): questions mixed with
 * application answers at every kind of step, a valid answer always winning, the state left
 * exactly as it was, "全文" and numbered picks, 政策咨询 from the menu, and "什么意思" after a
 * status change.
 */
import { step } from '../../flows';
import type { CaseSummary, FlowContext, Inbound, SessionState, StepResult } from '../../flows';
import { t } from '../../flows/i18n';
import { illnessPath } from '../support/illness';
import { Chat, ID, makeCtx, NOW, PHONE, text } from './support';
import { FAQ_VIEWS, knowledge, offerOf } from './faq-support';

/** A chat whose context carries the knowledge and, like the server, remembers the offer a turn leaves. */
class FaqChat extends Chat {
  constructor(over: Partial<FlowContext> = {}, state: SessionState | null = null) {
    super(makeCtx({ knowledge: knowledge(), ...over }), state);
  }
  override send(...messages: (string | Inbound)[]): StepResult {
    let last!: StepResult;
    for (const m of messages) {
      last = super.send(m);
      const offer = offerOf(last.effects);
      if (offer !== undefined) this.ctx = { ...this.ctx, knowledge: { ...this.ctx.knowledge!, offer } };
    }
    return last;
  }
}

/** A recognisable line of an entry's answer (one without placeholders). */
function answerLine(key: string, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  const entry = FAQ_VIEWS.find((f) => f.key === key && f.lang === lang)!;
  const lines = entry.answer.split(/[\n。]/).filter((l) => !l.includes('{{') && l.trim().length >= 4);
  return lines[0].slice(0, 10);
}

const TO: Record<string, string[]> = {};
const VALID: Record<string, string> = {};
{
  // the illness application, step by step: the messages that reach a step, and a valid answer there
  const path: [string, string][] = [
    ['cause', '1'], ['name', '张三'], ['idNumber', ID], ['phone', PHONE], ['townCode', '1'], ['villageCode', '1'],
    ['householdSize', '4'], ['annualIncomeFen', '2万'], ['povertyAlleviated', '是'], ...illnessPath({ patient: '1' }),
    ['doc_hospital_bill', '跳过'], ['doc_discharge_summary', '跳过'], ['consentIncome', '同意'], ['consentPersonal', '同意'], ['summary', '确认'],
  ];
  let sofar = ['你好', '1'];
  for (const [id, answer] of path) {
    TO[id] = sofar;
    VALID[id] = answer;
    sofar = [...sofar, answer];
  }
}

/** [step, what the villager types, expected]: 'answer' (a valid answer: the step moves on), an FAQ key, 'none', or 'hint' (the step's own hint). */
const MIXED: [string, string, string][] = [
  ['cause', '要什么材料', 'documents'],
  ['cause', '1', 'answer'],
  ['cause', '因病', 'answer'],
  ['name', '标准是多少', 'income-line'],
  ['name', '表准是多少？', 'income-line'],
  ['name', '张三', 'answer'],
  ['name', '王大妈', 'hint'], // a way of calling someone: the step asks for the name on the ID card (issue 10)
  ['name', '今天天气怎么样', 'none'],
  ['idNumber', '报消了还能申请吗', 'after-reimbursement'],
  ['idNumber', '身份证号会不会公开', 'privacy'],
  ['idNumber', ID, 'answer'],
  ['idNumber', '公示', 'publicity'], // no question mark, but the entry's own word
  ['idNumber', '好的', 'hint'], // sounds like nothing in particular: the step's hint
  ['phone', PHONE, 'answer'],
  ['phone', '138 1234 5678', 'answer'],
  ['phone', '公示会写电话吗', 'privacy'],
  ['townCode', '东山镇', 'answer'],
  ['townCode', '审核要多久', 'how-long'],
  ['villageCode', '2', 'answer'],
  ['householdSize', '4', 'answer'],
  ['householdSize', '四口人', 'answer'],
  ['householdSize', '谁可以申请', 'who-can-apply'],
  ['annualIncomeFen', '三万二', 'answer'],
  ['annualIncomeFen', '3万2', 'answer'],
  ['annualIncomeFen', '32000', 'answer'],
  ['annualIncomeFen', '0', 'answer'],
  ['annualIncomeFen', '标准是多少', 'income-line'],
  ['annualIncomeFen', '收入超过标准还能申请吗', 'above-line'],
  ['annualIncomeFen', '不知道', 'hint'],
  ['povertyAlleviated', '是', 'answer'],
  ['povertyAlleviated', '不是', 'answer'],
  ['povertyAlleviated', '不晓得', 'hint'],
  ['povertyAlleviated', '三类户是什么', 'household-categories'],
  ['povertyAlleviated', '脱贫不稳定户啥意思', 'household-categories'],
  ['patient', '本人', 'answer'],
  ['illness', '脑梗', 'answer'],
  ['illness', '住院了要交什么材料', 'documents-illness'],
  ['hospital', '县人民医院', 'answer'],
  ['hospital', '公示几天', 'publicity'],
  ['totalCostFen', '五万', 'answer'],
  ['totalCostFen', '报销了还能申请吗', 'after-reimbursement'],
  ['reimbursedFen', '2万', 'answer'],
  ['reimbursedFen', '新农合报了还能申请不', 'after-reimbursement'],
  ['selfPaidConfirmed', '对', 'answer'],
  ['doc_hospital_bill', '跳过', 'answer'],
  ['doc_hospital_bill', '发票丢了怎么办', 'missing-documents'],
  ['consentIncome', '同意', 'answer'],
  ['consentIncome', '为什么要查我家存款', 'consent'],
  ['consentPersonal', '我的信息谁能看到', 'privacy'],
  ['summary', '公示几天', 'publicity'],
  ['summary', '修改 电话', 'answer'],
];

describe('a question in the middle of an application', () => {
  test.each(MIXED)('at %s, "%s" → %s', (at, said, expected) => {
    const chat = new FaqChat();
    chat.send(...TO[at]);
    expect(chat.state!.step).toBe(at);
    const before = JSON.stringify(chat.state);
    chat.send(said);
    if (expected === 'answer') {
      expect(JSON.stringify(chat.state)).not.toBe(before);
      expect(chat.said).not.toContain(t('zh-CN', 'faq.back_to_step'));
      return;
    }
    if (expected === 'hint') {
      // not a question, nothing confident: the step's own hint, counted as a miss
      expect(chat.state!.step).toBe(at);
      expect(chat.state!.misses).toBe(1);
      expect(chat.said).not.toContain(t('zh-CN', 'faq.back_to_step'));
      return;
    }
    // the state is exactly as it was: nothing but the replies happened
    expect(JSON.stringify(chat.state)).toBe(before);
    expect(chat.last.effects.every((e) => e.type === 'faq_offer')).toBe(true);
    if (expected === 'none') expect(chat.said).toContain(t('zh-CN', 'faq.none'));
    else expect(chat.said).toContain(answerLine(expected));
    // …and the question is asked again
    expect(chat.said).toContain(t('zh-CN', 'faq.back_to_step'));
    // the next valid answer continues exactly as if nothing had been asked
    chat.send(VALID[at]);
    const straight = new FaqChat();
    straight.send(...TO[at], VALID[at]);
    expect(chat.state).toEqual(straight.state);
  });

  test('"三万二" at an amount step is never taken as a question, even with a question mark', () => {
    for (const answer of ['三万二', '3万2', '三万二。', '大概三万二']) {
      const chat = new FaqChat();
      chat.send(...TO.annualIncomeFen, answer);
      expect(chat.at).toBe('apply/povertyAlleviated');
      expect(chat.state!.answers.annualIncomeFen).toBe(3_200_000);
    }
  });

  test('the income line is the village chosen in the application, before and after choosing it', () => {
    const chat = new FaqChat({ incomeLineFen: (v, y) => (y === 2025 ? (v === 'V12' ? 720000 : 600000) : null) });
    chat.send(...TO.townCode, '标准是多少');
    expect(chat.said).toContain('柳树村 720,000元'.replace('720,000', '7,200'));
    expect(chat.said).toContain('其他村 6,000元');
    chat.send('1', '2', '标准是多少');
    expect(chat.said).toContain('柳树村2025年的监测标准是：家庭人均纯收入每人每年7,200元');
  });

  test('unsure: the top candidates, picked with "问N" (a bare number is an answer here)', () => {
    const chat = new FaqChat();
    chat.send(...TO.householdSize);
    const before = JSON.stringify(chat.state);
    chat.send('那个申请呢');
    expect(chat.said).toContain(t('zh-CN', 'faq.unsure_title'));
    expect(chat.said).toContain('1. ');
    expect(chat.said).toContain('“问1”');
    expect(JSON.stringify(chat.state)).toBe(before);
    const offered = chat.ctx.knowledge!.offer!.faqs!;
    expect(offered.length).toBeGreaterThan(1);
    chat.send('问2');
    expect(chat.said).toContain(answerLine(offered[1]));
    expect(JSON.stringify(chat.state)).toBe(before);
    chat.send('2');
    expect(chat.state!.answers.householdSize).toBe(2);
  });

  test('"全文" shows the article with its figures filled in, then the question again', () => {
    const chat = new FaqChat();
    chat.send(...TO.name, '公示几天');
    expect(chat.said).toContain('全文');
    const before = JSON.stringify(chat.state);
    chat.send('全文');
    expect(chat.said).toContain('【公示和复核】');
    expect(chat.said).toContain('至少5天');
    expect(chat.said).not.toContain('{{');
    expect(chat.said).toContain(t('zh-CN', 'faq.back_to_step'));
    expect(JSON.stringify(chat.state)).toBe(before);
    // the offer lasted one message: now "全文" is just a name (a rare surname and one character: said back for a yes, issue 10)
    chat.send('全文');
    expect(chat.state!.pending?.patch).toEqual({ name: '全文' });
    chat.send('对');
    expect(chat.at).toBe('apply/idNumber');
  });

  test('an offer not taken is withdrawn with the next message', () => {
    const chat = new FaqChat();
    chat.send(...TO.name, '标准是多少');
    expect(chat.ctx.knowledge!.offer).toMatchObject({ full: 'income-line' });
    const r = chat.send('张三');
    expect(offerOf(r.effects)).toBeNull();
  });

  test('English, mid-application, in English', () => {
    const chat = new FaqChat();
    chat.send('hello', 'English', '1', '1');
    expect(chat.at).toBe('apply/name');
    const before = JSON.stringify(chat.state);
    chat.send('can i still apply after reimbursement?');
    expect(chat.said).toContain(answerLine('after-reimbursement', 'en'));
    expect(chat.said).toContain(t('en', 'faq.back_to_step'));
    expect(JSON.stringify(chat.state)).toBe(before);
    chat.send('what is the income line');
    expect(chat.said).toContain('differ by village: Dongshan Village 6,000 yuan; other villages not published yet');
  });
});

describe('at rest', () => {
  const menu = (): SessionState => ({ flow: 'menu', step: 'main', answers: {}, misses: 0, history: [], lang: 'zh-CN' });

  test('a new contact asking "标准是多少" gets the figure, not just the menu', () => {
    const chat = new FaqChat({ knownContact: false });
    chat.send('标准是多少');
    expect(chat.said).toContain('防贫助手');
    expect(chat.said).toContain('6,000元');
    expect(chat.said).toContain(t('zh-CN', 'faq.rest_hint'));
  });

  test('a first message that is not a question still gets the menu', () => {
    const chat = new FaqChat({ knownContact: false });
    chat.send('随便说点什么');
    expect(chat.said).toContain('1. 申请帮扶');
  });

  test('the household\'s village gives the figure after the application is filed', () => {
    const k = knowledge({ villageCode: 'V11' });
    const chat = new FaqChat({ knowledge: k, incomeLineFen: (v, y) => (y === 2025 ? (v === 'V11' ? 600000 : 500000) : null) }, menu());
    chat.send('收入标准是多少？');
    expect(chat.said).toContain('东山村2025年的监测标准是：家庭人均纯收入每人每年6,000元');
  });

  test('政策咨询 lists the topics; a number answers, "全文" shows the article', () => {
    const chat = new FaqChat({}, menu());
    chat.send('3');
    expect(chat.said).toContain(t('zh-CN', 'faq.menu_title'));
    expect(chat.said).toContain('1. 监测标准是多少？');
    expect(chat.at).toBe('menu/idle');
    chat.send('1');
    expect(chat.said).toContain('6,000元');
    chat.send('全文');
    expect(chat.said).toContain('【防止返贫监测：谁会被监测，标准是多少】');
    // nothing offered any more: "1" is the menu again
    chat.send('1');
    expect(chat.at).toBe('apply/cause');
  });

  test('without knowledge the menu keeps its built-in explanation', () => {
    const chat = new Chat(makeCtx(), menu());
    chat.send('3');
    expect(chat.said).toContain('【防止返贫帮扶】');
  });

  test('at the menu, a confident question without a question mark is answered; gibberish shows the menu', () => {
    const chat = new FaqChat({}, { ...menu(), step: 'idle' });
    chat.send('报销后还能申请');
    expect(chat.said).toContain(answerLine('after-reimbursement'));
    chat.send('啊啊啊');
    expect(chat.said).toContain('1. 申请帮扶');
  });
});

describe('"什么意思" after a status change', () => {
  const STATUSES = ['submitted', 'village_review', 'town_review', 'county_review', 'verification', 'assessment', 'publicity', 'approved', 'paid', 'returned', 'rejected', 'withdrawn'];
  const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
  const aCase = (status: string, over: Partial<CaseSummary> = {}): CaseSummary => ({
    caseNo: 'FP-2025-000007', cause: 'illness', status, submittedAt: hoursAgo(24 * 10), statusSince: hoursAgo(2),
    ...(status === 'returned' ? { missingItems: ['出院小结'], returnedFrom: 'town_review' } : {}), ...over,
  });
  const rest = (lang: 'zh-CN' | 'en' = 'zh-CN'): SessionState => ({ flow: 'menu', step: 'idle', answers: {}, misses: 0, history: [], lang });

  test.each(STATUSES.flatMap((s) => [[s, 'zh-CN'], [s, 'en']] as [string, 'zh-CN' | 'en'][]))('%s (%s): what it means and what to do', (status, lang) => {
    const chat = new FaqChat({ myCases: [aCase(status)] }, rest(lang));
    chat.send(lang === 'en' ? 'what does this mean?' : '什么意思');
    const said = chat.said;
    expect(said).toContain('FP-2025-000007');
    expect(said).toContain(t(lang, `status.${status}`));
    expect(said).toContain(t(lang, 'faq.explain.meaning', { text: '' }).trim());
    expect(said).toContain(t(lang, 'faq.explain.next', { text: '' }).trim());
    expect(said).not.toMatch(/\{\{|undefined/);
  });

  test('figures in the explanation come from the configured limits; a returned case names what is missing', () => {
    const chat = new FaqChat({ myCases: [aCase('verification')] }, rest());
    chat.send('这是啥意思');
    expect(chat.said).toContain('5个工作日');
    const k = knowledge({ limits: { ...knowledge().limits, village_review: { days: 4, working: false } } });
    const chat2 = new FaqChat({ myCases: [aCase('village_review')], knowledge: k }, rest());
    chat2.send('怎么办');
    expect(chat2.said).toContain('一般4天内有结果');
    const chat3 = new FaqChat({ myCases: [aCase('returned')] }, rest());
    chat3.send('什么意思？');
    expect(chat3.said).toContain('出院小结');
  });

  test('several open cases: which one? — then the number explains it', () => {
    const cases = [aCase('publicity', { caseNo: 'FP-2025-000009', statusSince: hoursAgo(100) }), aCase('town_review', { caseNo: 'FP-2025-000008', cause: 'education', statusSince: hoursAgo(200) })];
    const chat = new FaqChat({ myCases: cases }, rest());
    chat.send('什么意思');
    expect(chat.said).toContain(t('zh-CN', 'faq.explain.which', { n: 2 }));
    chat.send('2');
    expect(chat.said).toContain('FP-2025-000008');
    expect(chat.said).toContain(t('zh-CN', 'status.town_review'));
  });

  test('several open, one just changed: that one', () => {
    const cases = [aCase('publicity', { caseNo: 'FP-2025-000009', statusSince: hoursAgo(1) }), aCase('town_review', { caseNo: 'FP-2025-000008', statusSince: hoursAgo(200) })];
    const chat = new FaqChat({ myCases: cases }, rest());
    chat.send('什么意思');
    expect(chat.said).toContain('FP-2025-000009');
    expect(chat.said).not.toContain('FP-2025-000008');
  });

  test('in the middle of an application: the case that just changed, then the question again, the state untouched', () => {
    const chat = new FaqChat({ myCases: [aCase('approved', { caseNo: 'FP-2025-000003' })] });
    chat.send(...TO.householdSize);
    const before = JSON.stringify(chat.state);
    chat.send('什么意思');
    expect(chat.said).toContain('FP-2025-000003');
    expect(chat.said).toContain(t('zh-CN', 'faq.back_to_step'));
    expect(JSON.stringify(chat.state)).toBe(before);
  });

  test('in the middle of an application with no recent change: about the step ("怎么办" is help)', () => {
    const chat = new FaqChat({ myCases: [aCase('village_review', { statusSince: hoursAgo(24 * 10) })] });
    chat.send(...TO.consentIncome);
    chat.send('怎么办');
    expect(chat.said).toContain(t('zh-CN', 'consent.income.help'));
    chat.send('什么意思');
    expect(chat.said).toContain(t('zh-CN', 'consent.hint'));
  });

  test('a contact without a session who got a notice', () => {
    const r = step(null, text('什么意思'), makeCtx({ knowledge: knowledge(), myCases: [aCase('paid')] }));
    const said = r.replies.map((x) => x.text).join('\n');
    expect(said).toContain(t('zh-CN', 'status.paid'));
    expect(said).toContain('到账');
  });

  test('no case yet', () => {
    const chat = new FaqChat({}, rest());
    chat.send('什么意思');
    expect(chat.said).toContain(t('zh-CN', 'faq.explain.no_case'));
  });
});
