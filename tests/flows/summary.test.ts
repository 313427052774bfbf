/** Editing from the summary: jump to the question, come back, recompute what depends on it. */
import { atSummary, Chat, ID, upload } from './support';

describe('修改 from the summary', () => {
  test.each([
    ['修改 电话', 'phone', '13900001111', 'phone', '13900001111'],
    ['修改电话', 'phone', '13900001111', 'phone', '13900001111'],
    ['改 电话', 'phone', '13900001111', 'phone', '13900001111'],
    ['修改 手机号码', 'phone', '13900001111', 'phone', '13900001111'],
    ['修改 名字', 'name', '李四', 'name', '李四'],
    ['修改 姓名', 'name', '李四', 'name', '李四'],
    ['修改 身份证', 'idNumber', '110105194912310021'.slice(0, 17) + 'X', 'idNumber', ID],
    ['修改 几口人', 'householdSize', '5', 'householdSize', 5],
    ['修改 人口', 'householdSize', '5', 'householdSize', 5],
    ['修改 收入', 'annualIncomeFen', '1万5', 'annualIncomeFen', 1500000],
    ['修改 脱贫户', 'povertyAlleviated', '不是', 'povertyAlleviated', false],
    ['名字写错了', 'name', '李四', 'name', '李四'], // the summary has no line numbers: the item is named
    ['change phone', 'phone', '13900001111', 'phone', '13900001111'],
  ])('"%s" → %s, then back to the summary', (cmd, stepId, answer, field, value) => {
    const chat = atSummary('illness');
    chat.send(cmd);
    expect(chat.at).toBe(`apply/${stepId}`);
    expect(chat.said).toContain('您之前填的是');
    chat.send(answer);
    expect(chat.at).toBe('apply/summary');
    expect(chat.state!.answers[field]).toEqual(value);
    expect(chat.state!.returnTo).toBeUndefined();
    chat.send('确认');
    expect(chat.effectsOf('file_case')).toHaveLength(1);
  });

  test('household size changed: per-capita recomputed in the summary and the case', () => {
    const chat = atSummary('illness');
    chat.send('修改 几口人', '5');
    expect(chat.said).toContain('约4,000元'); // 20,000 / 5
    chat.send('确认');
    expect(chat.effectsOf('file_case')[0].application.applicant.perCapitaIncomeFen).toBe(400000);
  });

  test('"修改 村" re-asks the town, then the village', () => {
    const chat = atSummary('disaster');
    chat.send('修改 村');
    expect(chat.at).toBe('apply/townCode');
    chat.send('西河乡');
    expect(chat.at).toBe('apply/villageCode');
    chat.send('桃园村');
    expect(chat.at).toBe('apply/summary');
    expect(chat.said).toContain('桃园村');
    expect(chat.said).toContain('由村干部帮您核对'); // no income line configured for 桃园村
    chat.send('确认');
    expect(chat.effectsOf('file_case')[0].application.precheck.incomeLineFen).toBeNull();
  });

  test.each([
    ['illness', '修改 医院', 'hospital', '市中心医院'],
    ['illness', '修改 疾病', 'illness', '肺炎'],
    ['illness', '修改 病人', 'patient', '1'],
    ['disaster', '修改 灾害', 'disasterKind', '火灾'],
    ['disaster', '修改 日期', 'disasterDate', '6月2日'],
    ['disaster', '修改 赔偿', 'compensationFen', '0'],
    ['education', '修改 学校', 'school', '市第二中学'],
    ['education', '修改 学段', 'stage', '初中'],
    ['education', '修改 资助', 'aidFen', '1000'],
    ['education', '修改 学生', 'studentName', '王小红'],
  ] as const)('%s: "%s"', (cause, cmd, stepId, answer) => {
    const chat = atSummary(cause);
    chat.send(cmd);
    expect(chat.at).toBe(`apply/${stepId}`);
    chat.send(answer);
    expect(chat.at).toBe('apply/summary');
  });

  test('editing the total cost re-asks the self-paid confirmation with the new figure', () => {
    const chat = atSummary('illness');
    chat.send('修改 总费用', '8万');
    expect(chat.at).toBe('apply/selfPaidConfirmed');
    expect(chat.said).toContain('约60,000元'); // 80,000 − 20,000
    chat.send('对');
    expect(chat.at).toBe('apply/summary');
    expect(chat.said).toContain('60,000元');
    chat.send('确认');
    expect(chat.effectsOf('file_case')[0].application).toMatchObject({ rigidExpenseFen: 6000000, details: { totalCostFen: 8000000, selfPaidFen: 6000000 } });
  });

  test('a total below the reimbursement re-asks the reimbursement too', () => {
    const chat = atSummary('illness');
    chat.send('修改 总费用', '1万');
    expect(chat.at).toBe('apply/reimbursedFen');
    chat.send('3000', '不对', '6000');
    expect(chat.at).toBe('apply/summary');
    chat.send('确认');
    expect(chat.effectsOf('file_case')[0].application.details).toMatchObject({ totalCostFen: 1000000, reimbursedFen: 300000, selfPaidFen: 600000 });
  });

  test('a loss below the compensation re-asks the compensation', () => {
    const chat = atSummary('disaster');
    chat.send('修改 损失', '3000');
    expect(chat.at).toBe('apply/compensationFen');
    expect(chat.said).toContain('不能比损失（3,000元）多');
    chat.send('1000');
    expect(chat.at).toBe('apply/summary');
  });

  test('"修改 自付" → not right → the amount is asked', () => {
    const chat = atSummary('illness');
    chat.send('修改 自付', '不对', '25000');
    expect(chat.at).toBe('apply/summary');
    expect(chat.said).toContain('自付金额：25,000元');
  });

  test('changing the cause asks the new cause\'s questions and documents, then the summary', () => {
    const chat = atSummary('illness');
    chat.send('修改 困难类型', '2');
    expect(chat.at).toBe('apply/disasterKind');
    chat.send('1', '昨天', '1万', '0');
    expect(chat.at).toBe('apply/doc_damage_photos');
    chat.send(upload(), '好了');
    expect(chat.at).toBe('apply/summary');
    expect(chat.said).not.toContain('脑梗');
    chat.send('确认');
    const app = chat.effectsOf('file_case')[0].application;
    expect(app.cause).toBe('disaster');
    expect(app.details).not.toHaveProperty('illness');
  });

  test('"修改 材料" opens the first documents item to add more', () => {
    const chat = atSummary('disaster');
    chat.send('修改 材料');
    expect(chat.at).toBe('apply/doc_damage_photos');
    chat.send(upload());
    expect(chat.said).toContain('第2张');
    chat.send('好了');
    expect(chat.at).toBe('apply/summary');
  });

  test('"上一步" during an edit returns to the summary', () => {
    const chat = atSummary('illness');
    chat.send('修改 电话', '上一步');
    expect(chat.at).toBe('apply/summary');
  });

  test('"修改" alone, "修改 2" or "不对" asks which item, in one line with an example', () => {
    const chat = atSummary('illness');
    for (const reply of ['修改', '修改 2', '不对']) {
      chat.send(reply);
      expect(chat.said).toContain('哪一项要改');
      expect(chat.said).toContain('电话错了');
      expect(chat.said.split('\n')).toHaveLength(1);
      expect(chat.state!.misses).toBe(0);
      expect(chat.at).toBe('apply/summary');
    }
  });

  test('an unknown item is a miss with the list of what can be changed', () => {
    const chat = atSummary('illness');
    chat.send('修改 银行卡');
    expect(chat.at).toBe('apply/summary');
    expect(chat.state!.misses).toBe(1);
    expect(chat.said).toContain('没找到');
    expect(chat.said).toContain('可以改的有');
    expect(chat.said).toContain('手机号');
  });

  test('an edit during a resumed session still returns to the summary', () => {
    const chat = atSummary('education');
    chat.send('修改 学费');
    const resumed = new Chat(chat.ctx, JSON.parse(JSON.stringify(chat.state)));
    resumed.send('你好');
    expect(resumed.said).toContain('一年上学费用');
    resumed.send('1万');
    expect(resumed.at).toBe('apply/summary');
  });
});

test('an unclear answer at the summary is re-asked', () => {
  const chat: Chat = atSummary('disaster');
  chat.send('嗯？？');
  expect(chat.said).toContain('确认');
  expect(chat.effectsOf('file_case')).toEqual([]);
});
