/**
 * Issue 10 (probe 13 kind): the town and village questions read a place said by part of its name or
 * vaguely, in a county where names overlap: one place named whole is taken, one named by the start of
 * its name is said back, several are listed and asked again — never one picked among them.
 */
import { Chat, makeCtx } from './support';
import { toApplicant } from './corpus/support';

const county = makeCtx({
  knownContact: false,
  towns: [
    {
      code: 'A',
      name: '石门镇',
      villages: [
        { code: 'A1', name: '石门坎村' },
        { code: 'A2', name: '红星村' },
        { code: 'A3', name: '红旗村' },
      ],
    },
    { code: 'B', name: '白沙乡', villages: [{ code: 'B1', name: '白沙村' }, { code: 'B2', name: '红星村' }] },
  ],
});

function at(step: 'townCode' | 'villageCode', town?: string): Chat {
  const chat = new Chat(county);
  chat.send(...toApplicant('townCode'));
  if (town) chat.send(town);
  expect(chat.at).toBe(`apply/${step}`);
  return chat;
}

describe('the town question', () => {
  test.each([
    ['就是白沙那边', 'B'],
    ['石门的', 'A'],
    ['俺们是白沙的', 'B'],
  ])('%s: the town named whole is taken', (said, code) => {
    const chat = at('townCode');
    chat.send(said);
    expect(chat.state!.answers.townCode).toBe(code);
  });

  test.each([
    ['石门坎', { townCode: 'A', villageCode: 'A1' }, '石门坎村'],
    ['红旗那边', { townCode: 'A', villageCode: 'A3' }, '红旗村'],
  ])('%s: a village of the county is said back with its town', (said, patch, name) => {
    const chat = at('townCode');
    chat.send(said);
    expect(chat.state!.answers.townCode).toBeUndefined();
    expect(chat.state!.pending?.patch).toEqual(patch);
    expect(chat.said).toContain(name);
    chat.send('对');
    expect(chat.state!.answers).toMatchObject(patch);
  });

  test('a name two villages of the county share: both listed, asked again', () => {
    const chat = at('townCode');
    chat.send('红星');
    expect(chat.at).toBe('apply/townCode');
    expect(chat.state!.pending).toBeUndefined();
    expect(chat.state!.answers.townCode).toBeUndefined();
    expect(chat.said).toContain('石门镇红星村');
    expect(chat.said).toContain('白沙乡红星村');
    expect(chat.said).toContain('请回复数字');
  });
});

describe('the village question', () => {
  test('a short name taken, a partial one said back', () => {
    const short = at('villageCode', '1');
    short.send('就红旗那块');
    expect(short.state!.answers.villageCode).toBe('A3');

    const partial = at('villageCode', '1');
    partial.send('石门');
    expect(partial.state!.answers.villageCode).toBeUndefined();
    expect(partial.state!.pending?.patch).toEqual({ villageCode: 'A1' });
  });

  test('two villages starting alike: the one named whole is taken, the other only starts with it', () => {
    const chat = new Chat(makeCtx({ knownContact: false, towns: [{ code: 'A', name: '石门镇', villages: [{ code: 'A1', name: '红星村' }, { code: 'A2', name: '红星新村' }] }] }));
    chat.send(...toApplicant('villageCode').slice(0, -1), '1');
    expect(chat.at).toBe('apply/villageCode');
    chat.send('红星那边');
    // 红星 is 红星村 whole: taken (红星新村 only starts with it)
    expect(chat.state!.answers.villageCode).toBe('A1');
  });

  test('a part several villages start with: listed, nothing chosen', () => {
    const chat = new Chat(makeCtx({ knownContact: false, towns: [{ code: 'A', name: '石门镇', villages: [{ code: 'A1', name: '红星村' }, { code: 'A2', name: '红星新村' }, { code: 'A3', name: '白沙村' }] }] }));
    chat.send(...toApplicant('villageCode').slice(0, -1), '1');
    chat.send('星新');
    expect(chat.state!.pending?.patch).toEqual({ villageCode: 'A2' }); // inside one name only: said back
    const two = new Chat(makeCtx({ knownContact: false, towns: [{ code: 'A', name: '石门镇', villages: [{ code: 'A1', name: '红星一村' }, { code: 'A2', name: '红星二村' }] }] }));
    two.send(...toApplicant('villageCode').slice(0, -1), '1');
    two.send('红星那边');
    expect(two.at).toBe('apply/villageCode');
    expect(two.state!.answers.villageCode).toBeUndefined();
    expect(two.state!.pending).toBeUndefined();
    expect(two.said).toContain('红星一村、红星二村');
  });
});
