/**
 * Issue 10, through the engine (today Sunday 15 June 2025, lunar 2025 五月二十): what a cadre makes of
 * traditional characters, lunar days, a term's or a day's pay, and income lived on without earning it.
 */
import { applicant, Chat, DISASTER_ANSWERS, EDUCATION_ANSWERS, makeCtx } from './support';

function at(reach: string[]): Chat {
  const chat = new Chat(makeCtx({ knownContact: false }));
  chat.send(...reach);
  return chat;
}
const DATE = [...applicant('2'), DISASTER_ANSWERS[0]];
const INCOME = applicant('1').slice(0, 9);
const SCHOOL_COST = [...applicant('3'), ...EDUCATION_ANSWERS.slice(0, 3)];

describe('a lunar month said back: its day is read in it', () => {
  test('"腊月里", then "二十三": 腊月二十三 (22 January 2025), not the 23rd of the solar month', () => {
    const chat = at(DATE);
    expect(chat.at).toBe('apply/disasterDate');
    chat.send('腊月里');
    expect(chat.said).toContain('腊月');
    expect(chat.state!.pending?.patch).toEqual({ disasterDate: '2025-01' });
    chat.send('二十三');
    expect(chat.state!.answers.disasterDate).toBe('2025-01-22');
  });

  test('"腊月里", then "记不清了": the month is kept, no day made up', () => {
    const chat = at(DATE);
    chat.send('腊月里', '记不清了');
    expect(chat.state!.answers.disasterDate).toBe('2025-01');
  });

  test('"中秋前后": the day said back, stored on a yes', () => {
    const chat = at(DATE);
    chat.send('中秋前后');
    expect(chat.said).toContain('2024年9月17日');
    expect(chat.state!.answers.disasterDate).toBeUndefined();
    chat.send('对');
    expect(chat.state!.answers.disasterDate).toBe('2024-09-17');
  });
});

describe('a period\'s figure where the year is asked', () => {
  test('"一学期四千": two terms, 8,000 yuan, said back naming the term', () => {
    const chat = at(SCHOOL_COST);
    expect(chat.at).toBe('apply/educationCostFen');
    chat.send('一学期四千');
    expect(chat.said).toMatch(/一学期4,000元.*8,000元.*对吗/u);
    expect(chat.state!.answers.educationCostFen).toBeUndefined();
  });

  test('"一天一百": the days worked are asked, nothing stored', () => {
    const chat = at(INCOME);
    expect(chat.at).toBe('apply/annualIncomeFen');
    chat.send('打零工一天一百');
    expect(chat.said).toContain('多少天');
    expect(chat.state!.answers.annualIncomeFen).toBeUndefined();
    expect(chat.state!.pending).toBeUndefined();
    chat.send('一天一百，一年干两百天');
    expect(chat.said).toMatch(/200天.*20,000元/u);
  });
});

describe('income lived on without earning it', () => {
  test.each([
    ['没有收入 全靠低保', '低保'],
    ['就靠低保', '低保'],
    ['靠儿女给点', '儿女'],
    ['老两口就靠养老金过', '养老金'],
  ])('%j: asked how much a year, naming it — never stored as 0', (answer, named) => {
    const chat = at(INCOME);
    chat.send(answer);
    expect(chat.at).toBe('apply/annualIncomeFen');
    expect(chat.said).toContain(named);
    expect(chat.state!.answers.annualIncomeFen).toBeUndefined();
    chat.send('4800');
    expect(chat.state!.answers.annualIncomeFen).toBe(480_000);
  });

  test('"没有收入" alone is 0, as the question says', () => {
    const chat = at(INCOME);
    chat.send('没有收入');
    expect(chat.state!.answers.annualIncomeFen).toBe(0);
  });
});

describe('traditional characters', () => {
  test('read as simplified at every question: "應該是兩萬", "對", a name', () => {
    const chat = at(INCOME);
    chat.send('應該是兩萬');
    expect(chat.state!.answers.annualIncomeFen).toBe(2_000_000);
    chat.send('對');
    expect(chat.state!.answers.povertyAlleviated).toBe(true);
  });
});
