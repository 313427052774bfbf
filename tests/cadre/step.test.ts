/**
 * The cadre chat's pure step, as tables (no database): a state, a message and the view the server
 * would load in; the state, the replies and the effects out. Effects are the only way anything
 * changes — a refusal carries its audit record and nothing else.
 */
import type { CadreEffect } from '../../flows/cadre/effects';
import { FIELDS } from '../../flows/cadre/fields';
import { describeCadreOutcome } from '../../flows/cadre/outcome';
import { APPROVE_GUIDE, GUIDE_KINDS, planFor } from '../../flows/cadre/plans';
import { cadreStep, needsOf, readInbound } from '../../flows/cadre/step';
import type { CadreState, CadreTurn, CadreView, FieldId } from '../../flows/cadre/types';
import { t } from '../../flows/i18n';
import { requiredFields, ruleById, type CaseStatus, type Role } from '../../flows/workflow';
import { cadre, CASE, caseTarget, factsAt, NOW, send, text, VERIFIERS, viewOf } from './support';

const kinds = (effects: CadreEffect[]) => effects.map((e) => e.type);
const said = (turn: CadreTurn) => turn.replies.join('\n');
const HOUR = 3_600_000;

/** A cadre of `role` looking at the case in `status` (the verifier: assigned to it; every verifier option offered). */
function at(status: CaseStatus, role: Role, over: Parameters<typeof factsAt>[1] = {}, view: Partial<CadreView> = {}): CadreView {
  return viewOf(cadre(role), caseTarget(factsAt(status, over), { verifiers: VERIFIERS }), view);
}

/** Plays messages one after the other against one view; the last turn. */
function play(view: CadreView, ...messages: string[]): CadreTurn {
  let state: CadreState | null = null;
  let turn: CadreTurn | undefined;
  for (const m of messages) {
    turn = send(state, text(m), view);
    state = turn.state;
  }
  return turn!;
}

describe('what each exchange asks comes from the move\'s schema', () => {
  test.each(GUIDE_KINDS.map((k) => [k]))('%s: the reason if the move needs a note, the required fields in order, then maybe "确认"', (kind) => {
    const rule = ruleById(kind);
    const asked = planFor(kind).filter((f) => f !== 'confirm');
    expect(asked).toEqual([...(rule.noteRequired ? ['reason'] : []), ...requiredFields(rule)]);
    // the chat knows how to ask and read each of them
    for (const f of planFor(kind)) expect(FIELDS[f as FieldId]).toBeDefined();
  });
});

describe('"通过" on a case whose move asks data starts its exchange with the first field', () => {
  test.each<[CaseStatus, Role, FieldId, string]>([
    ['county_review', 'county', 'verifierId', '请选择入户核查的核查员'],
    ['verification', 'verifier', 'verifiedIncomeFen', '核实的家庭年纯收入'],
    ['assessment', 'village', 'result', '村级评议结果'],
    ['publicity', 'county', 'amountFen', '救助金额'],
    ['approved', 'county', 'paymentRef', '发放凭证号'],
  ])('%s (%s): asks %s', (status, role, field, words) => {
    const turn = play(at(status, role), `通过 ${CASE}`);
    expect(planFor(APPROVE_GUIDE[status]!)[0]).toBe(field);
    expect(turn.state).toMatchObject({ step: 'guide', guide: { kind: APPROVE_GUIDE[status], caseNo: CASE, from: status, step: field, data: {} } });
    expect(said(turn)).toContain(words);
    expect(turn.effects).toEqual([]);
  });

  test('where the move asks nothing, "通过" makes it at once', () => {
    const turn = play(at('village_review', 'village'), `通过 ${CASE} 材料齐全`);
    expect(turn.state.step).toBe('idle');
    expect(turn.replies).toEqual([]);
    expect(turn.effects).toEqual([{ type: 'transition', caseNo: CASE, action: 'approve', note: '材料齐全', data: {} }]);
  });
});

describe('a bad answer asks again and changes nothing', () => {
  test.each<[CaseStatus, Role, string[], string, string]>([
    ['county_review', 'county', [], '7', '没有这个选项'],
    ['verification', 'verifier', [], '很多', '没看懂这个数字'],
    ['verification', 'verifier', ['3万'], '四十', '请回复 1 到 30 之间的数'],
    ['assessment', 'village', ['同意', '30'], '7月10日', '这个日期已经过了'],
    ['publicity', 'county', ['5000', '2'], '1 3 99', '没看懂「99」'],
    ['approved', 'county', ['ZF-1'], '2026-07-25', '还没到'],
    ['approved', 'county', ['ZF-1', '今天'], '也许吧', '请回复「确认」提交'],
  ])('%s: after %j, %j', (status, role, before, bad, hint) => {
    const view = at(status, role);
    const waiting = play(view, `通过 ${CASE}`, ...before);
    const turn = send(waiting.state, text(bad), view);
    const { at: _was, misses, ...guide } = waiting.state.guide!;
    expect(turn.state.guide).toMatchObject({ ...guide, misses: misses + 1 });
    expect(turn.effects).toEqual([]);
    expect(said(turn)).toContain(hint);
    // the same question again
    expect(said(turn)).toContain(FIELDS[guide.step].ask(turn.state.guide!, { lang: 'zh-CN', now: NOW, publicityMinDays: 5 }).split('\n')[0]);
  });
});

describe('the last answer makes exactly one move with the parsed data', () => {
  test.each<[string, CaseStatus, Role, string[], Omit<Extract<CadreEffect, { type: 'transition' }>, 'type' | 'caseNo'>]>([
    ['the verifier', 'county_review', 'county', [`通过 ${CASE}`, '第二个', '确认'], { action: 'approve', note: '', data: { verifierId: 'v2' } }],
    ['the payment', 'approved', 'county', [`通过 ${CASE}`, 'ZF-2026-001', '昨天', '确认'], { action: 'approve', note: '', data: { paymentRef: 'ZF-2026-001', paidOn: '2026-07-19' } }],
    [
      'the verification, with the command\'s note',
      'verification',
      'verifier',
      [`通过 ${CASE} 已入户`, '三万二', '五口', '2万2', '有出入', '是'],
      { action: 'approve', note: '已入户', data: { verifiedIncomeFen: 3_200_000, verifiedMembers: 5, verifiedExpenseFen: 2_200_000, outcome: 'differs' } },
    ],
    ['the reason of a rejection, said once', 'village_review', 'village', [`驳回 ${CASE}`, '收入超过标准'], { action: 'reject', note: '收入超过标准', data: {} }],
    ['the missing papers, said once', 'town_review', 'town', [`退回 ${CASE}`, '诊断证明、户口本'], { action: 'return', note: '', data: { items: ['诊断证明', '户口本'] } }],
    ['the green channel\'s decision', 'town_review', 'county', [`绿色通道 ${CASE} 重病住院`, '8000', '3', '2', '确认'], { action: 'fast_approve', note: '重病住院', data: { amountFen: 800_000, category: 'sudden_hardship', measures: ['temporary_relief'] } }],
  ])('%s', (_name, status, role, messages, move) => {
    const view = at(status, role);
    // nothing is done before the last answer
    for (let i = 1; i < messages.length; i++) expect(play(view, ...messages.slice(0, i)).effects).toEqual([]);
    const turn = play(view, ...messages);
    expect(turn.effects).toEqual([{ type: 'transition', caseNo: CASE, ...move }]);
    expect(turn.state).toEqual({ flow: 'cadre', step: 'idle', lang: 'zh-CN' });
  });

  test('a case moved by someone else meanwhile: no move, and the cadre is told', () => {
    const waiting = play(at('approved', 'county'), `通过 ${CASE}`, 'ZF-1', '今天');
    const turn = send(waiting.state, text('确认'), at('paid', 'county'));
    expect(turn.effects).toEqual([]);
    expect(turn.state.step).toBe('idle');
    expect(said(turn)).toContain('刚才已经变成「已发放」');
  });
});

describe('leaving an exchange changes nothing', () => {
  test.each([
    ['"取消" at the first question', [`通过 ${CASE}`, '取消']],
    ['"取消" at the check', [`通过 ${CASE}`, 'ZF-1', '今天', '取消']],
    ['"不" at the check', [`通过 ${CASE}`, 'ZF-1', '今天', '不']],
  ])('%s', (_name, messages) => {
    const turn = play(at('approved', 'county'), ...messages);
    expect(turn.state).toEqual({ flow: 'cadre', step: 'idle', lang: 'zh-CN' });
    expect(turn.effects).toEqual([]);
    expect(said(turn)).toContain(`${CASE} 刚才录入的内容已放弃`);
  });

  test('a new case command leaves it and is done; "帮助" keeps it', () => {
    const view = at('verification', 'verifier');
    const waiting = play(view, `通过 ${CASE}`, '3万');
    const help = send(waiting.state, text('帮助'), view);
    expect(help.state).toEqual(waiting.state);
    expect(help.effects).toEqual([]);
    const other = send(waiting.state, text(`驳回 ${CASE} 重复申请`), view);
    expect(other.replies[0]).toBe(t('zh-CN', 'cadre.guide.interrupted', { caseNo: CASE }));
    expect(other.state.step).toBe('idle');
    expect(other.effects).toEqual([{ type: 'transition', caseNo: CASE, action: 'reject', note: '重复申请', data: {} }]);
  });

  test('an exchange left for hours is over: a stray "1" is not its answer', () => {
    const view = at('county_review', 'county');
    const waiting = play(view, `通过 ${CASE}`);
    const turn = send(waiting.state, text('1'), { ...view, now: new Date(NOW.getTime() + 3 * HOUR) });
    expect(turn.effects).toEqual([]);
    expect(turn.state.step).toBe('idle');
    expect(said(turn)).toContain('已超过2小时');
  });
});

describe('a move the cadre may not make is refused before anything is asked; only the refusal is audited', () => {
  test.each<[string, Role, CaseStatus, string, string, string, Set<string> | null | undefined]>([
    ['a town cadre, at village review', 'town', 'village_review', `通过 ${CASE}`, 'no_role', '这一步由村干部办理', undefined],
    ['a village cadre of another village', 'village', 'village_review', `通过 ${CASE}`, 'outside_jurisdiction', `没有找到案件 ${CASE}`, new Set(['village-baishi'])],
    ['the village cadre, on a paid case', 'village', 'paid', `通过 ${CASE}`, 'not_allowed_from_status', '现在是「已发放」，不能通过', undefined],
    ['the auditor', 'auditor', 'village_review', `通过 ${CASE}`, 'no_role', '审计只能查看', undefined],
    ['a town cadre asking the green channel', 'town', 'town_review', `绿色通道 ${CASE} 急`, 'no_role', '只有县帮扶办可以走绿色通道', undefined],
    ['the county returning a case (the owners return it)', 'county', 'town_review', `退回 ${CASE}`, 'no_role', '这一步由镇干部办理', undefined],
    ['a verifier the case is not assigned to', 'verifier', 'verification', `通过 ${CASE}`, 'outside_jurisdiction', `没有找到案件 ${CASE}`, undefined],
  ])('%s', (_name, role, status, message, code, words, regionIds) => {
    const actor = { ...cadre(role, role === 'verifier' ? 'another-verifier' : `cadre-${role}`), ...(regionIds !== undefined ? { regionIds } : {}) };
    const turn = send(null, text(message), viewOf(actor, caseTarget(factsAt(status))));
    expect(turn.state.step).toBe('idle');
    expect(said(turn)).toContain(words);
    expect(turn.effects).toEqual([{ type: 'audit_refusal', caseNo: CASE, action: `transition:${message.startsWith('绿色通道') ? 'fast_approve' : message.startsWith('退回') ? 'return' : 'approve'}`, refusal: expect.objectContaining({ code }) }]);
  });

  test('the step goes by the allowed moves it is given', () => {
    const view = at('village_review', 'village');
    const inbound = readInbound(text(`通过 ${CASE}`));
    expect(kinds(cadreStep(null, inbound, view, [{ action: 'approve', to: 'town_review' }]).effects)).toEqual(['transition']);
    expect(kinds(cadreStep(null, inbound, view, []).effects)).toEqual(['audit_refusal']);
  });

  test('a case that does not exist', () => {
    const turn = send(null, text(`通过 ${CASE}`), viewOf(cadre('county'), { kind: 'missing', caseNo: CASE }));
    expect(said(turn)).toContain(`没有找到案件 ${CASE}`);
    expect(turn.effects).toEqual([{ type: 'audit_refusal', caseNo: CASE, action: 'transition:approve', refusal: { code: 'not_found', message: 'case not found' } }]);
  });

  test.each<[string, Parameters<typeof factsAt>[1], number, string, string]>([
    ['the notice still running', { publicityEnd: new Date('2026-07-24T00:00:00+08:00') }, 0, '公示要到2026年7月24日才结束', 'publicity_running'],
    ['an objection open', { publicityEnd: new Date('2026-07-15T00:00:00+08:00') }, 1, '还有1条异议没处理', 'open_objections'],
    ['both: the running notice is said first', { publicityEnd: new Date('2026-07-24T00:00:00+08:00') }, 2, '公示要到2026年7月24日才结束', 'publicity_running'],
  ])('the decision waits for the public notice: %s', (_name, over, open, words, reason) => {
    const view = viewOf(cadre('county'), caseTarget(factsAt('publicity', over), { openObjections: open }));
    const turn = send(null, text(`通过 ${CASE}`), view);
    expect(said(turn)).toContain(words);
    expect(turn.state.step).toBe('idle');
    expect(turn.effects).toEqual([{ type: 'audit_refusal', caseNo: CASE, action: 'transition:approve', refusal: expect.objectContaining({ code: 'guard', reason }) }]);
  });

  test('no verifier covers the village: nothing is asked', () => {
    const view = viewOf(cadre('county'), caseTarget(factsAt('county_review'), { verifiers: [] }));
    const turn = send(null, text(`通过 ${CASE}`), view);
    expect(said(turn)).toContain('没有能负责柳树村的核查员账号');
    expect([turn.state.step, turn.effects]).toEqual(['idle', []]);
  });
});

describe('身份待核实', () => {
  const pending = { identityCheck: 'pending' };
  test.each([
    ['"身份已核实" in the note confirms it with the move', `通过 ${CASE} 身份已核实`, { identityConfirmed: true }],
    ['without it the move goes as asked (the workflow refuses it)', `通过 ${CASE}`, {}],
  ])('%s', (_name, message, data) => {
    const turn = play(at('village_review', 'village', pending), message);
    expect(turn.effects).toEqual([{ type: 'transition', caseNo: CASE, action: 'approve', note: message.slice(`通过 ${CASE}`.length).trim(), data }]);
  });

  test('the green channel is refused before its questions', () => {
    const turn = play(at('county_review', 'county', pending), `绿色通道 ${CASE} 急`);
    expect(turn.state.step).toBe('idle');
    expect(said(turn)).toContain('身份待核实');
    expect(turn.effects).toEqual([{ type: 'audit_refusal', caseNo: CASE, action: 'chat:fast_approve', refusal: expect.objectContaining({ code: 'invalid_data', field: 'data.identityConfirmed' }) }]);
  });
});

describe('photos, 查看, the language', () => {
  const upload = { sha256: 'ab'.repeat(32), mime: 'image/jpeg', size: 10, storageKey: 'k1' };

  test('a photo during an exchange is kept with its case and counted', () => {
    const view = at('verification', 'verifier');
    const waiting = play(view, `通过 ${CASE}`);
    const turn = send(waiting.state, { kind: 'media', mediaType: 'image', upload }, view);
    expect(turn.effects).toEqual([{ type: 'attach_photo', caseNo: CASE, upload, kind: 'verification_photo' }]);
    expect(turn.state.guide).toMatchObject({ photos: 1, step: 'verifiedIncomeFen' });
    expect(said(turn)).toContain('第1张照片已存入');
  });

  test.each([
    ['a photo outside an exchange', null, { kind: 'media', mediaType: 'image', upload } as const, '不知道是哪个案件'],
    ['a voice message', null, { kind: 'media', mediaType: 'audio', upload } as const, '听不懂语音'],
    ['a file nothing was kept of', null, { kind: 'media', mediaType: 'image', upload: { ...upload, storageKey: '' } } as const, '听不懂语音'],
  ])('%s: nothing kept', (_name, state, message, words) => {
    const turn = send(state, message, viewOf(cadre('county')));
    expect(turn.effects).toEqual([]);
    expect(said(turn)).toContain(words);
  });

  const detail = {
    caseNo: CASE, status: 'village_review', cause: 'illness', applicantName: '李大山', village: '柳树村', town: '青山镇', submittedAt: NOW.toISOString(), statusSince: NOW.toISOString(), dueAt: null,
    overdue: false, greenChannel: false, householdSize: 4, annualIncomeFen: 2_000_000, perCapitaIncomeFen: 500_000, incomeLineFen: 870_000, rigidExpenseFen: 3_000_000, documents: 2, supplements: 0,
    missingDocuments: [], missingItems: [], returnedFrom: null, verifierName: null, visitOn: null, verification: null, publicityStart: null, publicityEnd: null, openObjections: [],
    approvedAmountFen: null, category: null, measures: [], paymentRef: null, paidOn: null, rejectionReason: null, identity: null,
  };

  test.each([
    ['in a private chat the phone is shown, and that look is audited', { ...detail, personal: { idLast4: '1234', phone: '13800138000', wholePhone: true, details: null } }, ['audit_view']],
    ['masked (the auditor, or past the reveal budget): the look is audited as of the case', { ...detail, personal: { idLast4: '1234', phone: '138****8000', wholePhone: false, details: null } }, ['audit_view']],
    ['in a group nothing personal is shown, nothing audited', detail, []],
  ])('查看: %s', (_name, d, effects) => {
    const view = viewOf(cadre('village'), caseTarget(factsAt('village_review'), { detail: d }));
    const turn = send(null, text(`查看 ${CASE}`), view);
    expect(said(turn)).toContain(`【${CASE}】`);
    expect(kinds(turn.effects)).toEqual(effects);
  });

  test('查看 outside the region reads as a case that does not exist, audited', () => {
    const view = viewOf({ ...cadre('village'), regionIds: new Set(['village-baishi']) }, caseTarget(factsAt('village_review')));
    const turn = send(null, text(`查看 ${CASE}`), view);
    expect(said(turn)).toContain(`没有找到案件 ${CASE}`);
    expect(turn.effects).toEqual([{ type: 'audit_refusal', caseNo: CASE, action: 'chat:view', refusal: expect.objectContaining({ code: 'outside_jurisdiction' }) }]);
  });

  test('"English" switches the language and remembers it', () => {
    const turn = send(null, text('English'), viewOf(cadre('village')));
    expect(turn.state.lang).toBe('en');
    expect(turn.effects).toEqual([{ type: 'set_language', lang: 'en' }]);
    expect(said(turn)).toContain('in English from now on');
  });
});

describe('what the server loads first', () => {
  const waiting = play(at('approved', 'county'), `通过 ${CASE}`).state;
  test.each<[string, CadreState | null, string, ReturnType<typeof needsOf>]>([
    ['待办: the work list', null, '待办', { pending: true, case: null, detail: false, verifiers: false }],
    ['查看: the case and its detail', null, '查看 123', { pending: false, case: { ref: { kind: 'short', seq: 123 } }, detail: true, verifiers: false }],
    ['通过: the case and who could verify it', null, `通过 ${CASE}`, { pending: false, case: { ref: { kind: 'full', caseNo: CASE } }, detail: false, verifiers: true }],
    ['an answer: the exchange\'s case', waiting, 'ZF-1', { pending: false, case: { caseNo: CASE }, detail: false, verifiers: false }],
    ['帮助: nothing', null, '帮助', { pending: false, case: null, detail: false, verifiers: false }],
  ])('%s', (_name, state, message, needs) => {
    expect(needsOf(state, readInbound(text(message)), NOW)).toEqual(needs);
  });
});

describe('outcomes in words', () => {
  const view = viewOf(cadre('village'));
  test.each<[string, Parameters<typeof describeCadreOutcome>[0], string]>([
    ['a move made', { type: 'moved', caseNo: CASE, action: 'return', to: 'returned', data: { items: ['户口本'] } }, `已退回：${CASE}，请申请人补充：户口本`],
    ['an objection number that is not there', { type: 'refused', caseNo: CASE, action: 'resolve_objection', number: 3, refusal: { code: 'not_found', message: 'no such objection', field: 'objectionId' }, status: 'publicity', publicityEnd: null, openObjections: 0 }, `${CASE} 没有第3条异议`],
    ['the workflow\'s refusal', { type: 'refused', caseNo: CASE, action: 'approve', refusal: { code: 'no_role', message: 'x' }, status: 'town_review', publicityEnd: null, openObjections: 0 }, '这一步由镇干部办理'],
    ['a case that is gone', { type: 'refused', caseNo: CASE, action: 'resolve_objection', number: 1, refusal: { code: 'not_found', message: 'case not found' }, status: null, publicityEnd: null, openObjections: 0 }, `没有找到案件 ${CASE}`],
    // a guard's refusal is worded by its reason; its message is for the logs and never read
    ['open objections, by the reason', { type: 'refused', caseNo: CASE, action: 'approve', refusal: { code: 'guard', message: 'whatever the log says', reason: 'open_objections' }, status: 'publicity', publicityEnd: '2026-07-15', openObjections: 2 }, `${CASE} 还有2条异议没处理`],
    ['the notice running, by the reason', { type: 'refused', caseNo: CASE, action: 'approve', refusal: { code: 'guard', message: '2 objection(s) are not resolved', reason: 'publicity_running' }, status: 'publicity', publicityEnd: '2026-07-24', openObjections: 2 }, '公示要到2026年7月24日才结束'],
    ['a guard without a reason: the plain refusal, whatever the message', { type: 'refused', caseNo: CASE, action: 'approve', refusal: { code: 'guard', message: 'the public notice has not ended yet; 1 objection(s)' }, status: 'publicity', publicityEnd: '2026-07-24', openObjections: 1 }, `现在不能通过 ${CASE}`],
  ])('%s', (_name, outcome, words) => {
    expect(describeCadreOutcome(outcome, view, 'zh-CN')).toContain(words);
  });
});
