/**
 * The 台账 export alone (issue 13): `npx tsx bench/export.ts` seeds 100,000 cases into a fresh
 * database, exports them as XLSX through GET /api/export from a real server process, and prints the
 * time and the server's peak resident memory beside the export's own SQL read straight from
 * PostgreSQL — bench/run.ts's `export` workload (`npm run bench -- --only export --cases 100000`).
 * Options as bench/run.ts's (`--cases N`, `--keep-database`, `--no-build`); `--cases` is 100,000 here
 * unless given.
 */
const args = process.argv.slice(2);
process.argv.splice(2, args.length, '--only', 'export', ...(args.some((a) => a === '--cases' || a.startsWith('--cases=')) ? [] : ['--cases', '100000']), ...args);
void import('./run.js');
