/**
 * Workload 2: the HTTP ceiling of the API. `GET /api/cases?pageSize=20` as the county office
 * (ADMIN_TOKEN) and `GET /health`, `concurrency` requests in flight, against the baseline of a koa
 * hello-world (bench/baseline/hello-koa.mjs) driven by the same load generator in the same run.
 */
import { HttpTarget } from '../harness/http';
import { repeatRequest, type LoadResult } from '../harness/load';
import type { ChildServer } from '../harness/server-process';
import { rate, share, type Row } from '../harness/table';

export type ListOptions = { concurrency: number; seconds: number; adminToken: string; label: string };

export async function helloRate(hello: ChildServer, o: Pick<ListOptions, 'concurrency' | 'seconds'>): Promise<LoadResult> {
  const target = new HttpTarget(hello.url, o.concurrency);
  try {
    return await repeatRequest(o.concurrency, o.seconds, () => target.get('/'));
  } finally {
    target.close();
  }
}

export async function caseList(server: ChildServer, hello: LoadResult, o: ListOptions): Promise<Row[]> {
  const target = new HttpTarget(server.url, o.concurrency);
  const auth = { authorization: `Bearer ${o.adminToken}` };
  const rows: Row[] = [];
  const helloText = `koa hello-world: ${rate(hello.perSecond, 'req/s')} (p50 ${hello.p50.toFixed(1)} ms)`;
  for (const [name, path, headers] of [
    [`GET /api/cases?pageSize=20, admin, ${o.concurrency} at once${o.label}`, '/api/cases?pageSize=20', auth],
    [`GET /health, ${o.concurrency} at once${o.label}`, '/health', {}],
  ] as const) {
    const { result, peakRss } = await server.peakDuring(() => repeatRequest(o.concurrency, o.seconds, () => target.get(path, headers)));
    rows.push({
      workload: name,
      figure: rate(result.perSecond, 'req/s'),
      baseline: helloText,
      ratio: share(result.perSecond, hello.perSecond),
      latency: result,
      errors: result.errors,
      peakRss,
      ...(result.firstError ? { note: `first error: ${result.firstError}` } : {}),
    });
  }
  target.close();
  return rows;
}
