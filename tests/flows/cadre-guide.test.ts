/**
 * The guided exchanges, as tables: a kind of exchange, then what the cadre answers and what must
 * come back — the next question (with a hint after a bad answer), the move to make, or the end.
 * Played through the cadre step (flows/cadre/step.ts), the exchange started by the command that
 * starts it; the state goes through JSON between turns, as the server stores it.
 */
import { parseComingDay } from '../../flows/cadre/day';
import { interruptsGuide } from '../../flows/cadre/exchange';
import { parseCadreCommand } from '../../flows/cadre/commands';
import { parseMeasures } from '../../flows/cadre/fields';
import type { CadreTurn, FieldId, Guide, GuideCtx, GuideKind, GuideSubmit } from '../../flows/cadre/types';
import { OWNER_ROLES, type CaseStatus } from '../../flows/workflow';
import { cadre, caseTarget, factsAt, send, text, VERIFIERS, viewOf } from '../cadre/support';

const NOW = new Date('2026-07-20T02:00:00Z'); // Monday 20 July, 10:00 in China
const C: GuideCtx = { lang: 'zh-CN', now: NOW, publicityMinDays: 5 };
const CASE = 'FP-2026-000007';

/** An answer and what the reply must contain; or, last, the move the exchange submits (or 'end'). */
type Step = [answer: string, expect: string | string[]];
type Script = { kind: GuideKind; from: string; note?: string; options?: typeof VERIFIERS; first: string; steps: Step[]; result: GuideSubmit | { end: string } };

/** The command that starts each exchange ("通过" for the approving moves). */
function command(s: Script): string {
  const verb = s.kind === 'fast_approve' ? '绿色通道' : s.kind === 'reject' ? '驳回' : s.kind === 'return' ? '退回' : '通过';
  return [verb, CASE, s.note ?? ''].join(' ').trim();
}

/** The case at the exchange's status, a notice long over; the cadre whose step it is (the county for the green channel). */
function viewFor(s: Script, ctx: GuideCtx) {
  const from = s.from as CaseStatus;
  const actor = cadre(s.kind === 'fast_approve' ? 'county' : OWNER_ROLES[from][0]!);
  const facts = factsAt(from, { publicityEnd: from === 'publicity' ? new Date('2026-07-10T00:00:00+08:00') : null });
  return viewOf(actor, caseTarget(facts, { verifiers: s.options ?? [] }), { lang: ctx.lang, now: ctx.now, publicityMinDays: ctx.publicityMinDays });
}

function play(s: Script, ctx: GuideCtx = C): CadreTurn {
  const view = viewFor(s, ctx);
  let turn = send(null, text(command(s)), view);
  expect(turn.state.step === 'guide' && turn.replies.join('\n')).toContain(s.first);
  for (const [answer, expected] of s.steps) {
    if (turn.state.step !== 'guide') throw new Error(`the exchange ended before "${answer}"`);
    turn = send(turn.state, text(answer), view);
    const said = turn.replies.join('\n');
    for (const e of Array.isArray(expected) ? expected : [expected]) {
      if (e === '') continue;
      expect({ answer, said: said.includes(e) ? e : said }).toEqual({ answer, said: e });
    }
  }
  return turn;
}

/** The move an exchange asked for, as performTransition takes it (none: it ended). */
function submitted(turn: CadreTurn): GuideSubmit | null {
  const moves = turn.effects.filter((e) => e.type === 'transition');
  expect(moves.length).toBeLessThanOrEqual(1);
  const m = moves[0];
  return m && m.type === 'transition' ? { action: m.action, note: m.note, data: m.data } : null;
}

const scripts: [string, Script][] = [
  [
    'county review: pick the verifier',
    {
      kind: 'assign_verifier', from: 'county_review', options: VERIFIERS, first: '1. 人保核查员（清溪县）\n2. 太保核查员（青山镇）\n请回复数字 1 到 2。',
      steps: [['3', '没有这个选项'], ['第二个', '核查员：太保核查员（青山镇）'], ['确认', '']],
      result: { action: 'approve', note: '', data: { verifierId: 'v2' } },
    },
  ],
  [
    'verification: four figures',
    {
      kind: 'verification', from: 'verification', note: '已入户', first: '核实的家庭年纯收入',
      steps: [
        ['很多', '没看懂这个数字'],
        ['三万二', '几人'],
        ['四十', '请回复 1 到 30 之间的数'],
        ['五口', '刚性支出'],
        ['2万2', '核查结论'],
        ['有出入', ['核实年纯收入：32,000元', '核实人口：5人', '核实刚性支出：22,000元', '核查结论：与申报不一致', '备注：已入户']],
        ['是', ''],
      ],
      result: { action: 'approve', note: '已入户', data: { verifiedIncomeFen: 3_200_000, verifiedMembers: 5, verifiedExpenseFen: 2_200_000, outcome: 'differs' } },
    },
  ],
  [
    'assessment: dates offered, a too short notice refused',
    {
      kind: 'assessment', from: 'assessment', first: '村级评议结果',
      steps: [
        ['同意', '参加评议'],
        ['三十', '从今天（2026年7月20日）开始'],
        ['7月10日', '这个日期已经过了'],
        ['明天', '到2026年7月25日结束'],
        ['7月24日', '公示至少要到2026年7月25日'],
        ['7月31日', ['评议结果：同意', '参会人数：30人', '公示开始：2026年7月21日', '公示结束：2026年7月31日']],
        ['确认', ''],
      ],
      result: { action: 'approve', note: '', data: { result: 'agreed', attendance: 30, publicityStart: '2026-07-21', publicityEnd: '2026-07-31' } },
    },
  ],
  [
    'assessment not agreed: the exchange ends with how to reject',
    { kind: 'assessment', from: 'assessment', first: '村级评议结果', steps: [['2', `驳回 ${CASE} 原因`]], result: { end: '驳回' } },
  ],
  [
    'decision: amount, category, several measures',
    {
      kind: 'decision', from: 'publicity', first: '救助金额',
      steps: [
        ['0', '大于 0'],
        ['五千', '认定为哪一类'],
        ['边缘户', '帮扶措施'],
        ['1 3 99', '没看懂「99」'],
        ['135', ['救助金额：5,000元', '户类：边缘易致贫户', '帮扶措施：低保、医疗救助、防贫保险金']],
        ['确认', ''],
      ],
      result: { action: 'approve', note: '', data: { amountFen: 500_000, category: 'marginal', measures: ['dibao', 'medical_aid', 'insurance_payout'] } },
    },
  ],
  [
    'payment: reference and date (past allowed, future not)',
    {
      kind: 'payment', from: 'approved', first: '发放凭证号',
      steps: [
        ['ZF-2026-001', '哪天发放'],
        ['2026-07-25', '还没到'],
        ['昨天', ['发放凭证号：ZF-2026-001', '发放日期：2026年7月19日']],
        ['确认', ''],
      ],
      result: { action: 'approve', note: '', data: { paymentRef: 'ZF-2026-001', paidOn: '2026-07-19' } },
    },
  ],
  [
    'green channel with the reason given in the command',
    {
      kind: 'fast_approve', from: 'town_review', note: '重病住院', first: '救助金额',
      steps: [['8000', ''], ['3', ''], ['2', ['原因：重病住院', '帮扶措施：临时救助']], ['确认', '']],
      result: { action: 'fast_approve', note: '重病住院', data: { amountFen: 800_000, category: 'sudden_hardship', measures: ['temporary_relief'] } },
    },
  ],
  [
    'green channel without a reason asks for it first',
    {
      kind: 'fast_approve', from: 'county_review', first: '走绿色通道的原因',
      steps: [['家中失火', '救助金额'], ['1万', ''], ['3', ''], ['1', '原因：家中失火'], ['确认', '']],
      result: { action: 'fast_approve', note: '家中失火', data: { amountFen: 1_000_000, category: 'sudden_hardship', measures: ['dibao'] } },
    },
  ],
  ['reject: the reason', { kind: 'reject', from: 'village_review', first: '驳回的原因', steps: [['收入超过标准', '']], result: { action: 'reject', note: '收入超过标准', data: {} } }],
  ['return: the items', { kind: 'return', from: 'town_review', first: '缺哪些材料', steps: [['诊断证明、户口本', '']], result: { action: 'return', note: '', data: { items: ['诊断证明', '户口本'] } } }],
  [
    'declining at the check drops everything',
    { kind: 'payment', from: 'approved', first: '发放凭证号', steps: [['A1', ''], ['好', ''], ['不', '已放弃']], result: { end: '已放弃' } },
  ],
];

test.each(scripts)('%s', (_name, script) => {
  const turn = play(script);
  if ('end' in script.result) {
    expect([turn.state.step, turn.effects]).toEqual(['idle', []]);
  } else {
    expect(turn.state.step).toBe('idle');
    expect(submitted(turn)).toEqual(script.result);
  }
});

test('the exchange speaks English to an English-speaking cadre', () => {
  const turn = play(
    { kind: 'decision', from: 'publicity', first: 'What amount', steps: [['5000', 'Which category'], ['2', 'Which assistance'], ['1 3', 'Measures: minimum living allowance (低保), medical aid'], ['confirm', '']], result: { end: '' } },
    { ...C, lang: 'en' },
  );
  expect(submitted(turn)).not.toBeNull();
});

describe('an exchange says how many answers it asks, and asks that many (the count is read from the move’s schema)', () => {
  /** An answer each field takes. */
  const ANSWER: Partial<Record<FieldId, string>> = {
    verifiedIncomeFen: '3万', verifiedMembers: '4', verifiedExpenseFen: '2万', outcome: '1',
    result: '1', attendance: '30', publicityStart: '好', publicityEnd: '好',
    amountFen: '5000', category: '1', measures: '1', paymentRef: 'A1', paidOn: '好',
  };
  const COUNT = { 'zh-CN': /共(\d+)项/, en: /: (\d+) items/ } as const;
  test.each([
    ['verification', 'verification'],
    ['assessment', 'assessment'],
    ['decision', 'publicity'],
    ['payment', 'approved'],
  ] as const)('%s', (kind, from) => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const view = viewFor({ kind, from, first: '', steps: [], result: { end: '' } }, { ...C, lang });
      let turn = send(null, text(`通过 ${CASE}`), view);
      const said = COUNT[lang].exec(turn.replies.join('\n'));
      let asked = 0;
      while (turn.state.guide && turn.state.guide.step !== 'confirm') {
        const field = turn.state.guide.step;
        turn = send(turn.state, text(ANSWER[field]!), view);
        expect(turn.state.guide?.step).not.toBe(field); // taken
        asked += 1;
      }
      expect(turn.state.guide?.step).toBe('confirm');
      expect([lang, Number(said?.[1])]).toEqual([lang, asked]);
      expect(asked).toBeGreaterThan(1);
    }
  });
});

describe('what a message typed during an exchange means', () => {
  const at = (step: Guide['step']): Guide => ({ kind: 'reject', caseNo: CASE, from: 'village_review', note: '', step, data: {}, misses: 0, photos: 0 });
  test.each([
    ['a new case command leaves a numeric question', 'verifiedMembers', '通过 123', true],
    ['"待办" always does', 'reason', '待办', true],
    ['a full case number does in free text', 'reason', '查看 FP-2026-000001', true],
    ['a short one in free text is part of the reason', 'reason', '看 2 号文件，收入超标', false],
    ['an answer is an answer', 'verifiedMembers', '4', false],
    ['"通过" alone at the check answers it', 'confirm', '通过', false],
  ] as const)('%s', (_name, step, text, leaves) => {
    expect(interruptsGuide(at(step), parseCadreCommand(text))).toBe(leaves);
  });
});

describe('dates still to come', () => {
  test.each([
    ['今天', '2026-07-20'],
    ['明天', '2026-07-21'],
    ['后天', '2026-07-22'],
    ['7月25日', '2026-07-25'],
    ['七月二十五号', '2026-07-25'],
    ['7.25', '2026-07-25'],
    ['7/25', '2026-07-25'],
    ['2026-08-01', '2026-08-01'],
    ['2026年8月1日', '2026-08-01'],
    ['20260801', '2026-08-01'],
    ['25号', '2026-07-25'],
    ['5号', '2026-08-05'], // passed this month: next month's
    ['1月5日', '2027-01-05'], // more than half a year past: next year's
    ['１月５日', '2027-01-05'],
  ])('%j → %s', (text, ymd) => {
    expect(parseComingDay(text, NOW)).toEqual({ ok: true, value: ymd });
  });
  test.each([
    ['7月10日', 'date_past'],
    ['３月５日', 'date_past'], // months past, less than half a year: a mistake, not next year
    ['2026-07-19', 'date_past'],
    ['2月30日', 'date_invalid'],
    ['下周', 'date_format'],
    ['', 'date_format'],
  ])('%j is refused: %s', (text, reason) => {
    expect(parseComingDay(text, NOW)).toEqual({ ok: false, reason });
  });
});

test.each([
  ['1 3 5', ['dibao', 'medical_aid', 'insurance_payout']],
  ['1、3、5', ['dibao', 'medical_aid', 'insurance_payout']],
  ['135', ['dibao', 'medical_aid', 'insurance_payout']],
  ['低保 临时救助', ['dibao', 'temporary_relief']],
  ['3,3,1', ['medical_aid', 'dibao']],
  ['九', ['other']],
])('measures %j', (text, ids) => {
  expect(parseMeasures(text, C)).toEqual({ ok: true, value: ids });
});
