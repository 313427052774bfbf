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
  // the mini-program and the h5 app (server/miniprogram)
  WECHAT_APPID: optionalString,
  WECHAT_SECRET: optionalString,
  WECHAT_API_BASE: z.string().trim().url().default('https://api.weixin.qq.com'),
  WECHAT_SUBSCRIBE_TEMPLATE_ID: optionalString,
  WECHAT_SUBSCRIBE_FIELDS: z.string().trim().default('caseNo=character_string1,status=phrase2,time=time3,note=thing4'),
  WECHAT_SUBSCRIBE_PAGE: z.string().trim().min(1).default('pages/case/index'),
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  VILLAGER_SESSION_DAYS: z.coerce.number().positive().max(365).default(30),
  NODE_ENV: z.string().optional(),
  DEV_OTP_LOG: z.enum(['0', '1']).optional(),
  APP_DIST_DIR: optionalString,
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
  /** The mini-program / h5 app: villager logins, WeChat's API (absent without an AppID), the h5 build to serve. */
  app: AppConfig;
};

export type SubscribeField = 'caseNo' | 'status' | 'time' | 'note';

export type AppConfig = {
  wechat: {
    appId: string;
    secret: string;
    /** WeChat's API (tests point it at a local server). */
    apiBase: string;
    subscribe: { templateId: string; fields: Partial<Record<SubscribeField, string>>; page: string; state: 'developer' | 'trial' | 'formal' } | null;
  } | null;
  villagerSessionDays: number;
  /** One-time codes no bot can deliver are written to the log (development only). */
  devOtpLog: boolean;
  distDir: string;
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
    app: appConfig(e),
  };
}

function appConfig(e: z.infer<typeof EnvSchema>): AppConfig {
  if (e.WECHAT_APPID && !e.WECHAT_SECRET) throw new ConfigError('invalid configuration: WECHAT_SECRET is required with WECHAT_APPID');
  if (e.WECHAT_SUBSCRIBE_TEMPLATE_ID && !e.WECHAT_APPID) throw new ConfigError('invalid configuration: WECHAT_SUBSCRIBE_TEMPLATE_ID needs WECHAT_APPID');
  const fields: Partial<Record<SubscribeField, string>> = {};
  for (const pair of e.WECHAT_SUBSCRIBE_FIELDS.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(caseNo|status|time|note)=([a-z_]+\d+)$/.exec(pair);
    if (!m) throw new ConfigError(`invalid configuration: WECHAT_SUBSCRIBE_FIELDS: "${pair}" is not <caseNo|status|time|note>=<template key like thing4>`);
    fields[m[1] as SubscribeField] = m[2];
  }
  return {
    wechat: e.WECHAT_APPID
      ? {
          appId: e.WECHAT_APPID,
          secret: e.WECHAT_SECRET!,
          apiBase: e.WECHAT_API_BASE.replace(/\/+$/, ''),
          subscribe: e.WECHAT_SUBSCRIBE_TEMPLATE_ID ? { templateId: e.WECHAT_SUBSCRIBE_TEMPLATE_ID, fields, page: e.WECHAT_SUBSCRIBE_PAGE, state: e.WECHAT_MINIPROGRAM_STATE } : null,
        }
      : null,
    villagerSessionDays: e.VILLAGER_SESSION_DAYS,
    devOtpLog: e.DEV_OTP_LOG === '1' || (e.DEV_OTP_LOG === undefined && e.NODE_ENV !== 'production'),
    distDir: path.resolve(e.APP_DIST_DIR ?? path.join(__dirname, '..', 'miniprogram', 'dist', 'h5')),
  };
}
