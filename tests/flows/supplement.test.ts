/**
 * The villager's side of a case that moves: supplying documents for a returned case (flow
 * 'supplement') and withdrawing an application (flow 'withdraw'), entered by routeVillager before
 * the engine sees the message. Tables of messages → where the villager is, what is said, which effects.
 */
import { routeVillager, step } from '../../flows';
import type { CaseSummary, Effect, FlowContext, Inbound, SessionState, StepResult } from '../../flows';
import { makeCtx, NOW, text, upload } from './support';

const RETURNED: CaseSummary = { caseNo: 'FP-2026-000007', cause: 'illness', status: 'returned', submittedAt: NOW.toISOString(), missingItems: ['出院小结', '户口本'], returnedFrom: 'village_review' };
const OPEN: CaseSummary = { caseNo: 'FP-2026-000008', cause: 'disaster', status: 'town_review', submittedAt: NOW.toISOString() };
const PAID: CaseSummary = { caseNo: 'FP-2025-000001', cause: 'education', status: 'paid', submittedAt: NOW.toISOString() };

/** A villager chatting: each message is routed, then stepped, the state kept as JSON. */
class Villager {
  state: SessionState | null;
  last!: StepResult;
  effects: Effect[] = [];
  constructor(
    public ctx: FlowContext,
    state: SessionState | null = { flow: 'menu', step: 'idle', answers: {}, misses: 0, history: [], lang: 'zh-CN' },
  ) {
    this.state = state;
  }
  send(...messages: (string | Inbound)[]): string {
    for (const m of messages) {
      const inbound = typeof m === 'string' ? text(m) : m;
      this.last = step(routeVillager(this.state, inbound, this.ctx), inbound, this.ctx);
      this.state = JSON.parse(JSON.stringify(this.last.state));
      this.effects.push(...this.last.effects);
    }
    return this.last.replies.map((r) => r.text).join('\n');
  }
  get at(): string {
    return `${this.state!.flow}/${this.state!.step}`;
  }
  of<T extends Effect['type']>(type: T) {
    return this.effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);
  }
}

describe('a returned case', () => {
  const ctx = () => makeCtx({ myCases: [RETURNED, PAID] });

  test.each([
    ['a greeting', '你好'],
    ['"好了" straight away', '好了'],
    ['anything not a command', '材料我准备好了'],
    ['"补材料"', '补材料'],
  ])('%s opens the supplement mode with the list', (_name, message) => {
    const v = new Villager(ctx());
    const said = v.send(message);
    expect(v.at).toBe('supplement/collect');
    expect(said).toContain('FP-2026-000007');
    expect(said).toContain('出院小结、户口本');
  });

  test.each([
    ['a menu number', '1', 'apply/'],
    ['"查询"', '查询', 'menu/idle'],
    ['"人工"', '人工', 'menu/'],
  ])('%s means what it says', (_name, message, where) => {
    const v = new Villager(ctx());
    v.send(message);
    expect(v.at.startsWith(where)).toBe(true);
  });

  test('photos go to the returned case, "好了" resubmits it; no photo yet: asked for them', () => {
    const v = new Villager(ctx());
    expect(v.send('好了')).toContain('还没收到补充的照片');
    expect(v.send(upload())).toContain('收到第1张，已放进申请 FP-2026-000007');
    expect(v.send(upload())).toContain('收到第2张');
    v.send('好了');
    expect(v.at).toBe('menu/idle');
    expect(v.of('attach_supplement').map((e) => e.caseNo)).toEqual(['FP-2026-000007', 'FP-2026-000007']);
    expect(v.of('resubmit_case')).toEqual([{ type: 'resubmit_case', caseNo: 'FP-2026-000007' }]);
    expect(v.of('attach_document')).toEqual([]);
  });

  test('a photo straight away opens the mode and is kept for the case', () => {
    const v = new Villager(ctx(), null);
    expect(v.send(upload())).toContain('已放进申请 FP-2026-000007');
    expect(v.at).toBe('supplement/collect');
  });

  test('"已交": handed in at the village office, resubmitted without photos', () => {
    const v = new Villager(ctx());
    v.send('已交');
    expect(v.of('resubmit_case')).toHaveLength(1);
  });

  test('"取消" leaves; only a photo or "补材料" opens it again for that case', () => {
    const v = new Villager(ctx());
    v.send('你好');
    expect(v.send('取消')).toContain('随时拍照发给我');
    expect(v.at).toBe('menu/idle');
    v.send('你好');
    expect(v.at).toBe('menu/idle');
    v.send('补材料');
    expect(v.at).toBe('supplement/collect');
  });

  test('"查询" in the mode lists the cases and leaves', () => {
    const v = new Villager(ctx());
    v.send('你好');
    const said = v.send('查询');
    expect(said).toContain('FP-2026-000007');
    expect(said).toContain('退回补充材料');
    expect(v.at).toBe('menu/idle');
  });

  test('an application in progress is not disturbed: its photos stay with it', () => {
    const v = new Villager(ctx(), null);
    v.send('菜单', '1', '1');
    expect(v.at).toBe('apply/name');
    v.send('你好');
    expect(v.at).toBe('apply/name');
    v.send(upload());
    expect(v.of('attach_document')).toHaveLength(1);
    expect(v.of('attach_supplement')).toHaveLength(0);
  });

  test('…and choosing it ("补材料") keeps the application to come back to', () => {
    const v = new Villager(ctx(), null);
    v.send('菜单', '1', '1', '张三');
    expect(v.at).toBe('apply/idNumber');
    expect(v.send('补材料')).toContain('出院小结');
    v.send(upload());
    v.send('好了');
    expect(v.at).toBe('apply/idNumber');
    expect(v.state!.answers.name).toBe('张三');
    expect(v.of('resubmit_case')).toHaveLength(1);
    expect(v.send('你好')).toContain('身份证号');
  });

  test.each([
    ['resubmitted in the mini-program', { status: 'village_review' }, '村委会初审中'],
    ['withdrawn in the mini-program', { status: 'withdrawn' }, '已撤回'],
    ['no longer the villager’s to act on', { viewOnly: true }, '退回补充材料'],
  ])('the case was %s meanwhile: a photo is not kept, the villager hears where it stands, the mode ends', (_what, change, status) => {
    const v = new Villager(ctx());
    v.send('你好');
    expect(v.at).toBe('supplement/collect');
    v.ctx = makeCtx({ myCases: [{ ...RETURNED, ...change }, PAID] });
    const said = v.send(upload());
    expect(said).toContain(`申请 FP-2026-000007 现在是“${status}”`);
    expect(said).not.toContain('收到第1张');
    expect(v.of('attach_supplement')).toEqual([]);
    expect(v.at).toBe('menu/idle');
  });

  test('in English', () => {
    const v = new Villager(makeCtx({ myCases: [RETURNED], lang: 'en' }), null);
    expect(v.send('hello')).toContain('needs more documents: 出院小结, 户口本');
  });
});

describe('withdrawing', () => {
  test('"撤回" with one open case asks to confirm, then withdraws it', () => {
    const v = new Villager(makeCtx({ myCases: [OPEN, PAID] }));
    expect(v.send('撤回')).toContain('确定要撤回申请 FP-2026-000008 吗');
    v.send('是');
    expect(v.of('withdraw_case')).toEqual([{ type: 'withdraw_case', caseNo: 'FP-2026-000008' }]);
    expect(v.at).toBe('menu/idle');
  });

  test('"不是" keeps it', () => {
    const v = new Villager(makeCtx({ myCases: [OPEN] }));
    v.send('撤回');
    expect(v.send('不是')).toContain('不撤回');
    expect(v.of('withdraw_case')).toEqual([]);
  });

  test.each([
    ['撤回 FP-2026-000008', 'FP-2026-000008'],
    ['撤回 8', 'FP-2026-000008'],
    ['撤回申请 FP-2026-000007', 'FP-2026-000007'],
  ])('%j names the case', (message, caseNo) => {
    const v = new Villager(makeCtx({ myCases: [RETURNED, OPEN] }));
    expect(v.send(message)).toContain(`确定要撤回申请 ${caseNo} 吗`);
    v.send('确认撤回');
    expect(v.of('withdraw_case')).toEqual([{ type: 'withdraw_case', caseNo }]);
  });

  test('several open cases and no number: a list to choose from', () => {
    const v = new Villager(makeCtx({ myCases: [RETURNED, OPEN] }));
    const said = v.send('撤回');
    expect(said).toContain('1. FP-2026-000007');
    expect(said).toContain('2. FP-2026-000008');
    expect(v.send('2')).toContain('确定要撤回申请 FP-2026-000008 吗');
  });

  test('someone else\'s number is not found; nothing to withdraw is said', () => {
    const v = new Villager(makeCtx({ myCases: [OPEN] }));
    expect(v.send('撤回 FP-2026-000999')).toContain('没有找到您的申请 FP-2026-000999');
    const none = new Villager(makeCtx({ myCases: [PAID] }));
    expect(none.send('撤回')).toContain('没有可以撤回的申请');
    expect(none.at).toBe('menu/idle');
  });

  test('in the middle of an application, "撤回" comes back to it afterwards', () => {
    const v = new Villager(makeCtx({ myCases: [OPEN] }), null);
    v.send('菜单', '1', '1', '张三');
    v.send('撤回');
    expect(v.send('不是')).toContain('身份证号');
    expect(v.at).toBe('apply/idNumber');
  });
});
