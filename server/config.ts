/**
 * All configuration comes from the environment, validated once at start with zod.
 * The README's configuration table lists every variable below.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseTimeLimits, type TimeLimits } from './workflow/deadlines';
import { parseDailyCaps } from '../bot/pacer';

const optionalString = z.string().trim().min(1).optional().catch(undefined);

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), 'DATABASE_URL must be a postgres:// URL'),
  DATA_DIR: z.string().default('./data'),
  DOCUMENTS_DIR: optionalString,
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  BOT_TOKEN: optionalString,
  ADMIN_TOKEN: optionalString,
  DEFAULT_LANG: z.enum(['zh-CN', 'en']).default('zh-CN'),
  SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  TIME_LIMITS: z.string().optional(),
  PUBLICITY_MIN_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  BOT_MIN_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
  BOT_DAILY_CAPS: z.string().optional(),
  SESSION_HOURS: z.coerce.number().positive().max(24 * 90).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().max(24 * 60).default(15),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  documentsDir: string;
  maxUploadBytes: number;
  /** Shared secret between bot and server. Generated per process when unset (embedded mode). */
  botToken: string;
  botTokenGenerated: boolean;
  adminToken?: string;
  defaultLang: 'zh-CN' | 'en';
  seedDemo: 'auto' | 'always' | 'never';
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Workflow: time limit per status, and the shortest public notice. */
  workflow: { limits: TimeLimits; publicityMinDays: number };
  /** Outbox delivery: failures before a message becomes a dead letter; how long a bot holds a message it took. */
  outbox: { maxAttempts: number; leaseSeconds: number };
  /** The embedded bot's pacing per WeChat account: the least time between two outgoing notices, and daily caps per kind. */
  botMinIntervalMs: number;
  botDailyCaps: Record<string, number>;
  /** Cadre login: how long a session lasts; how many wrong passwords lock an account, for how long. */
  auth: { sessionHours: number; maxFailures: number; lockMinutes: number };
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${issues}`);
  }
  const e = parsed.data;
  let limits: TimeLimits;
  try {
    limits = parseTimeLimits(e.TIME_LIMITS);
  } catch (err) {
    throw new ConfigError(`invalid configuration: ${(err as Error).message}`);
  }
  let botDailyCaps: Record<string, number>;
  try {
    botDailyCaps = parseDailyCaps(e.BOT_DAILY_CAPS);
  } catch (err) {
    throw new ConfigError(`invalid configuration: ${(err as Error).message}`);
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    documentsDir: path.resolve(e.DOCUMENTS_DIR ?? path.join(dataDir, 'documents')),
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    botToken: e.BOT_TOKEN ?? randomBytes(24).toString('hex'),
    botTokenGenerated: !e.BOT_TOKEN,
    adminToken: e.ADMIN_TOKEN,
    defaultLang: e.DEFAULT_LANG,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    workflow: { limits, publicityMinDays: e.PUBLICITY_MIN_DAYS },
    outbox: { maxAttempts: e.OUTBOX_MAX_ATTEMPTS, leaseSeconds: e.OUTBOX_LEASE_SECONDS },
    botMinIntervalMs: e.BOT_MIN_INTERVAL_MS,
    botDailyCaps,
    auth: { sessionHours: e.SESSION_HOURS, maxFailures: e.LOGIN_MAX_FAILURES, lockMinutes: e.LOGIN_LOCK_MINUTES },
  };
}
