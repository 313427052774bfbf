/**
 * A small JSON-lines logger. Message texts are never logged by callers; as a second line of
 * defence every string is scrubbed of things that look like ID numbers, mobile numbers and
 * bank card numbers before it is written.
 */
import { nowOf } from './core/clock';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const ID_NUMBER = /\b\d{17}[\dXx]\b|\b\d{15}\b/g;
const BANK_CARD = /\b\d{16,19}\b/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

export function scrub(text: string): string {
  return text
    .replace(ID_NUMBER, (m) => `${m.slice(0, 3)}***********${m.slice(-2)}`)
    .replace(BANK_CARD, (m) => `${m.slice(0, 4)}****${m.slice(-4)}`)
    .replace(MOBILE, (m) => `${m.slice(0, 3)}****${m.slice(-4)}`);
}

function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value instanceof Error) return { name: value.name, message: scrub(value.message), stack: value.stack ? scrub(value.stack) : undefined };
  if (Array.isArray(value) && depth < 4) return value.map((v) => scrubValue(v, depth + 1));
  if (value && typeof value === 'object' && depth < 4) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, depth + 1)]));
  }
  return value;
}

export type Logger = {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
};

export function createLogger(level: Level = 'info', write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const at = (lvl: Level) => (msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    write(JSON.stringify({ t: nowOf().toISOString(), level: lvl, msg: scrub(msg), ...(fields ? (scrubValue(fields) as object) : {}) }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
