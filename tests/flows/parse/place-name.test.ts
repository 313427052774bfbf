import { placesNamed } from '../../../flows/parse/place-name';

const PLACES = [
  { name: '桃园镇' },
  { name: '桃花村' },
  { name: '东山村' },
  { name: '东山口村' },
  { name: '石门坎村' },
  { name: '新华街道' },
];
const names = (xs: { name: string }[]) => xs.map((x) => x.name);

describe('placesNamed: a place said by its name, part of it, or vaguely', () => {
  test.each([
    ['桃园', ['桃园镇']],
    ['就是桃园那边', ['桃园镇']],
    ['桃园的', ['桃园镇']],
    ['俺们是桃花的', ['桃花村']],
    ['在新华那一片', ['新华街道']],
    ['东山', ['东山村']], // the name whole wins over a longer name starting with it
    ['东山村', ['东山村']],
    ['就东山', ['东山村']],
  ])('%s → exact %j', (text, expected) => {
    const r = placesNamed(text, PLACES);
    expect(names(r.exact)).toEqual(expected);
    expect(r.partial).toEqual([]);
  });

  test.each([
    ['石门', ['石门坎村']], // only the start of the name: said back
    ['就是石门那边', ['石门坎村']],
    ['俺是石门的', ['石门坎村']],
  ])('%s → partial %j', (text, expected) => {
    const r = placesNamed(text, PLACES);
    expect(r.exact).toEqual([]);
    expect(names(r.partial)).toEqual(expected);
  });

  test('several places start with what was said: all of them, for the villager to choose', () => {
    expect(names(placesNamed('桃', PLACES).partial)).toEqual([]); // one character names nothing
    expect(names(placesNamed('东山那边的', [{ name: '东山口村' }, { name: '东山坪村' }]).partial)).toEqual(['东山口村', '东山坪村']);
  });

  test.each([['城关'], ['1'], ['不知道'], ['']])('%s names none', (text) => {
    expect(placesNamed(text, PLACES)).toMatchObject({ exact: [], partial: [] });
  });
});
