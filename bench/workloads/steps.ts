/**
 * Workload 1: conversation steps. `villagers` simulated villagers apply at once through
 * POST /api/bot/inbound (villager.ts), each starting a new application when one is filed, for
 * `seconds`; the figure is steps (answered messages) per second over the wall time. Baseline: the
 * step's minimal transaction at the database's own speed, same clients, same database (pgbench.ts).
 */
import type { BenchDatabase } from '../harness/database';
import { HttpTarget } from '../harness/http';
import { closedLoop } from '../harness/load';
import type { ChildServer } from '../harness/server-process';
import { rate, share, type Row } from '../harness/table';
import { stepBaseline } from './pgbench';
import { applyByChat } from './villager';

export type StepsOptions = {
  villagers: number;
  seconds: number;
  /** Each villager files at least this many applications, however long it takes (the quick run: 1, to show the script still files). */
  minApplications: number;
  /** Numbers villagers across the run: no two share an ID number. */
  next: () => number;
  botToken: string;
  label: string;
};

export async function conversationSteps(server: ChildServer, db: BenchDatabase, o: StepsOptions): Promise<{ row: Row; filed: number }> {
  const target = new HttpTarget(server.url, o.villagers);
  let filed = 0;
  let abandoned = 0;
  let retries = 0;
  const { result: load, peakRss } = await server.peakDuring(() =>
    closedLoop(o.villagers, o.seconds, async (_i, deadline, rec) => {
      let mine = 0;
      while (performance.now() < deadline || mine < o.minApplications) {
        const walk = await applyByChat(target, o.botToken, o.next(), rec, mine < o.minApplications ? Infinity : deadline);
        retries += walk.retries;
        if (walk.filed) {
          filed += 1;
          mine += 1;
        } else if (walk.failed) abandoned += 1;
        else if (walk.steps === 0 || performance.now() >= deadline) break;
        if (walk.failed && mine < o.minApplications && abandoned > o.villagers * 3) break; // the script no longer works: stop trying
      }
    }),
  );
  target.close();
  const base = await stepBaseline(db, o.villagers, o.seconds);
  return {
    filed,
    row: {
      workload: `conversation steps, ${o.villagers} villagers at once${o.label}`,
      figure: rate(load.perSecond, 'steps/s'),
      baseline: `${base.tool}: ${rate(base.perSecond, 'tps')} (p50 ${base.p50.toFixed(1)} ms, p99 ${base.p99.toFixed(1)} ms)`,
      ratio: share(load.perSecond, base.perSecond),
      latency: load,
      errors: load.errors,
      peakRss,
      note: `${load.ok} steps in ${load.seconds.toFixed(1)} s, ${filed} applications filed, ${retries} calls retried after a 5xx as the gateway does (their wait is in the latency)${load.firstError ? `; first error: ${load.firstError.slice(0, 160)}` : ''}`,
    },
  };
}
