/**
 * The illness as villagers say it (flows/parse/illness.ts): the words leading up to it and the
 * particles after it are no part of its name; whether what is left is recognisably an illness, or
 * only a category, is said too.
 */
import { readIllness, withoutIllnessClauses } from '../../../flows/parse/illness';

describe('readIllness', () => {
  test.each([
    // lead-ins: the verb, and whoever is said before it
    ['是脑梗', '脑梗', true, true],
    ['得了尿毒症', '尿毒症', true, true],
    ['得的肺气肿', '肺气肿', true, true],
    ['他得的是胃癌', '胃癌', true, true],
    ['医生说是脑出血', '脑出血', true, true],
    ['大夫讲是冠心病', '冠心病', true, true],
    ['查出来是肝癌', '肝癌', true, true],
    ['检查出来的是胆结石', '胆结石', true, true],
    ['俺老伴是乳腺癌', '乳腺癌', true, true],
    ['我家老头 是脑血栓', '脑血栓', true, true],
    ['确诊了肝硬化', '肝硬化', true, true],
    ['诊断为慢阻肺', '慢阻肺', true, true],
    ['患冠心病', '冠心病', true, true],
    ['患者是帕金森', '帕金森', true, true],
    ['又犯了心脏病', '心脏病', true, true],
    ['他有高血压', '高血压', true, true],
    // a "yes" before it: its particles go with it
    ['是啊，肺癌', '肺癌', true, true],
    ['是的 胃癌', '胃癌', true, true],
    ['得的是那个 糖尿病', '糖尿病', true, true],
    // after it: a full stop, 了, 的病, how long
    ['是肺癌。', '肺癌', true, true],
    ['得了肺癌了', '肺癌', true, true],
    ['脑梗的病', '脑梗', false, true],
    ['患了类风湿好多年了', '类风湿', true, true],
    ['糖尿病三年了', '糖尿病', false, true],
    // what is left names no known illness: said back by the question
    ['说是腰不行了', '腰不行了', true, false],
    // no lead-in: as typed (the question stores what it recognises and what it does not alike)
    ['肺癌晚期', '肺癌晚期', false, true],
    ['高血压脑出血', '高血压脑出血', false, true],
    // not lead-ins: a "no", an illness said first, a common "有"
    ['不是癌', '不是癌', false, true],
    ['脑梗，是老毛病了', '脑梗', false, true],
    ['有点发烧', '有点发烧', false, false],
  ])('%s → %s (lead-in %s, known %s)', (said, illness, leadIn, known) => {
    const r = readIllness(said);
    expect([r.illness, r.leadIn, r.known, r.vague]).toEqual([illness, leadIn, known, false]);
  });

  test.each([
    // how long, what it does, what was done, the stay, the money: no part of the name
    ['糖尿病，十几年了', '糖尿病'],
    ['中风了，右边手脚不能动', '中风'],
    ['甲状腺癌做了手术', '甲状腺癌'],
    ['食管癌，饭都咽不下', '食管癌'],
    ['脑梗住了一个月院', '脑梗'],
    ['肺癌 花了五万多', '肺癌'],
    ['乳腺癌，化疗了六次', '乳腺癌'],
    // part of the name: a stage, a second illness, a complication
    ['肺癌晚期', '肺癌晚期'],
    ['高血压脑出血', '高血压脑出血'],
    ['糖尿病并发症', '糖尿病并发症'],
    ['高血压、糖尿病', '高血压、糖尿病'],
  ])('%s → %s', (said, illness) => {
    expect(readIllness(said)).toMatchObject({ illness, known: true, vague: false });
    expect(readIllness(said).guessed).toBeFalsy();
  });

  test.each([
    ['腿摔断了', '腿骨折'],
    ['是腿摔断了', '腿骨折'],
    ['胳膊被砸断了', '胳膊骨折'],
    ['摔了一跤，手腕跌断了', '手腕骨折'],
    ['癌症，肺上的', '肺癌'],
    ['是癌，在肝上', '肝癌'],
    ['肿瘤 乳房上的', '乳腺癌'],
  ])('%s is put together as %s: said back', (said, illness) => {
    expect(readIllness(said)).toMatchObject({ illness, known: true, guessed: true });
  });

  test.each(['心脏不好，做了支架', '腰疼，走不了路', '头晕 吃了好多药'])('%s: clauses naming no illness — asked', (said) => {
    expect(readIllness(said)).toMatchObject({ known: false, described: true });
  });

  test.each(['癌', '癌症', '得了癌', '大病', '是个瘤子', '肿瘤', '重病'])('%s is only a category: asked which', (said) => {
    expect(readIllness(said)).toMatchObject({ vague: true, known: false });
  });
});

describe('withoutIllnessClauses', () => {
  test.each([
    ['孙子 白血病', '孙子'],
    ['我闺女，乳腺癌', '我闺女'],
    ['老伴 脑梗 住院了', '老伴 住院了'],
    // nothing but the illness, or no illness clause: unchanged
    ['白血病', '白血病'],
    ['我孙女王小芳', '我孙女王小芳'],
    ['我老伴得了肺癌', '我老伴得了肺癌'],
  ])('%s → %s', (said, left) => {
    expect(withoutIllnessClauses(said)).toBe(left);
  });
});
