/**
 * The villager-question table: what villagers type (colloquial, misspelt by pinyin keyboards,
 * dialect-ish, English) → the FAQ entry of the default knowledge it must reach, or "none".
 * An expectation "unsure:<key>" would mean: a numbered list of candidates that holds <key>.
 * Questions mixed with application answers, mid-flow, are in faq-engine.test.ts.
 */
import { matchFaq } from '../../flows/faq';
import { FAQ_VIEWS } from './faq-support';

const TABLE: [string, string][] = [
  // plain and colloquial
  ["标准是多少", "income-line"],
  ["家里困难怎么办", "how-to-apply"],
  ["公示完多久发钱", "publicity"],
  ["标准是多少？", "income-line"],
  ["收入线多少", "income-line"],
  ["我们村的标准是多少钱", "income-line"],
  ["今年监测标准是多少", "income-line"],
  ["人均收入多少可以申请", "income-line"],
  ["收入多少能申请啊", "income-line"],
  ["收入超过标准了还能申请不", "above-line"],
  ["我家收入比标准高一点能申请吗", "above-line"],
  ["不是贫困户可以申请吗", "above-line"],
  ["谁能申请", "who-can-apply"],
  ["我家能不能申请", "who-can-apply"],
  ["边缘户是什么", "household-categories"],
  ["三类户是哪三类", "household-categories"],
  ["家里有人残疾能申请吗", "risk-causes"],
  ["生意亏了能申请不", "risk-causes"],
  ["怎么申请", "how-to-apply"],
  ["在哪里申请", "how-to-apply"],
  ["要多久", "how-long"],
  ["几天能批下来", "how-long"],
  ["多久有结果", "how-long"],
  ["怎么这么慢啊", "how-long"],
  ["要什么材料", "documents"],
  ["住院了要交什么材料", "documents-illness"],
  ["发票要不要", "documents-illness"],
  ["房子被水冲了要什么证明", "documents-disaster"],
  ["发票丢了怎么办", "missing-documents"],
  ["报销了还能申请吗", "after-reimbursement"],
  ["医保报了还能申请不", "after-reimbursement"],
  ["报销后能不能申请", "after-reimbursement"],
  ["为什么要查我家存款", "consent"],
  ["我的身份证号会公开吗", "privacy"],
  ["病情会不会被人知道", "privacy"],
  ["公示几天", "publicity"],
  ["被驳回了怎么复核", "recheck"],
  ["我觉得不公平", "recheck"],
  ["绿色通道是什么", "green-channel"],
  ["情况紧急能先帮吗", "green-channel"],
  ["怎么查进度", "progress"],
  ["我的申请到哪了", "progress"],
  ["能给多少钱", "amount"],
  ["能补多少", "amount"],
  ["有低保吗", "measures"],
  ["申请要交钱吗", "cost"],
  ["要不要送礼", "cost"],
  ["能帮我妈申请吗", "apply-for-others"],
  ["怎么撤回", "withdraw"],
  ["去年申请过今年还能申请吗", "reapply"],
  ["村干部电话多少", "contact-cadre"],
  ["看病花了十几万报销了一半还能申请吗", "after-reimbursement"],
  ["申请了多长时间能拿到钱", "how-long"],
  ["公示在哪看", "publicity"],
  ["我要复核", "recheck"],
  ["同意授权安全吗", "consent"],
  ["办这个收不收费", "cost"],
  ["监测户有哪几种", "household-categories"],
  ["报销完了自己还出了两万能申请不", "after-reimbursement"],
  ["申请流程", "how-to-apply"],
  ["撤回申请", "withdraw"],
  ["标准", "income-line"],
  ["今年的线是多少", "income-line"],
  ["人均多少钱以下算", "income-line"],
  ["家里六口人收入三万能申请不", "income-line"],
  ["我家算哪类", "household-categories"],
  ["出车祸了能申请不", "risk-causes"],
  ["没工作了可以申请吗", "risk-causes"],
  ["申请的步骤", "how-to-apply"],
  ["审核要几天", "how-long"],
  ["都半个月了还没消息", "how-long"],
  ["交哪些资料", "documents"],
  ["住院的发票要原件吗", "documents-illness"],
  ["孩子考上大学了要什么证明", "documents-education"],
  ["受灾了要拍什么照片", "documents-disaster"],
  ["新农合报销后还能申请不", "after-reimbursement"],
  ["大病保险报过了还能申请吗", "after-reimbursement"],
  ["别人会知道我生病吗", "privacy"],
  ["公示会写我电话吗", "privacy"],
  ["公示多少天", "publicity"],
  ["家里急用钱能快点吗", "green-channel"],
  ["我的申请批了没", "progress"],
  ["一般给多少", "amount"],
  ["能安排公益岗位不", "measures"],
  ["帮我爸申请行不行", "apply-for-others"],
  ["我不想申请了", "withdraw"],
  ["第二次申请可以吗", "reapply"],
  ["找个人问问", "contact-cadre"],
  // misspelt as pinyin keyboards do (homophones: 表准/标准, 报消/报销, 公式/公示, 复合/复核, 同道/通道, 低包/低保) and English typos
  ["表准是多少", "income-line"],
  ["报消了还能申请吗", "after-reimbursement"],
  ["what is the green chanel", "green-channel"],
  ["incom line", "income-line"],
  ["公式几天", "publicity"],
  ["复合怎么申请", "recheck"],
  ["绿色同道", "green-channel"],
  ["低包能办吗", "measures"],
  ["监侧标准是多少", "income-line"],
  ["出院小节丢了", "missing-documents"],
  ["进读怎么查", "progress"],
  ["撤会申请", "withdraw"],
  ["公事是啥", "publicity"],
  ["大病保线报了还能申请吗", "after-reimbursement"],
  ["边缘护是什么", "household-categories"],
  ["收入线是多少钱", "income-line"],
  // dialect-ish and very colloquial (咋, 啥, 俺, 娃, 好多 = 多少, 咋整)
  ["申请要啥条件", "who-can-apply"],
  ["脱贫不稳定户啥意思", "household-categories"],
  ["咋申请", "how-to-apply"],
  ["需要带啥资料", "documents"],
  ["生病要啥证明", "documents-illness"],
  ["娃上大学要什么材料", "documents-education"],
  ["授权是干啥的", "consent"],
  ["公示是啥", "publicity"],
  ["没通过咋办", "recheck"],
  ["俺家娃读书花了好多钱能申请不", "risk-causes"],
  ["标准线是好多", "income-line"],
  ["啥子是绿色通道", "green-channel"],
  ["我们这里的收入标准是好多钱", "income-line"],
  ["我不是建档立卡户也能申请嘛", "above-line"],
  ["啥人能申请这个", "who-can-apply"],
  ["俺够不够条件", "who-can-apply"],
  ["边缘易致贫户是啥", "household-categories"],
  ["手机上咋弄", "how-to-apply"],
  ["出院小结丢了咋整", "missing-documents"],
  ["查我家存款干嘛", "consent"],
  ["结果不服找谁", "recheck"],
  ["申诉怎么弄", "recheck"],
  ["干部要好处费咋办", "cost"],
  // English
  ["what is the income line", "income-line"],
  ["What documents do I need?", "documents"],
  ["how long does it take", "how-long"],
  ["can i still apply after reimbursement", "after-reimbursement"],
  ["who can see my information", "privacy"],
  ["how do I appeal", "recheck"],
  ["how much money will I get", "amount"],
  ["is it free", "cost"],
  ["my application was rejected", "recheck"],
  ["can I apply for my mother", "apply-for-others"],
  ["what papers for hospital", "documents-illness"],
  ["what's the poverty line", "income-line"],
  ["do we qualify", "who-can-apply"],
  ["what are the three categories", "household-categories"],
  ["how do i apply on my phone", "how-to-apply"],
  ["documents for illness", "documents-illness"],
  ["will my id number be shown", "privacy"],
  ["what is a public notice", "publicity"],
  ["i want to appeal", "recheck"],
  ["how much will we get", "amount"],
  ["do i need to pay a fee", "cost"],
  ["we applied last year can we apply again", "reapply"],
  // nothing to do with the policy: offer a cadre
  ["今天天气怎么样", "none"],
  ["你是谁", "none"],
  ["随便说点什么", "none"],
  ["hello how are you", "none"],
  ["我想吃饭", "none"],
];

function outcome(text: string): string {
  const m = matchFaq(text, FAQ_VIEWS);
  return m.kind === 'confident' ? m.key : m.kind === 'unsure' ? `unsure:${m.keys.join(',')}` : 'none';
}

test('the table is large enough and names only real entries', () => {
  expect(TABLE.length).toBeGreaterThanOrEqual(60);
  const keys = new Set(FAQ_VIEWS.map((f) => f.key));
  for (const [, expected] of TABLE) if (expected !== 'none') expect(keys).toContain(expected.replace(/^unsure:/, ''));
});

test.each(TABLE)('"%s" → %s', (text, expected) => {
  const got = outcome(text);
  if (expected.startsWith('unsure:')) {
    expect(got.startsWith('unsure:')).toBe(true);
    expect(got.slice(7).split(',')).toContain(expected.slice(7));
  } else {
    expect(got).toBe(expected);
  }
});

test('matching does not depend on the order of the entries', () => {
  const reversed = [...FAQ_VIEWS].reverse();
  for (const [text] of TABLE.slice(0, 20)) {
    const a = matchFaq(text, FAQ_VIEWS);
    const b = matchFaq(text, reversed);
    expect(b.kind).toBe(a.kind);
    if (a.kind === 'confident' && b.kind === 'confident') expect(b.key).toBe(a.key);
  }
});

test('a near tie is not guessed: up to three candidates are offered instead', () => {
  // "申请" alone: how to apply, apply again, apply for someone else…
  const m = matchFaq('申请', FAQ_VIEWS);
  expect(m.kind).toBe('unsure');
  if (m.kind === 'unsure') {
    expect(m.keys.length).toBeGreaterThan(1);
    expect(m.keys.length).toBeLessThanOrEqual(3);
    expect(m.keys).toContain('how-to-apply');
  }
  expect(matchFaq('', FAQ_VIEWS).kind).toBe('none');
  expect(matchFaq('！！', FAQ_VIEWS).kind).toBe('none');
});
