/**
 * Where the keyring comes from, in this order:
 * 1. FANGPIN_DATA_KEY — `k2:<base64 32 bytes>,k1:<…>,index:<…>`: data keys, the first one active,
 *    and the blind-index key under the id `index`;
 * 2. FANGPIN_DATA_KEY_FILE — a JSON file `{"keys":[{"id":"k2","key":"<base64>"},…],"index":"<base64>"}`;
 * 3. neither, outside production: DATA_DIR/keys/keyring.json, created at first start with
 *    owner-only rights (folder 0700, file 0600) — the embedded default needs no setup;
 * 4. neither, with NODE_ENV=production: refused, with a message that says what to set.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../config-error';
import { Keyring, type DataCipher, type DataKey, type IndexHmac } from './keyring';

export type KeySettings = {
  /** FANGPIN_DATA_KEY */
  dataKey?: string;
  /** FANGPIN_DATA_KEY_FILE */
  dataKeyFile?: string;
  /** DATA_CIPHER */
  cipher: DataCipher;
  /** INDEX_HMAC (default sha256) */
  indexHmac?: IndexHmac;
  dataDir: string;
  production: boolean;
};

export type LoadedKeyring = {
  keyring: Keyring;
  source: 'env' | 'file' | 'embedded';
  /** Set when the embedded default was created just now (the start output says so). */
  createdFile?: string;
  /** Said at start: e.g. an embedded key file that others can read. */
  warnings: string[];
};

const HOW = 'set FANGPIN_DATA_KEY (e.g. "k1:<base64 of 32 random bytes>,index:<base64 of 32 random bytes>"; `openssl rand -base64 32` makes one) or FANGPIN_DATA_KEY_FILE (a JSON keyring, see README "Data protection")';

export function loadKeyring(s: KeySettings): LoadedKeyring {
  if (s.dataKey) return { keyring: parseKeyString(s.dataKey, s.cipher, s.indexHmac), source: 'env', warnings: [] };
  if (s.dataKeyFile) {
    // a key file others can read is a key others have: refused in production, said otherwise
    const open = readableByOthers(s.dataKeyFile);
    if (open && s.production) throw new ConfigError(`FANGPIN_DATA_KEY_FILE: ${open}; with NODE_ENV=production it must be readable by its owner only: chmod 600 ${s.dataKeyFile}`);
    return { keyring: readKeyFile(s.dataKeyFile, s.cipher, s.indexHmac), source: 'file', warnings: open ? [`FANGPIN_DATA_KEY_FILE: ${open}: chmod 600 it`] : [] };
  }
  if (s.production) throw new ConfigError(`NODE_ENV=production needs a key for personal data: ${HOW}`);
  const dir = path.join(s.dataDir, 'keys');
  const file = path.join(dir, 'keyring.json');
  if (existsSync(file)) {
    const open = readableByOthers(file);
    return { keyring: readKeyFile(file, s.cipher, s.indexHmac), source: 'embedded', warnings: open ? [`${open}: chmod 600 it`] : [] };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const body = { keys: [{ id: 'k1', key: randomBytes(32).toString('base64') }], index: randomBytes(32).toString('base64') };
  // 'wx': never overwrite a keyring another process created a moment ago.
  try {
    writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return { keyring: readKeyFile(file, s.cipher, s.indexHmac), source: 'embedded', warnings: [] };
  }
  return { keyring: readKeyFile(file, s.cipher, s.indexHmac), source: 'embedded', createdFile: file, warnings: [] };
}

/** "<file> can be read by other users (mode 644)" when its group or others may read or write it; undefined when owner-only or absent. */
function readableByOthers(file: string): string | undefined {
  let mode: number;
  try {
    mode = statSync(file).mode & 0o777;
  } catch {
    return undefined; // readKeyFile says what is wrong with a missing file
  }
  return mode & 0o077 ? `${file} can be read by other users (mode ${mode.toString(8)})` : undefined;
}

/** `k2:<b64>,k1:<b64>,index:<b64>` — whitespace around entries is ignored. */
export function parseKeyString(text: string, cipher: DataCipher, indexHmac?: IndexHmac): Keyring {
  const keys: DataKey[] = [];
  let indexKey: Buffer | undefined;
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  for (const [i, entry] of entries.entries()) {
    const m = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/_=-]+)$/.exec(entry);
    // never echo the entry: whatever it holds may be key material
    if (!m) throw new ConfigError(`FANGPIN_DATA_KEY: entry ${i + 1} of ${entries.length} is not <keyId>:<base64 key> (entries are separated by commas)`);
    const key = decodeKey(m[2]!, `FANGPIN_DATA_KEY: key "${m[1]}"`);
    if (m[1] === 'index') indexKey = key;
    else keys.push({ id: m[1]!, key });
  }
  return build(keys, indexKey, cipher, 'FANGPIN_DATA_KEY', indexHmac);
}

function readKeyFile(file: string, cipher: DataCipher, indexHmac?: IndexHmac): Keyring {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`FANGPIN_DATA_KEY_FILE: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the fault: key material
    throw new ConfigError(`FANGPIN_DATA_KEY_FILE: ${file} is not valid JSON`);
  }
  const b = body as { keys?: { id?: unknown; key?: unknown }[]; index?: unknown };
  if (!Array.isArray(b.keys) || typeof b.index !== 'string') throw new ConfigError(`${file}: expected {"keys":[{"id":"k1","key":"<base64>"}],"index":"<base64>"}`);
  const keys = b.keys.map((k, i) => {
    if (typeof k.id !== 'string' || typeof k.key !== 'string') throw new ConfigError(`${file}: keys[${i}] needs an id and a key`);
    return { id: k.id, key: decodeKey(k.key, `${file}: key "${k.id}"`) };
  });
  return build(keys, decodeKey(b.index, `${file}: index`), cipher, file, indexHmac);
}

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== 32) throw new ConfigError(`${where} must be 32 bytes in base64 (got ${key.length})`);
  return key;
}

function build(keys: DataKey[], indexKey: Buffer | undefined, cipher: DataCipher, where: string, indexHmac?: IndexHmac): Keyring {
  if (keys.length === 0) throw new ConfigError(`${where}: no data key (an entry like k1:<base64>)`);
  if (!indexKey) throw new ConfigError(`${where}: no index key (an entry index:<base64>, for the blind index)`);
  try {
    return new Keyring({ keys, indexKey, cipher, indexHmac });
  } catch (err) {
    throw new ConfigError(`${where}: ${(err as Error).message}`);
  }
}
