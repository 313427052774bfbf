/**
 * The console's copies of the server's alert lists (console/src/alerts/types.ts: it bundles no
 * server code) are the server's: department codes, rule kinds, causes, wordings, closures, and who
 * may configure, import, read and close. Read from the console's source text (an ES module of
 * another package, which jest here does not load).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALERT_CAUSES, CLOSURES, DEPARTMENT_CODES, RULE_KINDS, WORDINGS } from '../../server/core/alerts/departments';
import { MAY } from '../../server/core/auth/permissions';

const source = readFileSync(path.resolve(__dirname, '../../console/src/alerts/types.ts'), 'utf8');
/** The strings of a `[...]` list in the text. */
const strings = (list: string) => [...list.matchAll(/'([^']*)'/g)].map((m) => m[1]);
const constList = (name: string) => strings(source.match(new RegExp(`export const ${name} = \\[([^\\]]*)\\] as const;`))?.[1] ?? '');
const rolesMay = (capability: string) => strings(source.match(new RegExp(`\\n  ${capability}: \\[([^\\]]*)\\],`))?.[1] ?? '');

test.each([
  ['DEPARTMENT_CODES', DEPARTMENT_CODES],
  ['RULE_KINDS', RULE_KINDS],
  ['ALERT_CAUSES', ALERT_CAUSES],
  ['WORDINGS', WORDINGS],
  ['CLOSURES', CLOSURES],
] as [string, readonly string[]][])('%s', (name, list) => {
  expect(constList(name)).toEqual([...list]);
});

test.each(['configureDepartments', 'importDepartmentData', 'readAlerts', 'closeAlerts'] as const)('who may %s', (capability) => {
  expect(rolesMay(capability)).toEqual([...MAY[capability]]);
});

test('the reader finds nothing in a list that is not there', () => {
  expect(constList('NO_SUCH_LIST')).toEqual([]);
  expect(rolesMay('noSuchCapability')).toEqual([]);
});
