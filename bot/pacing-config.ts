/**
 * The bot's pacing per WeChat account from the environment: BOT_MIN_INTERVAL_MS (the least time
 * between two outgoing notices) and BOT_DAILY_CAPS (daily caps per kind, e.g. `reminder=200`).
 * Read by the bot's own start and by the embedded start (start/embedded.ts); the server never
 * reads them.
 */
import { parseDailyCaps } from './pacer';

export class PacingConfigError extends Error {}

export type Pacing = { minIntervalMs: number; dailyCaps: Record<string, number> };

export function loadPacing(env: NodeJS.ProcessEnv): Pacing {
  const raw = env.BOT_MIN_INTERVAL_MS?.trim();
  const minIntervalMs = raw ? Number(raw) : 1000;
  if (!Number.isInteger(minIntervalMs) || minIntervalMs < 0 || minIntervalMs > 600_000) {
    throw new PacingConfigError('invalid configuration: BOT_MIN_INTERVAL_MS must be a whole number of milliseconds from 0 to 600000 (default 1000)');
  }
  try {
    return { minIntervalMs, dailyCaps: parseDailyCaps(env.BOT_DAILY_CAPS) };
  } catch (err) {
    throw new PacingConfigError(`invalid configuration: ${(err as Error).message}`);
  }
}
