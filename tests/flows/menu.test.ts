/** The main menu, policy, hand-over from the menu, status with and without cases, describeOutcome. */
import { describeOutcome, step } from '../../flows';
import type { CaseSummary, SessionState } from '../../flows';
import { Chat, ID, makeCtx, PHONE, text, upload } from './support';

const menuState = (over: Partial<SessionState> = {}): SessionState => ({
  flow: 'menu', step: 'main', answers: {}, misses: 0, history: [], lang: 'zh-CN', ...over,
});

const MENU_LINES = ['1. 申请帮扶', '2. 查询进度', '3. 政策咨询', '4. 联系村干部'];

describe('a contact without a session', () => {
  test.each(['你好', '您好', '在吗', 'hi', 'hello', '菜单', '开始', '随便说点什么', '1'])(
    '"%s" gets the numbered main menu',
    (msg) => {
      const r = step(null, text(msg), makeCtx({ knownContact: false }));
      const said = r.replies.map((x) => x.text).join('\n');
      for (const line of MENU_LINES) expect(said).toContain(line);
      expect(said).toContain('防贫助手'); // a new contact hears what this is
      expect(r.state).toMatchObject({ flow: 'menu', step: 'main' });
      expect(r.effects).toEqual([]);
    },
  );

  // issue 10: saying one wants to apply starts the application (the cause is asked), after the welcome
  test.each(['申请', '我要申请', '帮扶', '我要申请帮扶', '想申请', '申请补助'])('"%s" starts the application', (msg) => {
    const r = step(null, text(msg), makeCtx({ knownContact: false }));
    const said = r.replies.map((x) => x.text).join('\n');
    expect(said).toContain('防贫助手');
    expect(said).toContain('是什么原因');
    expect(r.state).toMatchObject({ flow: 'apply', step: 'cause' });
  });

  // issue 10 (probe 14 kind): asking how one's application stands is the status answer, never a new application
  test.each(['查一查俺的申请', '俺家的申请咋样了', '我想问问我的申请批了没', '看看我的申请到哪一步了'])('"%s" asks for the status', (msg) => {
    const fresh = step(null, text(msg), makeCtx({ knownContact: false }));
    expect(fresh.state).toMatchObject({ flow: 'status' });
    const atMenu = step(menuState(), text(msg), makeCtx({ knownContact: true }));
    expect(atMenu.state).toMatchObject({ flow: 'status' });
  });
  test.each(['我的申请', '我要申请'])('"%s" asks nothing about status', (msg) => {
    const r = step(null, text(msg), makeCtx({ knownContact: false }));
    expect(r.state?.flow).not.toBe('status');
  });

  test('a known contact without a session is welcomed back', () => {
    const r = step(null, text('你好'), makeCtx({ knownContact: true }));
    expect(r.replies[0].text).toContain('欢迎回来');
  });

  test('the contact\'s remembered language is used when there is no session', () => {
    const r = step(null, text('hello'), makeCtx({ lang: 'en' }));
    expect(r.replies.map((x) => x.text).join('\n')).toContain('Apply for help');
    expect(r.state.lang).toBe('en');
  });

  test('"查询" works straight away', () => {
    const r = step(null, text('查询'), makeCtx({ knownContact: false }));
    expect(r.state.flow).toBe('status');
  });
});

describe('menu choices', () => {
  test.each(['1', '一', '申请帮扶', '第一个', '申请', '我要申请'])('"%s" starts the application', (msg) => {
    const chat = new Chat(makeCtx(), menuState());
    chat.send(msg);
    expect(chat.at).toBe('apply/cause');
    expect(chat.said).toContain('因病');
    expect(chat.said).toContain('请回复数字 1 到 3。');
  });

  test.each(['菜单', '你好', '开始'])('"%s" at the menu shows the menu again', (msg) => {
    const chat = new Chat(makeCtx(), menuState());
    chat.send(msg);
    expect(chat.said).toContain(MENU_LINES[3]);
    expect(chat.at).toBe('menu/main');
  });

  test('policy: no village known → no figure, the cadre is named', () => {
    const chat = new Chat(makeCtx(), menuState());
    chat.send('3');
    expect(chat.said).toContain('因病');
    expect(chat.said).toContain('出院小结');
    expect(chat.said).toContain('受灾照片');
    expect(chat.said).toContain('缴费凭证');
    expect(chat.said).toContain('15天');
    expect(chat.said).toContain('村干部');
    expect(chat.said).not.toContain('6,000元');
    expect(chat.at).toBe('menu/idle');
  });

  test('policy: village known from state → the income line of that village and year', () => {
    const chat = new Chat(makeCtx(), menuState({ answers: { villageCode: 'V11' } }));
    chat.send('政策咨询');
    expect(chat.said).toContain('6,000元');
    expect(chat.said).toContain('2025');
  });

  test('policy in English', () => {
    const chat = new Chat(makeCtx(), menuState({ lang: 'en', answers: { villageCode: 'V11' } }));
    chat.send('3');
    expect(chat.said).toContain('6,000 yuan');
    expect(chat.said).toContain('15 days');
  });

  test('policy: the steps in the workflow’s order and the county’s own limit (TIME_LIMITS total), not a figure in the text', () => {
    const chat = new Chat(makeCtx({ knowledge: { faqs: [], articles: [], limits: { total: { days: 10, working: true } }, publicityMinDays: 5 } }), menuState());
    chat.send('3');
    expect(chat.said).toContain('村初审 → 镇审核 → 县审核 → 入户核查 → 村级评议 → 公示 → 审批');
    expect(chat.said).toContain('一般10个工作日左右办完');
    expect(chat.said).not.toContain('15天');
  });

  test('4 hands over to a cadre, with the remembered village', () => {
    const chat = new Chat(makeCtx(), menuState({ step: 'idle', answers: { villageCode: 'V12' } }));
    const r = chat.send('4');
    expect(r.effects).toEqual([{ type: 'handover', reason: 'requested', villageCode: 'V12' }]);
    expect(chat.said).toContain('村干部');
  });

  test('"人工" from the menu hands over too', () => {
    const r = new Chat(makeCtx(), menuState()).send('人工');
    expect(r.effects).toEqual([{ type: 'handover', reason: 'requested' }]);
  });

  test('an unknown answer is re-asked with a hint; the third miss offers a cadre; a valid one resets', () => {
    const chat = new Chat(makeCtx(), menuState());
    chat.send('嗯嗯啊');
    expect(chat.said).toContain('没看懂');
    expect(chat.said).toContain('请回复数字 1 到 4。');
    expect(chat.said).not.toContain('回复“人工”');
    chat.send('9');
    expect(chat.said).toContain('1 到 4');
    chat.send('不知道');
    expect(chat.state!.misses).toBe(3);
    expect(chat.said).toContain('回复“人工”');
    chat.send('1');
    expect(chat.state!.misses).toBe(0);
  });

  test('at idle (after a finished conversation) an unknown message just shows the menu', () => {
    const chat = new Chat(makeCtx(), menuState({ step: 'idle' }));
    chat.send('谢谢');
    expect(chat.said).not.toContain('没看懂');
    expect(chat.said).toContain(MENU_LINES[0]);
    expect(chat.state!.misses).toBe(0);
  });

  test('"取消" at the menu has nothing to cancel and emits nothing', () => {
    const r = new Chat(makeCtx(), menuState()).send('取消');
    expect(r.effects).toEqual([]);
    expect(r.replies.map((x) => x.text).join()).toContain('没有正在办');
  });
});

describe('media outside an application', () => {
  test.each(['image', 'file', 'video'] as const)('a %s: received, menu shown, no effect', (kind) => {
    const chat = new Chat(makeCtx(), menuState({ step: 'idle' }));
    const r = chat.send(upload(kind));
    expect(r.effects).toEqual([]);
    expect(chat.said).toContain('收到您发的');
    expect(chat.said).toContain(MENU_LINES[0]);
  });

  test('a contact without a session sends a picture', () => {
    const r = step(null, upload('image'), makeCtx({ knownContact: false }));
    expect(r.effects).toEqual([]);
    expect(r.replies.map((x) => x.text).join()).toContain('图片');
  });

  test('audio: please type', () => {
    const chat = new Chat(makeCtx(), menuState());
    const r = chat.send(upload('audio'));
    expect(r.effects).toEqual([]);
    expect(chat.said).toContain('请打字');
  });
});

describe('status ("查询" / menu 2)', () => {
  const cases: CaseSummary[] = [
    { caseNo: 'FP2025-0002', cause: 'disaster', status: 'town_review', submittedAt: '2025-06-10T16:30:00Z' },
    { caseNo: 'FP2025-0001', cause: 'illness', status: 'approved', submittedAt: '2025-03-01T02:00:00Z' },
  ];

  test.each(['2', '查询', '进度', '查询进度'])('"%s" with cases lists them (number, cause, status, China date)', (msg) => {
    const chat = new Chat(makeCtx({ myCases: cases }), menuState({ step: 'idle' }));
    const r = chat.send(msg);
    expect(r.effects).toEqual([]);
    expect(chat.said).toContain('FP2025-0002');
    expect(chat.said).toContain('因灾');
    expect(chat.said).toContain('镇审核中');
    expect(chat.said).toContain('2025年6月11日'); // 16:30 UTC is the next morning in China
    expect(chat.said).toContain('FP2025-0001');
    expect(chat.said).toContain('已批准');
    expect(chat.at).toBe('menu/idle');
  });

  test('an unknown status is shown as it is, not hidden', () => {
    const chat = new Chat(makeCtx({ myCases: [{ ...cases[0], status: 'archived' }] }), menuState());
    chat.send('查询');
    expect(chat.said).toContain('archived');
  });

  test('in English', () => {
    const chat = new Chat(makeCtx({ myCases: cases }), menuState({ lang: 'en' }));
    chat.send('status');
    expect(chat.said).toContain('Town review');
    expect(chat.said).toContain('11 June 2025');
  });

  test('without cases: ID number, then phone, then link_identity; state keeps neither', () => {
    const chat = new Chat(makeCtx(), menuState());
    chat.send('查询');
    expect(chat.at).toBe('status/idNumber');
    expect(chat.said).toContain('换了微信');
    chat.send('110105194912310');
    expect(chat.said).toContain('15位老身份证号');
    chat.send(ID);
    expect(chat.at).toBe('status/phone');
    chat.send('0571-88886666');
    expect(chat.said).toContain('座机');
    const r = chat.send(PHONE);
    expect(r.effects).toEqual([{ type: 'link_identity', idNumber: ID, phone: PHONE }]);
    expect(chat.at).toBe('menu/idle');
    expect(JSON.stringify(chat.state)).not.toContain(ID);
  });

  test('the lookup can be cancelled and resumed after a greeting', () => {
    const chat = new Chat(makeCtx(), menuState());
    chat.send('2', '你好');
    expect(chat.at).toBe('status/idNumber');
    expect(chat.said).toContain('身份证号');
    const r = chat.send('取消');
    expect(r.effects).toEqual([]);
    expect(chat.at).toBe('menu/main');
  });

  test('a picture during the lookup: please type', () => {
    const chat = new Chat(makeCtx(), menuState());
    chat.send('2');
    const r = chat.send(upload('image'));
    expect(r.effects).toEqual([]);
    expect(chat.said).toContain('打字');
    expect(chat.at).toBe('status/idNumber');
  });
});

describe('describeOutcome', () => {
  const state = menuState({ step: 'idle' });
  const said = (o: Parameters<typeof describeOutcome>[0], s = state) => describeOutcome(o, s).map((r) => r.text).join('\n');

  test('case_filed: number and what happens next, the steps in the workflow’s order', () => {
    const s = said({ type: 'case_filed', caseNo: 'FP2025-0100' });
    expect(s).toContain('FP2025-0100');
    expect(s).toContain('村初审 → 镇审核 → 县审核 → 入户核查 → 村级评议 → 公示 → 审批');
    for (const words of ['15天', '查询']) expect(s).toContain(words);
    expect(s).not.toContain('{{');
  });

  // the county's limit for the whole identification (TIME_LIMITS total), as the server files it
  test.each([
    ['zh-CN', undefined, '一般15天左右办完'],
    ['zh-CN', { days: 20, working: false }, '一般20天左右办完'],
    ['zh-CN', { days: 10, working: true }, '一般10个工作日左右办完'],
    ['en', undefined, 'about 15 days'],
    ['en', { days: 10, working: true }, 'about 10 working days'],
  ] as const)('case_filed in %s with the limit %j says "%s"', (lang, total, words) => {
    const s = said({ type: 'case_filed', caseNo: 'FP2025-0100', ...(total ? { total } : {}) }, { ...state, lang });
    expect(s).toContain('FP2025-0100');
    expect(s).toContain(words);
    expect(s).not.toContain('{{');
  });

  test('case_duplicate names the existing case', () => {
    expect(said({ type: 'case_duplicate', existingCaseNo: 'FP2025-0007' })).toContain('FP2025-0007');
  });

  test('identity_linked lists the cases', () => {
    const s = said({ type: 'identity_linked', cases: [{ caseNo: 'FP1', cause: 'education', status: 'paid', submittedAt: '2025-01-01T00:00:00Z' }] });
    expect(s).toContain('找到了');
    expect(s).toContain('FP1');
    expect(s).toContain('因学');
    expect(s).toContain('已发放');
  });

  test('identity_linked without cases', () => {
    expect(said({ type: 'identity_linked', cases: [] })).toContain('还没有');
  });

  test('identity_not_found suggests 人工', () => {
    expect(said({ type: 'identity_not_found' })).toContain('人工');
  });
});
