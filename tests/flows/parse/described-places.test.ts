/**
 * A hospital or a school described by its place rather than named (flows/parse/hospital.ts,
 * school.ts): the county's or town's own is said back as a cadre files it; a place alone names none.
 */
import { describedHospital, namesNoHospital } from '../../../flows/parse/hospital';
import { describedSchool, findSchool } from '../../../flows/parse/school';

test.each([
  ['俺们镇上的卫生院', '镇卫生院'],
  ['县里那个医院', '县医院'],
  ['在乡里的卫生院', '乡卫生院'],
  ['镇子上的医院', '镇医院'],
  // named, or vague: not a description to say back
  ['镇卫生院', null],
  ['俺们乡卫生院', null],
  ['市里的医院', null],
  ['县城的大医院', null],
  ['县人民医院', null],
])('describedHospital(%s) → %s', (said, name) => {
  expect(describedHospital(said)).toBe(name);
});

test.each([
  ['医院', true],
  ['镇上的', true],
  ['县里的', true],
  ['在医院', true],
  ['大医院', true],
  // issue 10 (probe 16 kind A2): only where, no institution, however it is said
  ['就在俺们县里', true],
  ['在市里看的', true],
  ['省城', true],
  ['就在本地看的', true],
  ['县城', true],
  ['县级医院', true],
  ['市级的', true],
  ['三甲医院', true],
  ['县医院', false],
  ['村卫生室', false],
  ['县城医院', false],
  ['协和', false],
  ['镇卫生院', false],
])('namesNoHospital(%s) → %s', (said, none) => {
  expect(namesNoHospital(said)).toBe(none);
});

test.each([
  ['在镇上的中学', '镇中学'],
  ['村里的小学', '村小学'],
  ['县里那个高中', '县高中'],
  ['镇中学', null],
  ['县一中', null],
  ['学校', null],
])('describedSchool(%s) → %s', (said, name) => {
  expect(describedSchool(said)).toBe(name);
});

test.each([
  ['孩子在县一中', '县一中'],
  ['闺女在市实验小学上学', '市实验小学'],
  ['在县二中读书', '县二中'],
  ['刚考上大学', null],
  // issue 10 (probe 14 kind): 叫 / 名字叫 before the name inside a sentence; a school described first ("一所中专") is no name
  ['县里的一所职高 叫县职业高中', '县职业高中'],
  ['读的那个 名字叫红星小学', '红星小学'],
  ['念的是叫县第四中学', '县第四中学'],
  ['一所中专', null],
])('findSchool(%s) → %s', (said, name) => {
  expect(findSchool(said)).toBe(name);
});
