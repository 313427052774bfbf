/**
 * Issue 10: the words stay short. No reply to a villager is longer than 12 lines (the full policy
 * text they ask for aside) along a clean application of each cause; the summary is grouped
 * (申请人 / 家庭 / 困难 / 材料), shows each figure once, and every answer in the group it belongs to.
 */
import { APPLY_FLOW, applyFlow } from '../../flows/application';
import { SUMMARY_GROUPS } from '../../flows/application/groups';
import { summaryItems } from '../../flows/engine/steps/summary';
import { makeEnv } from '../../flows/engine/env';
import type { SummaryStep } from '../../flows/engine/flow';
import { Chat, TO_SUMMARY, upload } from './support';
import { illnessGroups, illnessTyped } from '../support/illness';
import type { Inbound } from '../../flows';

const MAX_LINES = 12;

const ENGLISH_ILLNESS: (string | Inbound)[] = [
  'hello', 'English', '1', 'illness', 'Li Ming', '11010519491231002X', '13812345678', 'Dongshan Town', 'Liushu Village', '3', '15000', 'no',
  ...illnessTyped({ patient: '1', illness: 'stroke', hospital: 'County Hospital', totalCostFen: '50000', reimbursedFen: '0', selfPaidConfirmed: 'yes' }),
  upload(), 'done', 'skip', 'agree', 'agree',
];

const WALKS: [string, (string | Inbound)[], string][] = [
  ['因病', TO_SUMMARY.illness, '确认'],
  ['因灾', TO_SUMMARY.disaster, '确认'],
  ['因学', TO_SUMMARY.education, '确认'],
  ['illness, in English', ENGLISH_ILLNESS, 'confirm'],
];

const lineCount = (text: string) => text.split('\n').length;

describe('no reply longer than 12 lines', () => {
  test.each(WALKS)('a clean %s application, message by message', (_cause, messages, yes) => {
    const chat = new Chat();
    const tooLong: { after: string; lines: number; reply: string }[] = [];
    for (const m of [...messages, yes]) {
      for (const reply of chat.send(m).replies) {
        const lines = lineCount(reply.text);
        if (lines > MAX_LINES) tooLong.push({ after: typeof m === 'string' ? m : '[photo]', lines, reply: reply.text });
      }
    }
    expect(tooLong).toEqual([]);
    expect(chat.effectsOf('file_case')).toHaveLength(1);
  });
});

describe('the summary of a clean 因病 application', () => {
  const summary = () => {
    const chat = new Chat();
    chat.send(...TO_SUMMARY.illness);
    return chat.said;
  };

  test('fits a phone: at most about 10 lines, grouped in order', () => {
    const s = summary();
    expect(lineCount(s)).toBeLessThanOrEqual(10);
    const headings = ['【申请人】', '【家庭】', '【困难】', '【材料】'].map((h) => s.indexOf(h));
    expect(headings.every((at) => at > 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
  });

  test('every fact a cadre needs, each figure once', () => {
    const s = summary();
    for (const fact of ['张三', '11010519491231002X', '13812345678', '东山镇', '东山村', '4人', '脑梗', '县人民医院', '县级医院', '50,000元', '住院结算单或发票：1张', '出院小结：1张']) {
      expect(s).toContain(fact);
    }
    const times = (x: string) => s.split(x).length - 1;
    expect(times('30,000元')).toBe(1); // the self-paid sum is the expense borne: said once
    expect(times('5,000元')).toBe(1); // the per-capita income: not repeated by the pre-check
    expect(times('6,000元')).toBe(1); // the income line it is compared with
  });

  test('after an edit, the summary again (short), not the whole thing twice', () => {
    const chat = new Chat();
    chat.send(...TO_SUMMARY.illness, '电话错了 改成13912345678');
    expect(chat.last.replies).toHaveLength(1);
    expect(lineCount(chat.said)).toBeLessThanOrEqual(10);
    expect(chat.said).toContain('手机号：13912345678');
  });
});

/** Where each answer of the application is shown. */
const GROUP_OF: Record<string, string> = {
  name: 'applicant', idNumber: 'applicant', phone: 'applicant', townCode: 'applicant', villageCode: 'applicant',
  householdSize: 'household', annualIncomeFen: 'household', povertyAlleviated: 'household',
  cause: 'hardship', ...illnessGroups(),
  disasterKind: 'hardship', disasterDate: 'hardship', lossFen: 'hardship', compensationFen: 'hardship',
  studentName: 'hardship', stage: 'hardship', school: 'hardship', educationCostFen: 'hardship', aidFen: 'hardship',
};

test('every answer of every cause is shown in its group', () => {
  expect(applyFlow.id).toBe(APPLY_FLOW);
  const summaryStep = applyFlow.steps.find((s): s is SummaryStep => s.kind === 'summary')!;
  expect(summaryStep.groups.map((g) => g.id)).toEqual(SUMMARY_GROUPS.map((g) => g.id));
  const seen = new Set<string>();
  for (const [cause, messages] of Object.entries(TO_SUMMARY)) {
    const chat = new Chat();
    chat.send(...messages);
    const env = makeEnv(chat.state!, chat.ctx, applyFlow);
    for (const item of summaryItems(summaryStep, env)) {
      if (!item.step) continue; // a computed figure
      const expected = item.step.kind === 'documents' ? 'papers' : GROUP_OF[item.step.field];
      expect({ cause, field: item.step.field, group: item.group }).toEqual({ cause, field: item.step.field, group: expected });
      seen.add(item.step.field);
    }
  }
  expect(seen.size).toBeGreaterThan(20);
});
