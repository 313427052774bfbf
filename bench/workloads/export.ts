/**
 * The 台账 export on a large register (issue 13: a county with 100,000 rows exports without holding
 * them in memory, the server staying under 300 MB): GET /api/export as the county office, the
 * response read as it streams (its bytes counted, never kept): XLSX once per layout — `all` (every
 * field, a row per case) and `national` (a row per household: its latest case) — and CSV in `all`. The server's peak resident
 * memory is read for each. Baseline: the same rows read straight from PostgreSQL with the export's
 * own batch statements (server/core/export/read.ts batchQuery, 1,000 at a time by keyset) — the ratio
 * is what opening the sealed values and writing the file add to the read.
 */
import http from 'node:http';
import { builtInLayout } from '../../server/core/export/layouts';
import { batchQuery, BATCH } from '../../server/core/export/read';
import { needsOf } from '../../server/core/export/run';
import type { BenchDatabase } from '../harness/database';
import type { ChildServer } from '../harness/server-process';
import { mb } from '../harness/memory';
import { seconds, slower, type Row } from '../harness/table';

const LAYOUTS = ['all', 'national'] as const;
/** XLSX in both layouts, and CSV in the larger one. */
const RUNS = [
  { layout: 'all', format: 'xlsx' },
  { layout: 'national', format: 'xlsx' },
  { layout: 'all', format: 'csv' },
] as const;

/** GET url, the body counted as it arrives: status, bytes, ms. */
function download(url: string, token: string): Promise<{ status: number; bytes: number; ms: number; head: string }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
        let bytes = 0;
        let head = '';
        res.on('data', (chunk: Buffer) => {
          if (bytes < 400) head += chunk.toString('latin1').slice(0, 400);
          bytes += chunk.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - t, head }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** The export's own statements straight to PostgreSQL: every batch, no sealed value opened, no file. */
async function rawRead(db: BenchDatabase, layoutId: (typeof LAYOUTS)[number]): Promise<{ rows: number; ms: number }> {
  const layout = builtInLayout(layoutId, 'zh-CN')!;
  const client = await db.connect();
  const t = performance.now();
  let rows = 0;
  try {
    let after: { submittedAt: Date; caseNo: string } | null = null;
    for (;;) {
      const q = batchQuery({ scope: { kind: 'all' }, now: new Date() }, layout.kind, needsOf(layout), after, BATCH);
      // the pg driver reads timestamp(3) in local time; the keyset needs the value as stored (UTC)
      const res = await client.query<{ submittedAt: Date; caseNo: string }>({ text: q.sql.replace('SELECT c."caseNo"', `SELECT to_char(c."submittedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "submittedIso", c."caseNo"`), values: q.values });
      rows += res.rows.length;
      if (res.rows.length < BATCH) break;
      const last = res.rows[res.rows.length - 1] as unknown as { submittedIso: string; caseNo: string };
      after = { submittedAt: new Date(last.submittedIso), caseNo: last.caseNo };
    }
  } finally {
    await client.end();
  }
  return { rows, ms: performance.now() - t };
}

export async function exportLedger(server: ChildServer, db: BenchDatabase, o: { adminToken: string; cases: number; label: string }): Promise<Row[]> {
  const rows: Row[] = [];
  const reads = new Map<(typeof LAYOUTS)[number], { rows: number; ms: number }>();
  for (const { layout, format } of RUNS) {
    const before = server.rss();
    const { result, peakRss, peakSinceStart } = await server.peakDuring(() => download(`${server.url}/api/export?layout=${layout}&format=${format}`, o.adminToken));
    const base = reads.get(layout) ?? (await rawRead(db, layout));
    reads.set(layout, base);
    const [audit] = await db.query<{ subject: string }>(`SELECT subject FROM "AuditEntry" WHERE action = 'export:ledger' ORDER BY seq DESC LIMIT 1`);
    const exported = audit ? (JSON.parse(audit.subject) as { rows: number; complete: boolean }) : undefined;
    const ok = result.status === 200 && (format === 'csv' ? result.head.startsWith('\xEF\xBB\xBF') : result.head.startsWith('PK')) && exported?.complete === true;
    rows.push({
      workload: `export 台账 ${format.toUpperCase()}, layout ${layout}${o.label}`,
      figure: seconds(result.ms),
      baseline: `${seconds(base.ms)} (its SQL alone, ${base.rows.toLocaleString('en')} rows)`,
      ratio: slower(result.ms, base.ms),
      errors: ok ? 0 : 1,
      peakRss,
      note: `${(exported?.rows ?? 0).toLocaleString('en')} rows, ${mb(result.bytes)} file, server RSS ${mb(before)} before, peak ${mb(peakRss)} during${peakSinceStart ? ' (since start: the peak could not be reset)' : ''}${ok ? '' : `; HTTP ${result.status}: ${result.head.slice(0, 200)}`}`,
    });
  }
  return rows;
}
