/** Global commands at any step, misses, language switch, resume after a JSON round trip. */
import { step } from '../../flows';
import { illnessTyped } from '../support/illness';
import { applicant, Chat, DISASTER, ID, makeCtx, PHONE, text, upload } from './support';

const toPhone = [...applicant('1').slice(0, 5)]; // answered up to the ID number

describe('取消', () => {
  test.each(['取消', '取消。', 'cancel'])('"%s" cancels at once and discards the application', (msg) => {
    const chat = new Chat();
    chat.send(...DISASTER, upload());
    const r = chat.send(msg);
    expect(r.effects).toEqual([{ type: 'discard_documents' }]);
    expect(chat.at).toBe('menu/main');
    expect(chat.state!.answers).toEqual({});
    expect(chat.said).toContain('已取消');
    expect(chat.said).toContain('回复 1'); // how to restart
    // The files stay on disk until the orphan sweep: the reply must not claim they are gone.
    expect(chat.said).not.toContain('已删除');
    expect(chat.said).toContain('不会再用');
  });

  test('"我想取消" is not the command (only a whole message is)', () => {
    const chat = new Chat();
    chat.send(...toPhone);
    const r = chat.send('我想取消');
    expect(r.effects).toEqual([]);
    expect(chat.at).toBe('apply/phone');
  });
});

describe('上一步 / 返回', () => {
  test.each(['上一步', '返回', 'back'])('"%s" goes to the previous question, the answer kept and shown', (msg) => {
    const chat = new Chat();
    chat.send(...toPhone);
    expect(chat.at).toBe('apply/phone');
    chat.send(msg);
    expect(chat.at).toBe('apply/idNumber');
    expect(chat.said).toContain('身份证号');
    expect(chat.said).toContain(`您之前填的是：${ID}`);
    expect(chat.state!.answers.idNumber).toBe(ID);
    expect(chat.state!.answers.name).toBe('张三');
  });

  test('twice, then forward again through the same questions', () => {
    const chat = new Chat();
    chat.send(...toPhone, '上一步', '上一步');
    expect(chat.at).toBe('apply/name');
    chat.send('李四');
    expect(chat.at).toBe('apply/idNumber');
    chat.send(ID);
    expect(chat.at).toBe('apply/phone');
    expect(chat.state!.answers.name).toBe('李四');
  });

  test('skips questions that no longer apply', () => {
    const chat = new Chat();
    chat.send(...applicant('1'), '1', '脑梗'); // self: no relation/name questions
    chat.send('上一步');
    expect(chat.at).toBe('apply/illness');
    chat.send('上一步');
    expect(chat.at).toBe('apply/patient');
  });

  test('at the first question it says so and stays', () => {
    const chat = new Chat();
    chat.send('你好', '1', '上一步');
    expect(chat.at).toBe('apply/cause');
    expect(chat.said).toContain('第一个问题');
  });

  test('from the documents step back to the last amount question', () => {
    const chat = new Chat();
    chat.send(...DISASTER, '上一步');
    expect(chat.at).toBe('apply/compensationFen');
    expect(chat.said).toContain('5,000元');
  });
});

describe('帮助', () => {
  test.each([
    [toPhone, 'apply/phone', '打字回答', '手机号'],
    [applicant('1').slice(0, 6), 'apply/townCode', '数字', '东山镇'],
    [DISASTER, 'apply/doc_damage_photos', '跳过', '受灾照片'],
  ])('at %#: what this step expects, the commands, place kept', (messages, at, expects, question) => {
    const chat = new Chat();
    chat.send(...messages);
    const misses = chat.state!.misses;
    const r = chat.send('帮助');
    expect(r.effects).toEqual([]);
    expect(chat.at).toBe(at);
    expect(chat.state!.misses).toBe(misses);
    expect(chat.said).toContain(expects);
    expect(chat.said).toContain(question);
    for (const cmd of ['上一步', '取消', '人工', 'English']) expect(chat.said).toContain(cmd);
  });

  test('at the consent step it explains the consent', () => {
    const chat = new Chat();
    chat.send(...DISASTER, upload(), '好了', '帮助');
    expect(chat.said).toContain('承诺授权');
    expect(chat.at).toBe('apply/consentIncome');
  });
});

describe('人工', () => {
  test.each(['人工', '转人工', '找村干部'])('"%s" mid-application: handover with the village, place kept', (msg) => {
    const chat = new Chat();
    chat.send(...applicant('1'));
    const r = chat.send(msg);
    expect(r.effects).toEqual([{ type: 'handover', reason: 'requested', villageCode: 'V11', note: 'apply:patient' }]);
    expect(chat.said).toContain('村干部');
    expect(chat.said).toContain('生病的是谁');
    expect(chat.at).toBe('apply/patient');
  });

  test('before the village is known, no villageCode', () => {
    const chat = new Chat();
    chat.send(...toPhone);
    const r = chat.send('人工');
    expect(r.effects).toEqual([{ type: 'handover', reason: 'requested', note: 'apply:phone' }]);
  });
});

describe('misses', () => {
  test('counted; the third offers a cadre with the re-ask; a valid answer resets', () => {
    const chat = new Chat();
    chat.send(...toPhone);
    chat.send('不知道');
    expect(chat.state!.misses).toBe(1);
    expect(chat.said).toContain('1开头的11位');
    expect(chat.said).toContain('例如：13812345678');
    expect(chat.said).not.toContain('回复“人工”');
    chat.send('123');
    expect(chat.state!.misses).toBe(2);
    expect(chat.said).not.toContain('回复“人工”');
    chat.send('abc');
    expect(chat.state!.misses).toBe(3);
    expect(chat.said).toContain('回复“人工”');
    expect(chat.said).toContain('例如：13812345678'); // still re-asked
    expect(chat.last.effects).toEqual([]);
    chat.send(PHONE);
    expect(chat.state!.misses).toBe(0);
    expect(chat.at).toBe('apply/townCode');
  });

  test('accepting the offer hands over as misunderstood', () => {
    const chat = new Chat();
    chat.send(...toPhone, 'x', 'y', 'z');
    const r = chat.send('人工');
    expect(r.effects).toEqual([{ type: 'handover', reason: 'misunderstood', note: 'apply:phone' }]);
    expect(chat.state!.misses).toBe(0);
    expect(chat.at).toBe('apply/phone');
  });

  test('a nonsense answer is never silently guessed', () => {
    const chat = new Chat();
    chat.send(...applicant('1').slice(0, 9), '好几万吧');
    expect(chat.at).toBe('apply/annualIncomeFen');
    expect(chat.state!.answers.annualIncomeFen).toBeUndefined();
  });
});

describe('language switch', () => {
  test.each(['English', 'english', '英文'])('"%s" repeats the current question in English', (msg) => {
    const chat = new Chat();
    chat.send(...toPhone);
    const r = chat.send(msg);
    expect(r.effects).toEqual([{ type: 'set_language', lang: 'en' }]);
    expect(chat.state!.lang).toBe('en');
    expect(chat.said).toContain('mobile number');
    expect(chat.at).toBe('apply/phone');
    chat.send('中文');
    expect(chat.last.effects).toEqual([{ type: 'set_language', lang: 'zh-CN' }]);
    expect(chat.said).toContain('手机号');
  });

  test('region names follow the language', () => {
    const chat = new Chat();
    chat.send(...applicant('1').slice(0, 6), 'English');
    expect(chat.said).toContain('1. Dongshan Town');
    expect(chat.said).toContain('Please reply with a number from 1 to 2');
  });

  test('hints are in the new language too', () => {
    const chat = new Chat();
    chat.send(...toPhone, 'English', '0571-88886666');
    expect(chat.said).toContain('landline');
  });
});

describe('resume', () => {
  test('state round-tripped through JSON continues at the same question', () => {
    const chat = new Chat();
    chat.send(...applicant('1'), ...illnessTyped({ patient: '1' }, { until: 'totalCostFen' }));
    const saved = JSON.stringify(chat.state);
    const later = new Chat(makeCtx(), JSON.parse(saved));
    later.send('3万');
    expect(later.state!.answers.totalCostFen).toBe(3000000);
    expect(later.at).toBe('apply/reimbursedFen');
  });

  test.each(['你好', '在吗', '菜单', '申请'])('"%s" mid-application re-asks where the villager stopped', (msg) => {
    const chat = new Chat();
    chat.send(...toPhone);
    const resumed = new Chat(makeCtx(), JSON.parse(JSON.stringify(chat.state)));
    const r = resumed.send(msg);
    expect(r.effects).toEqual([]);
    expect(resumed.said).toContain('您上次填到“手机号”');
    expect(resumed.said).toContain('例如：13812345678');
    expect(resumed.at).toBe('apply/phone');
    expect(resumed.state!.answers.idNumber).toBe(ID);
  });

  test('at the documents step the resume names the item', () => {
    const chat = new Chat();
    chat.send(...DISASTER, '你好');
    expect(chat.said).toContain('您上次填到“受灾照片”');
  });

  test('"查询" mid-application explains how to leave, and keeps the place', () => {
    const chat = new Chat();
    chat.send(...toPhone, '查询');
    expect(chat.said).toContain('正在填写申请');
    expect(chat.at).toBe('apply/phone');
    expect(chat.state!.misses).toBe(0);
  });

  test('a state from an older flow version starts over cleanly', () => {
    const r = step({ flow: 'apply', step: 'no_such_step', answers: { name: 'x' }, misses: 0, history: [], lang: 'en' }, text('hi'), makeCtx());
    expect(r.state).toMatchObject({ flow: 'menu', step: 'main', answers: {}, lang: 'en' });
    expect(r.effects).toEqual([{ type: 'discard_documents' }]);
  });
});
