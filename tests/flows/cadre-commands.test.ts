/**
 * The cadre command grammar, as a table: what a cadre types → what it means. Case numbers in every
 * form people type them (full, lower case, full-width, without dashes, just the last digits),
 * notes kept in the cadre's own characters, missing parts reported as "incomplete".
 */
import { parseCaseRef } from '../../flows/cadre/case-ref';
import { parseBindingCommand, parseCadreCommand, parseItems, splitVisit, type CadreCommand } from '../../flows/cadre/commands';

const full = (caseNo: string) => ({ kind: 'full', caseNo }) as const;
const short = (seq: number) => ({ kind: 'short', seq }) as const;

describe('case numbers', () => {
  test.each([
    ['FP-2026-000123', full('FP-2026-000123')],
    ['fp-2026-000123', full('FP-2026-000123')],
    ['FP-2026-123', full('FP-2026-000123')],
    ['ＦＰ－２０２６－０００１２３', full('FP-2026-000123')],
    ['FP2026000123', full('FP-2026-000123')],
    ['FP 2026 000123', full('FP-2026-000123')],
    ['FP—2026—000123', full('FP-2026-000123')],
    ['2026-123', full('FP-2026-000123')],
    ['123', short(123)],
    ['１２３', short(123)],
    ['123号', short(123)],
    ['000123', short(123)],
    ['0', null],
    ['1234567', null],
    ['FP-2026-1234567', null],
    ['123abc', null],
    ['FP-26-123', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(parseCaseRef(text)).toEqual(expected);
  });
});

describe('commands', () => {
  const table: [string, CadreCommand | null][] = [
    ['待办', { kind: 'pending' }],
    ['待办。', { kind: 'pending' }],
    ['我的待办', { kind: 'pending' }],
    ['todo', { kind: 'pending' }],
    ['帮助', { kind: 'help' }],
    ['？', { kind: 'help' }],
    ['取消', { kind: 'cancel' }],
    ['你好', { kind: 'greeting' }],
    ['English', { kind: 'lang_en' }],
    ['中文', { kind: 'lang_zh' }],
    ['查看 FP-2026-000123', { kind: 'view', ref: full('FP-2026-000123') }],
    ['查看FP-2026-000123', { kind: 'view', ref: full('FP-2026-000123') }],
    ['查看 ＦＰ－２０２６－０００１２３', { kind: 'view', ref: full('FP-2026-000123') }],
    ['查看：123', { kind: 'view', ref: short(123) }],
    ['看 123', { kind: 'view', ref: short(123) }],
    ['view 123', { kind: 'view', ref: short(123) }],
    ['FP-2026-000123', { kind: 'view', ref: full('FP-2026-000123') }], // a number alone: show it
    ['123', null], // …but not a bare short number (an answer to a question, more likely)
    ['看看这个', null],
    ['查看', { kind: 'incomplete', verb: 'view' }],
    ['通过 FP-2026-000001', { kind: 'approve', ref: full('FP-2026-000001'), note: '' }],
    ['通过 FP-2026-000001 材料齐全，同意上报。', { kind: 'approve', ref: full('FP-2026-000001'), note: '材料齐全，同意上报。' }],
    ['同意 12', { kind: 'approve', ref: short(12), note: '' }],
    ['approve 123 looks fine', { kind: 'approve', ref: short(123), note: 'looks fine' }],
    ['通过', { kind: 'incomplete', verb: 'approve' }],
    ['通过了吗', { kind: 'incomplete', verb: 'approve' }],
    ['退回 123 缺 出院小结、户口本', { kind: 'return', ref: short(123), items: ['出院小结', '户口本'] }],
    ['退回 123 缺少：出院小结，户口本，出院小结', { kind: 'return', ref: short(123), items: ['出院小结', '户口本'] }],
    ['退回 123 出院小结 户口本', { kind: 'return', ref: short(123), items: ['出院小结', '户口本'] }],
    ['退回 123', { kind: 'return', ref: short(123), items: [] }],
    ['return 123 missing discharge summary, hukou', { kind: 'return', ref: short(123), items: ['discharge summary', 'hukou'] }],
    ['驳回 FP-2026-000001 家庭收入高于标准。', { kind: 'reject', ref: full('FP-2026-000001'), reason: '家庭收入高于标准。' }],
    ['不予认定 7 收入超标', { kind: 'reject', ref: short(7), reason: '收入超标' }],
    ['驳回 7', { kind: 'reject', ref: short(7), reason: '' }],
    ['核查 123 预约 3月5日', { kind: 'visit', ref: short(123), when: '3月5日', note: '' }],
    ['核查 123 预约3月25日上午', { kind: 'visit', ref: short(123), when: '3月25日', note: '上午' }],
    ['visit 123 on 2026-08-01 morning', { kind: 'visit', ref: short(123), when: '2026-08-01', note: 'morning' }],
    ['异议 123 邻居反映有营运车辆', { kind: 'objection', ref: short(123), text: '邻居反映有营运车辆' }],
    ['异议处理 123 1 已核实，车辆已转让', { kind: 'resolve_objection', ref: short(123), number: 1, text: '已核实，车辆已转让' }],
    ['异议处理 123 第2条 已核实', { kind: 'resolve_objection', ref: short(123), number: 2, text: '已核实' }],
    ['异议处理 123 已核实', { kind: 'resolve_objection', ref: short(123), number: null, text: '已核实' }],
    ['绿色通道 123 重病住院急需救助', { kind: 'fast_approve', ref: short(123), reason: '重病住院急需救助' }],
    ['fast 123 in hospital', { kind: 'fast_approve', ref: short(123), reason: 'in hospital' }],
    ['viewer', null],
    ['今天天气不错', null],
  ];
  test.each(table)('%j', (text, expected) => {
    expect(parseCadreCommand(text)).toEqual(expected);
  });
});

describe('binding', () => {
  test.each([
    ['绑定 123456', { kind: 'bind', code: '123456' }],
    ['绑定123456', { kind: 'bind', code: '123456' }],
    ['绑定：１２３４５６', { kind: 'bind', code: '123456' }],
    ['绑定群 123 456', { kind: 'bind_room', code: '123456' }],
    ['绑定工作群 123456', { kind: 'bind_room', code: '123456' }],
    ['bind group 123456', { kind: 'bind_room', code: '123456' }],
    ['bind 123456', { kind: 'bind', code: '123456' }],
    ['绑定', { kind: 'bind', code: '' }],
    ['绑定 我的账号', { kind: 'bind', code: '' }],
    ['解绑', { kind: 'unbind' }],
    ['解除绑定', { kind: 'unbind' }],
    ['通过 123', null],
  ])('%j', (text, expected) => {
    expect(parseBindingCommand(text)).toEqual(expected);
  });
});

test.each([
  ['缺 出院小结、户口本', ['出院小结', '户口本']],
  ['需要补充：诊断证明;住院发票', ['诊断证明', '住院发票']],
  ['出院小结和户口本', ['出院小结和户口本']], // "和" inside a name stays
  ['出院小结 和 户口本', ['出院小结', '户口本']],
  ['', []],
])('missing items %j', (text, items) => {
  expect(parseItems(text)).toEqual(items);
});

test.each([
  ['预约 3月5日 上午九点', { when: '3月5日', note: '上午九点' }],
  ['明天下午', { when: '明天', note: '下午' }],
  ['8/1', { when: '8/1', note: '' }],
])('visit %j', (text, expected) => {
  expect(splitVisit(text)).toEqual(expected);
});
