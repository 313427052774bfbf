/**
 * The two authenticated ciphers personal data is sealed with, chosen by DATA_CIPHER:
 *
 * - `a256gcm`    AES-256-GCM (96-bit random IV, 128-bit tag);
 * - `sm4ctr-sm3` SM4 (GB/T 32907) in CTR mode, then HMAC-SM3 (GB/T 32905) over the associated
 *                data, the IV and the ciphertext — encrypt-then-MAC, because Node's OpenSSL has
 *                no SM4-GCM. The tag is compared in constant time before anything is decrypted.
 *
 * Each suite derives its own keys from the 32-byte master key with HKDF (SHA-256 for AES, SM3
 * for SM4: the national suite uses national primitives throughout), so one master key never
 * serves two algorithms or two purposes. Pure functions over Buffers; no I/O.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export type SuiteId = 'a256gcm' | 'sm4ctr-sm3';
export const SUITES: readonly SuiteId[] = ['a256gcm', 'sm4ctr-sm3'];

export type Sealed = { iv: Buffer; ct: Buffer; tag: Buffer };

export class DecryptionError extends Error {
  constructor(message = 'sealed value refused: wrong key, wrong column or altered') {
    super(message);
  }
}

/** Subkeys of one master key, derived once per key and suite. */
export type SuiteKeys = { enc: Buffer; mac?: Buffer };

export function deriveSuiteKeys(suite: SuiteId, master: Buffer): SuiteKeys {
  if (master.length !== 32) throw new Error('a data key is 32 bytes');
  const salt = Buffer.from('fangpin data key v1');
  if (suite === 'a256gcm') return { enc: Buffer.from(hkdfSync('sha256', master, salt, 'aes-256-gcm enc', 32)) };
  return {
    enc: Buffer.from(hkdfSync('sm3', master, salt, 'sm4-ctr enc', 16)),
    mac: Buffer.from(hkdfSync('sm3', master, salt, 'hmac-sm3 mac', 32)),
  };
}

export function ivLength(suite: SuiteId): number {
  return suite === 'a256gcm' ? 12 : 16;
}

/** Encrypts `plain` bound to `aad`. `iv` is for known-answer tests only: values always get a fresh random one. */
export function encrypt(suite: SuiteId, keys: SuiteKeys, plain: Buffer, aad: Buffer, iv: Buffer = randomBytes(ivLength(suite))): Sealed {
  if (suite === 'a256gcm') {
    const c = createCipheriv('aes-256-gcm', keys.enc, iv);
    c.setAAD(aad);
    const ct = Buffer.concat([c.update(plain), c.final()]);
    return { iv, ct, tag: c.getAuthTag() };
  }
  const c = createCipheriv('sm4-ctr', keys.enc, iv);
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return { iv, ct, tag: sm3Tag(keys.mac!, aad, iv, ct) };
}

export function decrypt(suite: SuiteId, keys: SuiteKeys, sealed: Sealed, aad: Buffer): Buffer {
  if (sealed.iv.length !== ivLength(suite)) throw new DecryptionError();
  if (suite === 'a256gcm') {
    if (sealed.tag.length !== 16) throw new DecryptionError();
    try {
      const d = createDecipheriv('aes-256-gcm', keys.enc, sealed.iv);
      d.setAAD(aad);
      d.setAuthTag(sealed.tag);
      return Buffer.concat([d.update(sealed.ct), d.final()]);
    } catch {
      throw new DecryptionError();
    }
  }
  const expected = sm3Tag(keys.mac!, aad, sealed.iv, sealed.ct);
  if (sealed.tag.length !== expected.length || !timingSafeEqual(sealed.tag, expected)) throw new DecryptionError();
  const d = createDecipheriv('sm4-ctr', keys.enc, sealed.iv);
  return Buffer.concat([d.update(sealed.ct), d.final()]);
}

/** HMAC-SM3 over length-prefixed parts, so no two (aad, iv, ct) triples share an input. */
function sm3Tag(mac: Buffer, aad: Buffer, iv: Buffer, ct: Buffer): Buffer {
  const h = createHmac('sm3', mac);
  for (const part of [aad, iv, ct]) {
    const len = Buffer.alloc(8);
    len.writeBigUInt64BE(BigInt(part.length));
    h.update(len).update(part);
  }
  return h.digest();
}
