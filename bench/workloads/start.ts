/**
 * Workload 5: start to /health on PostgreSQL with an up-to-date database (migrated and seeded by a
 * first start, not timed), the median of `times` starts of package.json's start:server command;
 * then resident memory after `idleSeconds` idle. Baseline: a koa hello-world's start to its first
 * answer and its memory — what Node and koa cost before any of the project's code.
 */
import path from 'node:path';
import { mb, peakRssBytes } from '../harness/memory';
import { ChildServer, ROOT, type Command } from '../harness/server-process';
import { median } from '../harness/stats';
import { seconds, slower, type Row } from '../harness/table';

export const HELLO: Command = { file: process.execPath, args: [path.join(ROOT, 'bench/baseline/hello-koa.mjs')], env: {}, text: 'node bench/baseline/hello-koa.mjs' };

export async function startAndIdle(command: Command, env: Record<string, string>, o: { times: number; idleSeconds: number }): Promise<{ rows: Row[]; server: ChildServer }> {
  await (await ChildServer.start(command, env)).stop(); // the first start seeds the demo county
  const starts: number[] = [];
  let server: ChildServer | undefined;
  for (let i = 0; i < o.times; i++) {
    await server?.stop();
    server = await ChildServer.start(command, env);
    starts.push(server.startMs);
  }
  const helloStarts: number[] = [];
  let helloRss: number | undefined;
  for (let i = 0; i < o.times; i++) {
    const hello = await ChildServer.start(HELLO, {}, '/');
    helloStarts.push(hello.startMs);
    if (i === o.times - 1) {
      await sleep(o.idleSeconds * 1000);
      helloRss = hello.rss();
    }
    await hello.stop();
  }
  await sleep(o.idleSeconds * 1000);
  const idle = server!.rss();
  const rows: Row[] = [
    {
      workload: `start to /health, PostgreSQL, up-to-date database (${command.text})`,
      figure: seconds(median(starts)),
      baseline: `node + koa hello-world: ${seconds(median(helloStarts))}`,
      ratio: slower(median(starts), median(helloStarts)),
      note: `median of ${o.times}: ${starts.map((s) => seconds(s)).join(', ')}`,
    },
    {
      workload: `server memory, idle ${o.idleSeconds} s after start`,
      figure: mb(idle),
      baseline: `koa hello-world: ${mb(helloRss)}`,
      ratio: idle && helloRss ? `${(idle / helloRss).toFixed(1)}×` : '—',
      peakRss: peakRssBytes(server!.pid),
      note: 'its peak RSS is the peak since it started',
    },
  ];
  return { rows, server: server! };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
