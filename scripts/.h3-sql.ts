import { casePageQueries, tallyQuery } from '../server/core/cases/list-query';
const inline = (q: { sql: string; values: unknown[] }) => { let sql = q.sql; q.values.forEach((v, i) => { sql = sql.replace(new RegExp(`\\$${i + 1}(?!\\d)`, 'g'), `'${v}'`); }); return sql.replace(/\n/g, ' ') + ';'; };
const which = process.argv[2];
const f = { scope: { kind: 'all' as const }, now: new Date() };
if (which === 'page') console.log(inline(casePageQueries(f, 'newest', null, 21)[0]!));
if (which === 'tally') console.log(inline(tallyQuery(null)));
if (which === 'both') console.log(inline(casePageQueries(f, 'newest', null, 21, { byStatus: 'tally', villageIds: null, cap: null })[0]!));
