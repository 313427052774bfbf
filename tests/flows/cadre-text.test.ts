/**
 * What the bot says to cadres: every key built from data exists in both languages, refusals are
 * explained in plain words with what to do, and "帮助" lists the commands of the cadre's own role.
 */
import { hasKey, t } from '../../flows/i18n';
import { APPROVE_GUIDE, PLANS } from '../../flows/cadre/plans';
import { helpText, nextText, refusalText, type RefusalFacts } from '../../flows/cadre/text';
import * as states from '../../flows/workflow';
import type { CaseVerb } from '../../flows/cadre/commands';

const VERBS: CaseVerb[] = ['view', 'approve', 'return', 'reject', 'visit', 'objection', 'resolve_objection', 'fast_approve'];

test('every key built from data exists', () => {
  const keys = [
    ...states.CASE_STATUSES.map((s) => `cadre.stage.${s}`),
    ...states.ROLES.map((r) => `cadre.role.${r}`),
    ...states.HOUSEHOLD_CATEGORIES.map((c) => `workflow.category.${c}`),
    ...states.MEASURES.map((m) => `workflow.measure.${m}`),
    ...['approve', 'return', 'reject', 'fast_approve', 'resubmit', 'withdraw', 'accept', ...VERBS].map((a) => `cadre.action.${a}`),
    ...VERBS.map((v) => `cadre.usage.${v}`),
    ...VERBS.filter((v) => v !== 'view').concat(['pending', 'view'] as never[]).map((v) => `cadre.help.${v}`),
    ...Object.keys(PLANS).flatMap((k) => [`cadre.guide.intro.${k}`, `cadre.guide.what.${k}`]),
    ...Object.values(PLANS).flat().map((f) => `cadre.field.${f}.label`),
    'cadre.outcome.confirmed', 'cadre.outcome.differs', 'cadre.result.agreed', 'cadre.result.disagreed',
    // "下一步" for a step whose approval asks data (nextText), and for the public notice once it has ended
    ...Object.keys(APPROVE_GUIDE).map((s) => `cadre.next.${s}`),
    'cadre.next_ended.publicity',
  ];
  expect(keys.filter((k) => !hasKey(k))).toEqual([]);
});

const facts = (over: Partial<RefusalFacts>): RefusalFacts => ({ caseNo: 'FP-2026-000001', code: 'no_role', action: 'approve', role: 'village', status: 'village_review', region: '柳树村', ...over });

test.each([
  ['no role: says who acts instead', facts({ role: 'town', status: 'village_review' }), '这一步由村干部办理'],
  ['outside the region: as if there were no such case', facts({ code: 'outside_jurisdiction', role: 'village', region: '白石村' }), '没有找到案件 FP-2026-000001'],
  ['another verifier\'s case (as if it did not exist)', facts({ code: 'outside_jurisdiction', role: 'verifier', status: 'verification' }), '没有找到'],
  ['wrong status', facts({ code: 'not_allowed_from_status', status: 'paid' }), '现在是「已发放」，不能通过'],
  ['not a cadre at all', facts({ role: null }), '绑定 绑定码'],
  ['the auditor', facts({ role: 'auditor' }), '审计只能查看'],
  ['green channel by a town cadre', facts({ action: 'fast_approve', role: 'town', status: 'town_review' }), '只有县帮扶办可以走绿色通道'],
  ['notice still running', facts({ code: 'guard', reason: 'publicity_running', role: 'county', status: 'publicity', publicityEnd: '2026-07-24' }), '公示要到2026年7月24日才结束'],
  ['open objections', facts({ code: 'guard', reason: 'open_objections', role: 'county', status: 'publicity', openObjections: 2 }), '还有2条异议没处理'],
  ['notice too short', facts({ code: 'invalid_data', field: 'data.publicityEnd', publicityMinDays: 7 }), '不能少于7天'],
  ['reject without a reason', facts({ code: 'invalid_data', field: 'note', action: 'reject' }), '驳回原因'],
  ['not found', facts({ code: 'not_found' }), '没有找到案件 FP-2026-000001'],
])('refusal: %s', (_name, f, words) => {
  expect(refusalText('zh-CN', f)).toContain(words);
  expect(refusalText('en', { ...f, region: 'Baishi' })).not.toMatch(/[\u4e00-\u9fff]/); // English all through
});

test.each([
  ['village', ['待办', '查看 编号', '通过 编号', '退回 编号', '驳回 编号', '异议 编号'], ['绿色通道', '核查 编号']],
  ['town', ['待办', '通过 编号', '退回 编号', '驳回 编号'], ['绿色通道', '核查 编号', '异议 编号']],
  ['county', ['待办', '通过 编号', '绿色通道 编号', '核查 编号', '异议处理 编号'], []],
  ['verifier', ['待办', '核查 编号', '通过 编号'], ['绿色通道', '异议 编号']],
  ['auditor', ['查看 编号'], ['通过 编号', '待办 —']],
] as const)('help for a %s cadre', (role, has, hasNot) => {
  const text = helpText('zh-CN', { name: 'X', role, region: '清溪县' }, false);
  for (const h of has) expect(text).toContain(h);
  for (const h of hasNot) expect(text).not.toContain(h);
  expect(helpText('zh-CN', { name: 'X', role, region: '清溪县' }, true)).toContain('在群里请先 @我');
});

test.each([
  ['village_review', 'village', '「通过 FP-1」（转镇审核）'],
  ['town_review', 'town', '（转县审核）'],
  ['county_review', 'county', '指派核查员'],
  ['verification', 'verifier', '核查 FP-1 预约 日期'],
  ['assessment', 'village', '录入评议结果和公示日期'],
  ['publicity', 'county', '公示到2026年7月24日'],
  ['approved', 'county', '发放凭证号'],
  ['village_review', 'town', '这一步由村干部办理'],
  ['returned', 'village', '等申请人补材料'],
  ['paid', 'county', '案件已办结'],
] as const)('next step at %s for a %s cadre', (status, role, words) => {
  const now = new Date('2026-07-20T02:00:00Z');
  expect(nextText('zh-CN', { caseNo: 'FP-1', status, publicityEnd: '2026-07-24', missingItems: [] }, role, now)).toContain(words);
});

test('a cadre reading English gets English', () => {
  expect(t('en', 'cadre.done.approve', { caseNo: 'FP-1', stage: t('en', 'cadre.stage.town_review') })).toBe(
    'Approved: FP-1 moves on to town review; the applicant and whoever acts next are told. Send "todo" for other cases.',
  );
});
