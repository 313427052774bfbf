/**
 * The demo clock of a development start (the simulator on — never in production, see
 * server/production-profile.ts): the system's time plus an offset a cadre moves forward from the
 * console ("advance the clock by N days"), so a person trying the system takes a case through the
 * ≥ 5-day 公示 to 已发放 in one sitting. It is the server's one clock there (server/core/clock.ts):
 * server/start.ts gives its `now` to the app (deps.now) and to the jobs that read a clock (the
 * deadline check, scheduled broadcasts), so every rule — the publicity guard, the time limits, the
 * dates written — reads the same demo time. The offset is kept in DataSetting, so a restart keeps
 * the demo's day. Moving it also moves the login sessions' expiry by as much: a demo step of six
 * days does not log everyone out.
 */
import type { PrismaClient } from '../generated/prisma/client';
import { systemClock, type Clock } from './clock';

/** The DataSetting row of the offset: `{ offsetMs }`. */
export const DEMO_CLOCK_SETTING = 'demo_clock';

const DAY_MS = 24 * 3600_000;

/** How far one request may move it, in days. */
export const DEMO_MAX_DAYS = 60;

type Db = Pick<PrismaClient, 'dataSetting' | '$executeRaw' | '$transaction'>;

export class DemoClock {
  private offset = 0;

  private constructor(private readonly base: Clock) {}

  /** The demo clock, with the offset kept from an earlier run. `base`: the real time (a test fixes it). */
  static async load(prisma: Pick<PrismaClient, 'dataSetting'>, base: Clock = systemClock): Promise<DemoClock> {
    const clock = new DemoClock(base);
    const row = await prisma.dataSetting.findUnique({ where: { key: DEMO_CLOCK_SETTING } });
    const stored = (row?.value as { offsetMs?: unknown } | undefined)?.offsetMs;
    if (typeof stored === 'number' && Number.isFinite(stored) && stored >= 0) clock.offset = stored;
    return clock;
  }

  /** The time on this clock (deps.now). */
  readonly now: Clock = () => new Date(this.base().getTime() + this.offset);

  /** What a client is shown: the demo time, the real time, how far ahead. */
  state() {
    const now = this.now();
    return { now: now.toISOString(), realNow: this.base().toISOString(), offsetMs: this.offset, offsetDays: Math.round((this.offset / DAY_MS) * 100) / 100, ahead: this.offset > 0 };
  }

  /** Moves the clock `days` forward, kept for the next start; the sessions' expiry moves with it. */
  async advance(prisma: Db, days: number): Promise<void> {
    await this.moveTo(prisma, this.offset + days * DAY_MS);
  }

  /** Back to the real time (sessions keep their moved expiry: a reset never logs anyone out early). */
  async reset(prisma: Db): Promise<void> {
    await this.moveTo(prisma, 0);
  }

  private async moveTo(prisma: Db, offsetMs: number): Promise<void> {
    const by = offsetMs - this.offset;
    await prisma.$transaction(async (tx) => {
      await tx.dataSetting.upsert({ where: { key: DEMO_CLOCK_SETTING }, create: { key: DEMO_CLOCK_SETTING, value: { offsetMs } }, update: { value: { offsetMs } } });
      if (by > 0) {
        const ms = `${by} milliseconds`;
        await tx.$executeRaw`UPDATE "CadreSession" SET "expiresAt" = "expiresAt" + ${ms}::interval, "lastUsedAt" = "lastUsedAt" + ${ms}::interval`;
        await tx.$executeRaw`UPDATE "VillagerSession" SET "expiresAt" = "expiresAt" + ${ms}::interval`;
      }
    });
    this.offset = offsetMs;
  }
}
