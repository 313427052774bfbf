/** The application flow, every branch of every cause, down to the file_case effect. */
import { ApplicationDataSchema } from '../../flows';
import type { ApplicationData } from '../../flows';
import {
  applicant, atSummary, Chat, DISASTER, documentsAndConsent, EDUCATION, ID, ILLNESS, makeCtx, PHONE, TO_SUMMARY, upload,
} from './support';
import { illnessFiled, illnessTyped } from '../support/illness';

function filed(chat: Chat): ApplicationData {
  const files = chat.effectsOf('file_case');
  expect(files).toHaveLength(1);
  return files[0].application;
}

describe('each cause, straight through', () => {
  test.each([
    {
      cause: 'illness' as const,
      details: { ...illnessFiled(), patientName: '张三', selfPaidFen: 3000000, missingDocuments: [] },
      rigid: 3000000,
      exceeds: true,
    },
    {
      cause: 'disaster' as const,
      details: { disasterKind: 'flood', disasterDate: '2025-06-01', lossFen: 3000000, compensationFen: 500000, missingDocuments: [] },
      rigid: 2500000,
      exceeds: true,
    },
    {
      cause: 'education' as const,
      details: { studentName: '王小明', stage: 'senior', school: '县第一中学', educationCostFen: 1200000, aidFen: 200000, missingDocuments: [] },
      rigid: 1000000,
      exceeds: false,
    },
  ])('$cause: files a valid case', ({ cause, details, rigid, exceeds }) => {
    const chat = atSummary(cause);
    const r = chat.send('确认');
    const app = filed(chat);
    expect(r.effects).toHaveLength(1);
    expect(app.cause).toBe(cause);
    expect(app.details).toEqual(details);
    expect(app.applicant).toEqual({
      name: '张三', idNumber: ID, phone: PHONE, townCode: 'T1', villageCode: 'V11',
      householdSize: 4, annualIncomeFen: 2000000, perCapitaIncomeFen: 500000, povertyAlleviated: true,
    });
    expect(app.rigidExpenseFen).toBe(rigid);
    expect(app.precheck).toEqual({ incomeLineFen: 600000, underIncomeLine: true, expenseExceedsIncome: exceeds });
    expect(app.consent).toEqual({ incomeCheck: true, personalInfo: true, at: '2025-06-15T02:00:00.000Z' });
    expect(app.lang).toBe('zh-CN');
    expect(ApplicationDataSchema.safeParse(app).success).toBe(true);
    // Back to the menu, resting; the case number comes from describeOutcome, so nothing is said here.
    expect(chat.at).toBe('menu/idle');
    expect(r.replies).toEqual([]);
    // Nothing sensitive stays in the session; the village is remembered.
    expect(chat.state!.answers).toEqual({ townCode: 'T1', villageCode: 'V11' });
  });

  test('the summary lists every answer plainly, money in yuan', () => {
    const chat = atSummary('illness');
    const s = chat.said;
    for (const fact of ['张三', ID, PHONE, '东山镇', '东山村', '4人', '20,000元', '脑梗', '县人民医院', '50,000元', '30,000元', '约5,000元', '确认', '电话错了']) {
      expect(s).toContain(fact);
    }
  });
});

describe('applicant questions', () => {
  const toName = applicant('1').slice(0, 3);

  test.each([
    ['张3', '不能有数字'],
    ['张', '至少要2个字'],
    ['!!!', '汉字或英文'],
    // pinyin typed by a helper: the papers need the characters
    ['Li Ming', '拼音不行'],
    ['wo jiao li xiu lan', '拼音不行'],
  ])('name "%s" is refused: %s', (bad, hint) => {
    const chat = new Chat();
    chat.send(...toName, bad);
    expect(chat.at).toBe('apply/name');
    expect(chat.said).toContain(hint);
    expect(chat.said).toContain('例如：张三');
  });

  test.each(['张 三', '阿依古丽·买买提'])('name "%s" is accepted', (good) => {
    const chat = new Chat();
    chat.send(...toName, good);
    expect(chat.at).toBe('apply/idNumber');
  });

  test.each([
    ['110105491231002', '15位老身份证号'],
    ['1101051949123100', '18位'],
    ['110105194912310021', '输错'],
  ])('ID "%s" gets the specific hint', (bad, hint) => {
    const chat = new Chat();
    chat.send(...toName, '张三', bad);
    expect(chat.at).toBe('apply/idNumber');
    expect(chat.said).toContain(hint);
    expect(chat.said).toContain('11010519491231002X');
  });

  test.each([
    ['0571-88886666', '座机'],
    ['1381234', '11位'],
  ])('phone "%s" gets the specific hint', (bad, hint) => {
    const chat = new Chat();
    chat.send(...toName, '张三', ID, bad);
    expect(chat.at).toBe('apply/phone');
    expect(chat.said).toContain(hint);
  });

  test.each([
    ['西河乡', '桃园村', 'T2', 'V22'],
    ['2', '1', 'T2', 'V21'],
    ['东山', '柳树', 'T1', 'V12'],
  ])('town "%s" then village "%s"', (town, village, townCode, villageCode) => {
    const chat = new Chat();
    chat.send(...toName, '张三', ID, PHONE, town);
    expect(chat.said).toContain(townCode === 'T2' ? '桃园村' : '柳树村'); // that town's villages
    chat.send(village);
    expect(chat.state!.answers).toMatchObject({ townCode, villageCode });
  });

  test('a village of another town is not offered', () => {
    const chat = new Chat();
    chat.send(...toName, '张三', ID, PHONE, '1', '桃园村');
    expect(chat.at).toBe('apply/villageCode');
  });

  test('a list with a single choice does not say "1 到 1"', () => {
    const ctx = makeCtx({ towns: [{ code: 'T1', name: '东山镇', villages: [{ code: 'V11', name: '东山村' }] }] });
    const chat = new Chat(ctx);
    chat.send(...toName, '张三', ID, PHONE);
    expect(chat.said).toContain('1. 东山镇\n只有一项，请回复 1。');
    expect(chat.said).not.toContain('1 到 1');
    chat.send('1');
    expect(chat.said).toContain('1. 东山村\n只有一项，请回复 1。');
  });

  test.each(['0', '21', '很多'])('household size "%s" is re-asked', (bad) => {
    const chat = new Chat();
    chat.send(...applicant('1').slice(0, 8), bad);
    expect(chat.at).toBe('apply/householdSize');
    expect(chat.said).toContain('1 到 20');
  });

  test('income: per-capita figure, rounded to whole fen', () => {
    const chat = new Chat();
    chat.send(...applicant('1').slice(0, 8), '3', '1万');
    // 1,000,000 fen / 3 = 333,333.33 → 333,333 fen stored; said as "约" whole yuan.
    expect(chat.said).toContain('去年人均纯收入约3,333元（10,000元 ÷ 3人）');
    expect(chat.at).toBe('apply/povertyAlleviated');
  });

  test('income "没有" is 0', () => {
    const chat = new Chat();
    chat.send(...applicant('1').slice(0, 9), '没有');
    expect(chat.state!.answers.annualIncomeFen).toBe(0);
  });

  test.each([['不是', false], ['是的', true]])('脱贫户 "%s"', (msg, value) => {
    const chat = new Chat();
    chat.send(...applicant('1').slice(0, 10), msg);
    expect(chat.state!.answers.povertyAlleviated).toBe(value);
    expect(chat.at).toBe('apply/patient');
  });

  test('an unclear yes/no is re-asked', () => {
    const chat = new Chat();
    chat.send(...applicant('1').slice(0, 10), '不知道');
    expect(chat.at).toBe('apply/povertyAlleviated');
    expect(chat.said).toContain('“是”或“不是”');
  });
});

describe('因病', () => {
  const start = applicant('1');
  /** A broken leg treated at 县医院, the villager's own: the typed answers up to `until` (or all), some replaced. */
  const fracture = (over: Record<string, string>, until?: string) =>
    [...start, ...illnessTyped({ patient: '1', illness: '骨折', hospital: '县医院', ...over }, { until })];

  test('a family member is ill: relation and name are asked', () => {
    const chat = new Chat();
    chat.send(...start, '2');
    expect(chat.at).toBe('apply/patientRelation');
    chat.send('母亲');
    expect(chat.at).toBe('apply/patientName');
    chat.send('李秀英', ...illnessTyped({ illness: '肺癌', hospital: '市医院', hospitalLevel: '对', totalCostFen: '8万', reimbursedFen: '3万' }, { from: 'illness' }), ...documentsAndConsent(2), '确认');
    expect(filed(chat).details).toMatchObject({ patient: 'family', patientRelation: '母亲', patientName: '李秀英', selfPaidFen: 5000000 });
  });

  test('self-paid is computed and confirmed', () => {
    const chat = new Chat();
    chat.send(...fracture({ totalCostFen: '3万2', reimbursedFen: '一万' }, 'selfPaidConfirmed'));
    expect(chat.at).toBe('apply/selfPaidConfirmed');
    expect(chat.said).toContain('约22,000元');
    expect(chat.said).toContain('32,000元');
  });

  test('"不对": the self-paid amount is asked, and must not exceed the total', () => {
    const chat = new Chat();
    chat.send(...fracture({ totalCostFen: '3万', reimbursedFen: '1万', selfPaidConfirmed: '不对' }));
    expect(chat.at).toBe('apply/selfPaidFen');
    chat.send('4万');
    expect(chat.at).toBe('apply/selfPaidFen');
    expect(chat.said).toContain('不能比总费用（30,000元）多');
    chat.send('25000');
    expect(chat.state!.answers.selfPaidFen).toBe(2500000);
    expect(chat.said).toContain('初步算一下');
  });

  test('reimbursed more than the total is re-asked with a clear hint', () => {
    const chat = new Chat();
    chat.send(...fracture({ totalCostFen: '3万', reimbursedFen: '5万' }, 'selfPaidConfirmed'));
    expect(chat.at).toBe('apply/reimbursedFen');
    expect(chat.said).toContain('不能比总费用（30,000元）多');
  });

  test.each([['0', '这里要填大于 0'], ['好多钱', '没看懂']])('total cost "%s" is refused', (bad, hint) => {
    const chat = new Chat();
    chat.send(...fracture({}, 'totalCostFen'), bad);
    expect(chat.at).toBe('apply/totalCostFen');
    expect(chat.said).toContain(hint);
    expect(chat.said).toContain('例如');
  });

  test('nothing reimbursed ("没有") makes the whole cost self-paid', () => {
    const chat = new Chat();
    chat.send(...fracture({ totalCostFen: '3万', reimbursedFen: '没有' }, 'selfPaidConfirmed'));
    expect(chat.said).toContain('约30,000元');
  });
});

describe('因灾', () => {
  const start = applicant('2');

  test.each([
    ['1', 'flood'], ['干旱', 'drought'], ['3', 'fire'], ['滑坡', 'geological'], ['冰雹', 'wind_hail'], ['6', 'other'],
  ])('kind "%s"', (msg, kind) => {
    const chat = new Chat();
    chat.send(...start, msg);
    expect(chat.state!.answers.disasterKind).toBe(kind);
    expect(chat.at).toBe('apply/disasterDate');
  });

  test.each([
    ['6月1日', '2025-06-01'],
    ['7月1日', '2024-07-01'], // not yet come on 15 June: last year's, said back for a yes
    ['2025-02-30', null],
    ['明年', null],
  ])('date "%s"', (msg, value) => {
    const chat = new Chat();
    chat.send(...start, '1', msg);
    if (value !== null && value.startsWith('2024')) {
      expect(chat.state!.answers.disasterDate).toBeUndefined();
      chat.send('对');
    }
    if (value === null) {
      expect(chat.at).toBe('apply/disasterDate');
      expect(chat.said).toContain('例如：7月15日 或 2024-07-15');
    } else expect(chat.state!.answers.disasterDate).toBe(value);
  });

  test('a future date is refused', () => {
    const chat = new Chat();
    chat.send(...start, '1', '2025-06-20');
    expect(chat.at).toBe('apply/disasterDate');
    expect(chat.said).toContain('还没到');
  });

  test('compensation above the loss is re-asked', () => {
    const chat = new Chat();
    chat.send(...start, '1', '昨天', '1万', '2万');
    expect(chat.state!.answers.disasterDate).toBe('2025-06-14');
    expect(chat.at).toBe('apply/compensationFen');
    expect(chat.said).toContain('不能比损失（10,000元）多');
  });

  test('one checklist item: photos of the damage', () => {
    const chat = new Chat();
    chat.send(...DISASTER);
    expect(chat.at).toBe('apply/doc_damage_photos');
    expect(chat.said).toContain('请拍照发送：受灾照片\n'); // a single item: no "第1项，共1项"
    expect(chat.said).not.toContain('第1项');
  });
});

describe('因学', () => {
  const start = applicant('3');

  test.each([['1', 'preschool'], ['小学', 'primary'], ['初中', 'junior'], ['中职', 'senior'], ['大学', 'college'], ['6', 'graduate']])(
    'stage "%s"',
    (msg, stage) => {
      const chat = new Chat();
      chat.send(...start, '王小明', msg);
      expect(chat.state!.answers.stage).toBe(stage);
    },
  );

  test('aid above the cost is re-asked', () => {
    const chat = new Chat();
    chat.send(...start, '王小明', '2', '实验小学', '5000', '6000');
    expect(chat.at).toBe('apply/aidFen');
    expect(chat.said).toContain('不能比上学费用（5,000元）多');
  });

  test('a school name must be words', () => {
    const chat = new Chat();
    chat.send(...start, '王小明', '2', '12');
    expect(chat.at).toBe('apply/school');
    expect(chat.said).toContain('请用文字回答');
  });

  test('two checklist items', () => {
    const chat = new Chat();
    chat.send(...EDUCATION);
    expect(chat.said).toContain('录取通知书或学籍证明');
    chat.send(upload(), '好了');
    expect(chat.said).toContain('缴费凭证');
  });
});

describe('pre-check (information, never a rejection)', () => {
  /** An education application in 东山村 (line 6,000 yuan) or 柳树村 (no line), up to the documents. */
  const precheck = (village: '1' | '2', size: string, income: string, cost: string) => {
    const chat = new Chat();
    chat.send(...applicant('3', village).slice(0, 8), size, income, '不是', '王小明', '2', '实验小学', cost, '0');
    expect(chat.at).toBe('apply/doc_enrollment_proof'); // the flow always goes on
    return chat.said;
  };

  test.each([
    ['under the line, expense above income', '1', '4', '2万', '3万', ['低于本地2025年的监测标准（每人每年6,000元）', '超过了家里一年的收入20,000元'], ['也可以申请']],
    ['under the line, expense not above income', '1', '4', '2万', '5000', ['去年人均纯收入约5,000元，低于本地2025年的监测标准', '没有超过家里一年的收入20,000元'], ['也可以申请']],
    ['exactly at the line', '1', '4', '2万4', '5000', ['约6,000元，正好等于本地2025年的监测标准（每人每年6,000元）'], ['也可以申请']],
    ['above the line, expense above income', '1', '2', '2万', '3万', ['高于本地2025年的监测标准（每人每年6,000元）', '超过了家里一年的收入', '也可以申请'], []],
    ['above the line, expense not above income', '1', '2', '2万', '5000', ['约10,000元，高于本地2025年的监测标准', '没有超过', '也可以申请'], []],
    // 18,001 ÷ 3 = 6,000.33: rounding would read "约6,000元，高于…6,000元", so the fen stay.
    ['just above the line', '1', '3', '18001', '5000', ['约6,000.33元，高于本地2025年的监测标准（每人每年6,000元）'], []],
    ['no line configured for the village', '2', '4', '2万', '5000', ['去年人均纯收入约5,000元。本地的监测标准，由村干部帮您核对。'], ['也可以申请']],
  ] as const)('%s', (_name, village, size, income, cost, present, absent) => {
    const said = precheck(village, size, income, cost);
    for (const line of present) expect(said).toContain(line);
    for (const line of absent) expect(said).not.toContain(line);
    // Every branch ends the same encouraging way.
    expect(said).toContain('能不能帮扶，由村干部和镇、县审核后决定。您可以接着申请。');
  });

  test('no income line configured for the village: the cadre will check', () => {
    const chat = new Chat();
    chat.send(...applicant('2', '2'), ...['1', '昨天', '3万', '0']);
    expect(chat.said).toContain('由村干部帮您核对');
    chat.send(...documentsAndConsent(1), '确认');
    expect(filed(chat).precheck).toEqual({ incomeLineFen: null, underIncomeLine: null, expenseExceedsIncome: true });
  });
});

describe('consent', () => {
  test.each([
    ['refusing the commitment and authorisation', ['不同意']],
    ['refusing the personal-information consent', ['同意', '不同意']],
  ])('%s files nothing, discards documents, returns to the menu', (_name, answers) => {
    const chat = new Chat();
    chat.send(...DISASTER, upload(), '好了');
    expect(chat.at).toBe('apply/consentIncome');
    expect(chat.said).toContain('收入和财产');
    const r = chat.send(...answers);
    expect(r.effects).toEqual([{ type: 'discard_documents' }]);
    expect(chat.effectsOf('file_case')).toEqual([]);
    expect(chat.at).toBe('menu/main');
    expect(chat.said).toContain('没有提交');
    expect(chat.said).not.toContain('已删除');
    expect(chat.said).toContain('1. 申请帮扶');
    expect(chat.state!.answers).toEqual({});
  });

  test('the personal-information consent names what is used and that notices hide it', () => {
    const chat = new Chat();
    chat.send(...DISASTER, upload(), '好了', '同意');
    expect(chat.at).toBe('apply/consentPersonal');
    for (const fact of ['身份证号', '手机号', '照片', '只用于这次']) expect(chat.said).toContain(fact);
  });

  test('an unclear answer is re-asked with 同意/不同意', () => {
    const chat = new Chat();
    chat.send(...DISASTER, upload(), '好了', '啥意思');
    expect(chat.at).toBe('apply/consentIncome');
    expect(chat.said).toContain('“同意”或“不同意”');
  });
});

test('the English walk-through files the same data with lang en', () => {
  const chat = new Chat();
  chat.send('hello', 'English', '1', 'illness', 'Li Ming', ID, PHONE, 'Dongshan Town', 'Liushu Village', '3', '15000', 'no');
  expect(chat.said).toContain('Who is ill?');
  chat.send(...illnessTyped({ patient: '1', illness: 'stroke', hospital: 'County Hospital', totalCostFen: '50000', reimbursedFen: '0', selfPaidConfirmed: 'yes' }));
  expect(chat.said).toContain('A village cadre will check the monitoring line');
  chat.send(upload(), 'done', 'skip', 'agree', 'agree');
  expect(chat.said).toContain('Please check your answers');
  expect(chat.said).toContain('Not provided');
  chat.send('confirm');
  const app = filed(chat);
  expect(app.lang).toBe('en');
  expect(app.applicant).toMatchObject({ name: 'Li Ming', villageCode: 'V12', householdSize: 3, perCapitaIncomeFen: 500000 });
  expect(app.details).toMatchObject({ selfPaidFen: 5000000, missingDocuments: ['discharge_summary'] });
});

test('TO_SUMMARY fixtures stay valid', () => {
  expect(Object.keys(TO_SUMMARY)).toEqual(['illness', 'disaster', 'education']);
});
