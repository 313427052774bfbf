/**
 * The data keys and what is done with them: sealing a value to its column, opening it, sealing
 * document bytes, and the keyed blind index that lets us find a household by ID number or phone
 * without storing either in clear.
 *
 * A sealed value describes itself — `fp1:<keyId>:<suite>:<iv>:<ciphertext>:<tag>` (base64url) —
 * so values under an old key stay readable while `npm run keys:rotate` moves them to the active
 * one. The header and the column ("Household.phone") are the associated data: a value copied into
 * another column, or given another key id or suite, is refused.
 */
import { createHmac } from 'node:crypto';
import { decrypt, DecryptionError, deriveSuiteKeys, encrypt, ivLength, SUITES, type SuiteId, type SuiteKeys } from './cipher';

export type DataCipher = 'aes-256-gcm' | 'sm4';
/** The HMAC of blind indexes and keyed digests (INDEX_HMAC): chosen apart from DATA_CIPHER, so changing the cipher changes no index. */
export type IndexHmac = 'sha256' | 'sm3';
export type DataKey = { id: string; key: Buffer };

const PREFIX = 'fp1';
/** Document files start with this, then a header length byte and `<keyId>:<suite>`. */
const FILE_MAGIC = Buffer.from('FPD1');
export const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

const b64 = (b: Buffer) => b.toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url');

export class Keyring {
  readonly cipher: DataCipher;
  readonly suite: SuiteId;
  readonly indexHmac: IndexHmac;
  private readonly keys: Map<string, Buffer>;
  private readonly activeId: string;
  private readonly indexKey: Buffer;
  private readonly derived = new Map<string, SuiteKeys>();

  /** `keys[0]` is the active key: new values are sealed with it; the others are only read. */
  constructor(opts: { keys: DataKey[]; indexKey: Buffer; cipher: DataCipher; indexHmac?: IndexHmac }) {
    if (opts.keys.length === 0) throw new Error('a keyring needs at least one data key');
    for (const k of [...opts.keys.map((k) => k.key), opts.indexKey]) if (k.length !== 32) throw new Error('keys are 32 bytes');
    this.keys = new Map();
    for (const k of opts.keys) {
      if (!KEY_ID.test(k.id) || k.id === 'index') throw new Error(`invalid key id "${k.id}"`);
      if (this.keys.has(k.id)) throw new Error(`key id "${k.id}" appears twice`);
      this.keys.set(k.id, k.key);
    }
    this.activeId = opts.keys[0]!.id;
    this.indexKey = opts.indexKey;
    this.cipher = opts.cipher;
    this.suite = opts.cipher === 'sm4' ? 'sm4ctr-sm3' : 'a256gcm';
    this.indexHmac = opts.indexHmac ?? 'sha256';
  }

  get activeKeyId(): string {
    return this.activeId;
  }

  /** Seals `text` for the column `context` (e.g. "Household.phone") under the active key. */
  seal(text: string, context: string): string {
    const header = `${PREFIX}:${this.activeId}:${this.suite}`;
    const s = encrypt(this.suite, this.suiteKeys(this.activeId, this.suite), Buffer.from(text, 'utf8'), aad(header, context));
    return `${header}:${b64(s.iv)}:${b64(s.ct)}:${b64(s.tag)}`;
  }

  /** Opens a value sealed for `context`; throws DecryptionError for anything else. */
  open(value: string, context: string): string {
    const parts = value.split(':');
    if (parts.length !== 6 || parts[0] !== PREFIX) throw new DecryptionError('not a sealed value');
    const [, keyId, suite, iv, ct, tag] = parts as [string, string, string, string, string, string];
    const keys = this.keysFor(keyId, suite);
    return decrypt(suite as SuiteId, keys, { iv: unb64(iv), ct: unb64(ct), tag: unb64(tag) }, aad(`${PREFIX}:${keyId}:${suite}`, context)).toString('utf8');
  }

  /** A document file: magic, header, IV, tag, ciphertext — bound to its storage key. */
  sealBytes(bytes: Buffer, context: string): Buffer {
    const header = Buffer.from(`${this.activeId}:${this.suite}`);
    const s = encrypt(this.suite, this.suiteKeys(this.activeId, this.suite), bytes, aad(`FPD1:${header}`, context));
    return Buffer.concat([FILE_MAGIC, Buffer.from([header.length]), header, s.iv, s.tag, s.ct]);
  }

  openBytes(file: Buffer, context: string): Buffer {
    const head = parseFileHeader(file);
    if (!head) throw new DecryptionError('not a sealed document');
    const keys = this.keysFor(head.keyId, head.suite);
    const suite = head.suite as SuiteId;
    const ivEnd = head.bodyStart + ivLength(suite);
    const tagEnd = ivEnd + (suite === 'a256gcm' ? 16 : 32);
    if (file.length < tagEnd) throw new DecryptionError();
    const sealed = { iv: file.subarray(head.bodyStart, ivEnd), tag: file.subarray(ivEnd, tagEnd), ct: file.subarray(tagEnd) };
    return decrypt(suite, keys, sealed, aad(`FPD1:${head.keyId}:${head.suite}`, context));
  }

  /** The key id a sealed value or document was sealed with (undefined: not sealed at all). */
  keyIdOf(value: string | Buffer): string | undefined {
    if (Buffer.isBuffer(value)) return parseFileHeader(value)?.keyId;
    const parts = value.split(':');
    return parts.length === 6 && parts[0] === PREFIX ? parts[1] : undefined;
  }

  /** Whether a value is sealed with the active key and suite (what keys:rotate leaves alone). */
  isCurrent(value: string | Buffer): boolean {
    if (Buffer.isBuffer(value)) {
      const h = parseFileHeader(value);
      return !!h && h.keyId === this.activeId && h.suite === this.suite;
    }
    return value.startsWith(`${PREFIX}:${this.activeId}:${this.suite}:`);
  }

  /**
   * Keyed blind index: HMAC-SHA256 (HMAC-SM3 with INDEX_HMAC=sm3) under the index key, over the
   * purpose and the normalised value. Equal inputs give equal indexes, so it answers "which
   * household has this ID number" — but without the index key a dump cannot be searched by
   * guessing. The index key is not rotated by keys:rotate (every index would change).
   */
  blindIndex(purpose: IndexPurpose, value: string): string {
    return this.digest(purpose, normalise(purpose, value));
  }

  /** A keyed digest of arbitrary data (document storage keys): 64 hex characters. */
  digest(purpose: string, data: string | Buffer): string {
    const h = createHmac(this.indexHmac, this.indexKey);
    return h.update(`${purpose}\u0000`).update(data).digest('hex');
  }

  private keysFor(keyId: string, suite: string): SuiteKeys {
    if (!this.keys.has(keyId)) throw new DecryptionError(`sealed with key "${keyId}", which is not in the keyring`);
    if (!(SUITES as readonly string[]).includes(suite)) throw new DecryptionError(`unknown cipher suite "${suite}"`);
    return this.suiteKeys(keyId, suite as SuiteId);
  }

  private suiteKeys(keyId: string, suite: SuiteId): SuiteKeys {
    const cacheKey = `${keyId}:${suite}`;
    let k = this.derived.get(cacheKey);
    if (!k) {
      k = deriveSuiteKeys(suite, this.keys.get(keyId)!);
      this.derived.set(cacheKey, k);
    }
    return k;
  }
}

export type IndexPurpose = 'household-id' | 'household-phone' | 'contact-phone' | 'otp-phone' | 'household-name' | 'household-id-tail';

/**
 * The same person typed twice gives the same index: full-width digits and letters folded,
 * spaces and dashes dropped, the ID checksum letter upper-cased, a +86 / 0086 prefix removed;
 * a name without its middle dots (阿卜杜·热合曼) and in lower case; an ID number's tail is its
 * last 4 characters (the whole number or the 4 typed give the same index).
 */
export function normalise(purpose: IndexPurpose, value: string): string {
  const v = value.normalize('NFKC').replace(/[\s\-()]/g, '');
  if (purpose === 'household-id') return v.toUpperCase();
  if (purpose === 'household-id-tail') return v.toUpperCase().slice(-4);
  if (purpose === 'household-name') return v.replace(/[·•・.]/g, '').toLowerCase();
  return v.replace(/^(\+86|0086)(?=1\d{10}$)/, '');
}

function aad(header: string, context: string): Buffer {
  return Buffer.from(`${header}\n${context}`, 'utf8');
}

function parseFileHeader(file: Buffer): { keyId: string; suite: string; bodyStart: number } | undefined {
  if (file.length < 5 || !file.subarray(0, 4).equals(FILE_MAGIC)) return undefined;
  const n = file[4]!;
  const header = file.subarray(5, 5 + n).toString('latin1');
  const [keyId, suite] = header.split(':');
  if (!keyId || !suite) return undefined;
  return { keyId, suite, bodyStart: 5 + n };
}
