/**
 * All configuration comes from the environment, validated once at start with zod.
 * The README's configuration table lists every variable below.
 */
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseTimeLimits, parseWorkCalendar, type TimeLimits, type WorkCalendar } from './core/workflow/deadlines';
import { isProduction, profileRefusals, simulatorWanted } from './production-profile';
import type { KeySettings } from './core/crypto/keyring-source';
import { ConfigError } from './config-error';
import type { UploadSettings } from './core/documents/upload-guard';
import { PROJECT_ROOT } from './project-root';
import { SMS_ENV, smsSettings, type SmsSettings } from './core/sms/config';

const optionalString = z.string().trim().min(1).optional().catch(undefined);

/** More server processes than this is a typo, not a machine (each keeps its own pool of database connections). */
export const MAX_SERVER_PROCESSES = 64;

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // `npm run start:server`: how many server processes share the port (server/processes.ts); auto = one per core
  SERVER_PROCESSES: z
    .string()
    .trim()
    .toLowerCase()
    .default('1')
    .refine((v) => v === 'auto' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_SERVER_PROCESSES), `SERVER_PROCESSES must be a number of processes from 1 to ${MAX_SERVER_PROCESSES}, or auto (one per core)`),
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
  // what uploads may cost (server/core/documents/upload-guard.ts): per villager, at once, and for how long unfiled ones are kept
  UPLOAD_MAX_FILES: z.coerce.number().int().min(1).max(1000).default(20),
  UPLOAD_MAX_TOTAL_BYTES: z.coerce.number().int().positive().default(100 * 1024 * 1024),
  UPLOAD_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  UPLOAD_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(100),
  UPLOAD_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  UPLOAD_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  UPLOAD_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(24),
  BOT_TOKEN: optionalString,
  ADMIN_TOKEN: optionalString,
  DEFAULT_LANG: z.enum(['zh-CN', 'en']).default('zh-CN'),
  SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  TIME_LIMITS: z.string().optional(),
  HOLIDAYS: z.string().optional(),
  WORKDAYS: z.string().optional(),
  PUBLICITY_MIN_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  // 公示 lists (server/core/notices): the address their public links and QR codes carry, and how long a page stays up after its end day
  PUBLIC_BASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/\/+$/, '') : undefined))
    .refine((v) => v === undefined || (z.url({ protocol: /^https?$/ }).safeParse(v).success && !/[?#]/.test(v)), 'PUBLIC_BASE_URL must be an http(s) URL without query or fragment, e.g. https://fangpin.example.gov.cn'),
  NOTICE_PUBLIC_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  SESSION_HOURS: z.coerce.number().positive().max(24 * 90).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().max(24 * 60).default(15),
  // throttling (server/core/throttle, server/core/auth/login-limits.ts): per client address, and the global binding-code budget
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  AUTH_CLIENT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  AUTH_CLIENT_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(60),
  BINDING_ATTEMPTS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(60),
  // ID number + phone checks in the chat per hour from all contacts together (server/core/identity/checks.ts)
  IDENTITY_CHECKS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(300),
  LOGIN_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  // the mini-program and the h5 app (server/app)
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
  CONSOLE_DIST_DIR: optionalString,
  // the browser simulator and the production profile (server/production-profile.ts)
  SIMULATOR: z.enum(['on', 'off']).optional(),
  WECHATY_PUPPET: optionalString,
  MAX_IMAGE_PIXELS: z.coerce.number().int().positive().default(50_000_000),
  // personal data at rest (server/core/crypto): keys, cipher, how long inbound replies are kept
  FANGPIN_DATA_KEY: optionalString,
  FANGPIN_DATA_KEY_FILE: optionalString,
  DATA_CIPHER: z.enum(['aes-256-gcm', 'sm4']).default('aes-256-gcm'),
  INDEX_HMAC: z.enum(['sha256', 'sm3']).default('sha256'),
  IDEMPOTENCY_HOURS: z.coerce.number().positive().max(24 * 30).default(48),
  DEPARTMENT_UNMATCHED_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // text messages to villagers who filed in the app (server/core/sms)
  ...SMS_ENV,
});

export type Config = {
  port: number;
  host: string;
  /**
   * Server processes sharing the port in `npm run start:server` (SERVER_PROCESSES, server/processes.ts;
   * auto: the machine's cores on PostgreSQL without the simulator, else one).
   */
  serverProcesses: number;
  databaseUrl?: string;
  dataDir: string;
  documentsDir: string;
  maxUploadBytes: number;
  /** What uploads may cost: server/core/documents/upload-guard.ts. */
  uploads: UploadSettings;
  /** Shared secret between bot and server. Generated per process when unset (embedded mode). */
  botToken: string;
  botTokenGenerated: boolean;
  adminToken?: string;
  defaultLang: 'zh-CN' | 'en';
  seedDemo: 'auto' | 'always' | 'never';
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Workflow: time limit per status, and the shortest public notice. */
  workflow: { limits: TimeLimits; publicityMinDays: number; calendar: WorkCalendar };
  /**
   * 公示 lists: the public base URL their links and QR codes are built on (PUBLIC_BASE_URL; unset:
   * the request's own origin in development, refused in production — requestOrigin false), and how
   * many days after its end day a notice's public page is still served.
   */
  notices: { publicBaseUrl?: string; requestOrigin: boolean; publicDays: number };
  /** Outbox delivery: failures before a message becomes a dead letter; how long a bot holds a message it took. */
  outbox: { maxAttempts: number; leaseSeconds: number };
  /**
   * Cadre login: how long a session lasts; attempts per account (and per known device) within
   * lockMinutes; attempts per client address at the login and one-time-code endpoints, per minute
   * and per hour; binding-code attempts per hour from all WeChat contacts together; password checks
   * at once from clients that are not known devices.
   */
  auth: { sessionHours: number; maxFailures: number; lockMinutes: number; clientPerMinute: number; clientPerHour: number; bindingAttemptsPerHour: number; loginConcurrency: number; identityChecksPerHour: number };
  /** Behind a reverse proxy: the client address is the last one in X-Forwarded-For (the one the proxy added). */
  trustProxy: boolean;
  /** The mini-program / h5 app: villager logins, WeChat's API (absent without an AppID), the h5 build to serve. */
  app: AppConfig;
  /** The cadre console: its build to serve at /console/. */
  console: { distDir: string };
  /** Mount the browser simulator (the mock WeChat only; refused in production and off loopback). */
  simulator: boolean;
  /** Images whose header declares more pixels are refused on every upload path (decompression bombs). */
  maxImagePixels: number;
  /** Text messages (case updates to villagers who filed in the app): the provider and its templates. */
  sms: SmsSettings;
  /** Personal data at rest: where the keyring comes from (server/core/crypto/keyring-source.ts), and how long a processed inbound message keeps its replies. */
  dataProtection: { keys: KeySettings; idempotencyHours: number; /** how long a department's row that matched no registered household is kept (server/core/alerts/retention.ts) */ unmatchedRowDays: number };
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

export { ConfigError };

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${issues}`);
  }
  const e = parsed.data;
  let limits: TimeLimits;
  let calendar: WorkCalendar;
  try {
    limits = parseTimeLimits(e.TIME_LIMITS);
    calendar = parseWorkCalendar(e.HOLIDAYS, e.WORKDAYS);
  } catch (err) {
    throw new ConfigError(`invalid configuration: ${(err as Error).message}`);
  }
  const sms = smsSettings(e, isProduction(e));
  const refusals = [...profileRefusals(e), ...sms.problems];
  if (refusals.length > 0) throw new ConfigError(`refusing to start:\n- ${refusals.join('\n- ')}`);
  const dataDir = path.resolve(e.DATA_DIR);
  const processes = serverProcesses(e);
  return {
    port: e.PORT,
    host: e.HOST,
    serverProcesses: processes,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    documentsDir: path.resolve(e.DOCUMENTS_DIR ?? path.join(dataDir, 'documents')),
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    uploads: {
      maxFiles: e.UPLOAD_MAX_FILES,
      maxTotalBytes: e.UPLOAD_MAX_TOTAL_BYTES,
      perMinute: e.UPLOAD_PER_MINUTE,
      perHour: e.UPLOAD_PER_HOUR,
      concurrency: e.UPLOAD_CONCURRENCY,
      waitMs: e.UPLOAD_WAIT_MS,
      ttlHours: e.UPLOAD_TTL_HOURS,
    },
    botToken: e.BOT_TOKEN ?? randomBytes(24).toString('hex'),
    botTokenGenerated: !e.BOT_TOKEN,
    adminToken: e.ADMIN_TOKEN,
    defaultLang: e.DEFAULT_LANG,
    // production never seeds the demo county (its passwords are printed): auto means never there
    seedDemo: isProduction(e) && e.SEED_DEMO === 'auto' ? 'never' : e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    workflow: { limits, publicityMinDays: e.PUBLICITY_MIN_DAYS, calendar },
    notices: { publicBaseUrl: e.PUBLIC_BASE_URL, requestOrigin: !isProduction(e), publicDays: e.NOTICE_PUBLIC_DAYS },
    outbox: { maxAttempts: e.OUTBOX_MAX_ATTEMPTS, leaseSeconds: e.OUTBOX_LEASE_SECONDS },
    auth: {
      sessionHours: e.SESSION_HOURS,
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      clientPerMinute: e.AUTH_CLIENT_PER_MINUTE,
      clientPerHour: e.AUTH_CLIENT_PER_HOUR,
      bindingAttemptsPerHour: e.BINDING_ATTEMPTS_PER_HOUR,
      loginConcurrency: e.LOGIN_CONCURRENCY,
      identityChecksPerHour: e.IDENTITY_CHECKS_PER_HOUR,
    },
    trustProxy: e.TRUST_PROXY === '1',
    app: appConfig(e),
    console: { distDir: path.resolve(e.CONSOLE_DIST_DIR ?? path.join(PROJECT_ROOT, 'console', 'dist')) },
    // on by default for a development start of one process only (its demo clock is that process's)
    simulator: processes === 1 && simulatorWanted(e),
    maxImagePixels: e.MAX_IMAGE_PIXELS,
    sms: sms.settings,
    dataProtection: {
      keys: { dataKey: e.FANGPIN_DATA_KEY, dataKeyFile: e.FANGPIN_DATA_KEY_FILE, cipher: e.DATA_CIPHER, indexHmac: e.INDEX_HMAC, dataDir, production: isProduction(e) },
      idempotencyHours: e.IDEMPOTENCY_HOURS,
      unmatchedRowDays: e.DEPARTMENT_UNMATCHED_RETENTION_DAYS,
    },
  };
}

/**
 * SERVER_PROCESSES as a count. More than one needs what one process alone may not hold: the
 * embedded PGlite database, and the simulator's demo clock (kept in the process that moved it).
 * `auto`: the cores Node may use where more than one can run, else one.
 */
function serverProcesses(e: z.infer<typeof EnvSchema>): number {
  const onlyOne = !e.DATABASE_URL
    ? 'the embedded PGlite database belongs to one process: set DATABASE_URL (PostgreSQL)'
    : e.SIMULATOR === 'on'
      ? "the simulator's demo clock is one process's: unset SIMULATOR"
      : null;
  if (e.SERVER_PROCESSES === 'auto') return onlyOne ? 1 : Math.min(os.availableParallelism(), MAX_SERVER_PROCESSES);
  const n = Number(e.SERVER_PROCESSES);
  if (n > 1 && onlyOne) throw new ConfigError(`invalid configuration: SERVER_PROCESSES=${n} is refused here: ${onlyOne}, or set SERVER_PROCESSES=1.`);
  return n;
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
    devOtpLog: e.DEV_OTP_LOG === '1' || (e.DEV_OTP_LOG === undefined && !isProduction(e)),
    distDir: path.resolve(e.APP_DIST_DIR ?? path.join(PROJECT_ROOT, 'miniprogram', 'dist', 'h5')),
  };
}
