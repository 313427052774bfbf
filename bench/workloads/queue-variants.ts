/**
 * Workload 3: the work-queue list variants on a large register, as a county office pages through
 * them: one request at a time, the first page then the next ones by `nextCursor` (page= when the
 * response has none), 10 pages deep, again from the first. Baseline: the first page's own SQL
 * (server/core/cases/list-query.ts, what the route runs) sent straight to PostgreSQL as often —
 * so the ratio is what the server adds to its query.
 */
import { CASE_STATUS, CASE_STATUSES, STATUS_LEVEL } from '../../flows/workflow/statuses';
import { casePageQueries, type CaseListFilter, type ListSort } from '../../server/core/cases/list-query';
import type { BenchDatabase } from '../harness/database';
import { HttpTarget } from '../harness/http';
import { Recorder } from '../harness/load';
import type { ChildServer } from '../harness/server-process';
import { share, type Row } from '../harness/table';

/** The status a town acts on (镇审核), read from the workflow rather than spelled here. */
const TOWN_STEP = CASE_STATUSES.find((s) => STATUS_LEVEL[s] === 'town')!;

const PAGE = 20;
const DEPTH = 10;

type Variant = { name: string; query: string; sort: ListSort; filter: (ids: Map<string, string>) => Omit<CaseListFilter, 'now'> };

const VILLAGE = '439901100201'; // 柳树村
const TOWN = '439901100'; // 青山镇

const VARIANTS: Variant[] = [
  { name: 'newest', query: '', sort: 'newest', filter: () => ({ scope: { kind: 'all' } }) },
  { name: 'by village', query: `region=${VILLAGE}`, sort: 'newest', filter: (ids) => ({ scope: { kind: 'village', regionId: ids.get(VILLAGE)! } }) },
  { name: 'by town', query: `region=${TOWN}`, sort: 'newest', filter: (ids) => ({ scope: { kind: 'town', regionId: ids.get(TOWN)! } }) },
  { name: 'by status (town review)', query: `status=${TOWN_STEP}`, sort: 'newest', filter: () => ({ scope: { kind: 'all' }, statuses: [TOWN_STEP] }) },
  { name: 'overdue', query: 'overdue=true', sort: 'newest', filter: () => ({ scope: { kind: 'all' }, overdue: true }) },
  { name: 'by due date', query: 'sort=due', sort: 'due', filter: () => ({ scope: { kind: 'all' } }) },
  { name: 'by cause (disaster)', query: 'cause=disaster', sort: 'newest', filter: () => ({ scope: { kind: 'all' }, cause: 'disaster' }) },
  { name: 'village review, by due date', query: `status=${CASE_STATUS.village_review}&sort=due`, sort: 'due', filter: () => ({ scope: { kind: 'all' }, statuses: [CASE_STATUS.village_review] }) },
];

export async function queueVariants(server: ChildServer, db: BenchDatabase, o: { requests: number; adminToken: string; label: string }): Promise<Row[]> {
  const target = new HttpTarget(server.url, 1);
  const auth = { authorization: `Bearer ${o.adminToken}` };
  const ids = new Map((await db.query<{ code: string; id: string }>(`SELECT code, id FROM "Region"`)).map((r) => [r.code, r.id]));
  const sql = await db.connect();
  const rows: Row[] = [];
  try {
    for (const v of VARIANTS) {
      const rec = new Recorder();
      let deepest = 0;
      const { peakRss } = await server.peakDuring(async () => {
        let next: string | undefined;
        let page = 1;
        for (let i = 0; i < o.requests; i++) {
          if (i % DEPTH === 0) [next, page] = [undefined, 1];
          const paging = next ? `&cursor=${encodeURIComponent(next)}` : page > 1 ? `&page=${page}` : '';
          await rec.time(async () => {
            const res = await target.get(`/api/cases?pageSize=${PAGE}${v.query ? `&${v.query}` : ''}${paging}`, auth);
            if (res.status !== 200) return `HTTP ${res.status} ${res.body.toString().slice(0, 200)}`;
            const body = JSON.parse(res.body.toString()) as { nextCursor?: string | null; cases?: unknown[] };
            next = body.nextCursor ?? undefined;
            page += 1;
            deepest = Math.max(deepest, page - 1);
            return true;
          });
        }
      });
      // the same list's first page, its SQL alone
      const base = new Recorder();
      const queries = casePageQueries({ ...v.filter(ids), now: new Date() }, v.sort, null, PAGE);
      for (let i = 0; i < o.requests; i++) {
        await base.time(async () => {
          let got = 0;
          for (const q of queries) {
            if (got >= PAGE) break;
            got += (await sql.query(q.sql, q.values)).rowCount ?? 0;
          }
          return true;
        });
      }
      const api = rec.result(1);
      const raw = base.result(1);
      rows.push({
        workload: `work queue ${v.name}${o.label}`,
        figure: `p95 ${api.p95.toFixed(1)} ms`,
        baseline: `its SQL alone: p95 ${raw.p95.toFixed(1)} ms (p50 ${raw.p50.toFixed(1)})`,
        ratio: `${(api.p95 / raw.p95).toFixed(1)}× its SQL`,
        latency: api,
        errors: api.errors,
        peakRss,
        note: `${api.ok} requests, pages 1–${deepest}${api.firstError ? `; first error: ${api.firstError}` : ''}`,
      });
    }
  } finally {
    await sql.end();
    target.close();
  }
  return rows;
}
