/**
 * The bench still runs (issue 11): `npm run bench -- --quick` — every workload at a tiny size
 * against a real server process and a database of its own — exits 0 and prints a row for every
 * workload. Its figures are not looked at: timings never become assertions (bench/README.md).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The rows bench/run.ts prints, by the start of their workload column. */
const ROWS = [
  'start to /health',
  'server memory, idle',
  'conversation steps, 4 villagers at once |',
  'GET /api/cases?pageSize=20, admin, 4 at once |',
  'GET /health, 4 at once |',
  'broadcast to 1,000 recipients: writing the outbox',
  'outbox lease + ack, 1,000 pending',
  'cancelling the broadcast, 1,000 still queued',
  'seeding 1,000 cases',
  'conversation steps, 4 villagers at once — 1,000 cases',
  'GET /api/cases?pageSize=20, admin, 4 at once — 1,000 cases',
  'GET /health, 4 at once — 1,000 cases',
  ...['newest', 'by village', 'by town', 'by status', 'overdue', 'by due date', 'by cause', 'village review, by due date'].map((v) => `work queue ${v}`),
  'export 台账 XLSX, layout all — 1,000 cases',
  'export 台账 XLSX, layout national — 1,000 cases',
];

test('npm run bench -- --quick runs every workload', () => {
  const run = spawnSync('npm', ['run', 'bench', '--', '--quick'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000, env: { ...process.env, FORCE_COLOR: '0' } });
  const output = `${run.stdout}\n${run.stderr}`;
  expect({ status: run.status, signal: run.signal, tail: run.status === 0 ? '' : output.slice(-3000) }).toEqual({ status: 0, signal: null, tail: '' });
  const table = run.stdout.split('\n').filter((line) => line.startsWith('| '));
  for (const row of ROWS) expect(table.some((line) => line.startsWith(`| ${row}`))).toBe(true);
  expect(run.stdout).toMatch(/machine: \d+ cores/);
}, 600_000);
