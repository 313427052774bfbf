/**
 * The crypto core (server/core/crypto): both cipher suites against known answers, sealed values that
 * are refused when altered, read with a missing key or read for another column, the blind index.
 */
import { createCipheriv, createHash, createHmac, hkdfSync } from 'node:crypto';
import { DecryptionError, deriveSuiteKeys, decrypt, encrypt, type SuiteId } from '../../server/core/crypto/cipher';
import { Keyring, normalise } from '../../server/core/crypto/keyring';
import { testKeyring } from '../support/keys';

const hex = (s: string) => Buffer.from(s, 'hex');
const MASTER = hex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
const PLAIN = Buffer.from('110105196203150410 13900001111', 'utf8');

describe('primitives (published test vectors)', () => {
  test('SM4 block cipher, GB/T 32907 appendix A', () => {
    const c = createCipheriv('sm4-ecb', hex('0123456789abcdeffedcba9876543210'), null).setAutoPadding(false);
    expect(Buffer.concat([c.update(hex('0123456789abcdeffedcba9876543210')), c.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
  test('SM3, GB/T 32905 appendix A ("abc")', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
  test('AES-256-GCM, NIST GCM test case 14', () => {
    const c = createCipheriv('aes-256-gcm', Buffer.alloc(32), Buffer.alloc(12));
    const ct = Buffer.concat([c.update(Buffer.alloc(16)), c.final()]);
    expect([ct.toString('hex'), c.getAuthTag().toString('hex')]).toEqual(['cea7403d4d606b6e074ec5d3baf39d18', 'd0d1c8a799996bf0265b98b5d48ab919']);
  });
});

describe('the two suites: known answers with a fixed IV', () => {
  const AAD = (suite: string) => Buffer.from(`fp1:k1:${suite}\nHousehold.phone`);
  test.each<[SuiteId, number, string, string]>([
    ['a256gcm', 12, '159e0a3b12f332f08ddd4446e62e6e057ca9351984cb8a5dc9b2f11a7d50', 'f71b9b9036aaf63a3ae6bc023a24fab7'],
    ['sm4ctr-sm3', 16, 'c05711eca6c135d4de307be0a38ee25bce9c8ac8232a2e15c04765dc3856', 'e1eaa8ea25e9a31cbcfe3fb19fe091e387c8216b1f70168acca9cb2f689a3c6b'],
  ])('%s', (suite, ivLen, ct, tag) => {
    const keys = deriveSuiteKeys(suite, MASTER);
    const iv = Buffer.alloc(ivLen, 0x24);
    const sealed = encrypt(suite, keys, PLAIN, AAD(suite), iv);
    expect([sealed.ct.toString('hex'), sealed.tag.toString('hex')]).toEqual([ct, tag]);
    expect(decrypt(suite, keys, sealed, AAD(suite))).toEqual(PLAIN);
  });

  test('SM4-CTR + HMAC-SM3 is what it says: CTR from the SM4 block, the tag an HMAC-SM3 over aad ‖ iv ‖ ciphertext', () => {
    // rebuilt here from the primitives alone, independently of server/core/crypto
    const salt = Buffer.from('fangpin data key v1');
    const enc = Buffer.from(hkdfSync('sm3', MASTER, salt, 'sm4-ctr enc', 16));
    const mac = Buffer.from(hkdfSync('sm3', MASTER, salt, 'hmac-sm3 mac', 32));
    const iv = Buffer.alloc(16, 0x24);
    const blocks = [0, 1].map((n) => {
      const counter = Buffer.from(iv);
      counter.writeUInt32BE(counter.readUInt32BE(12) + n, 12);
      const c = createCipheriv('sm4-ecb', enc, null).setAutoPadding(false);
      return Buffer.concat([c.update(counter), c.final()]);
    });
    const stream = Buffer.concat(blocks);
    const expectedCt = Buffer.from(PLAIN.map((b, i) => b ^ stream[i]!));
    const h = createHmac('sm3', mac);
    const aad = AAD('sm4ctr-sm3');
    for (const part of [aad, iv, expectedCt]) {
      const len = Buffer.alloc(8);
      len.writeBigUInt64BE(BigInt(part.length));
      h.update(len).update(part);
    }
    const sealed = encrypt('sm4ctr-sm3', deriveSuiteKeys('sm4ctr-sm3', MASTER), PLAIN, aad, iv);
    expect(sealed.ct).toEqual(expectedCt);
    expect(sealed.tag).toEqual(h.digest());
  });
});

describe.each(['aes-256-gcm', 'sm4'] as const)('sealed values with %s', (cipher) => {
  const ring = testKeyring(cipher, [
    { id: 'k2', fill: 0x22 },
    { id: 'k1', fill: 0x11 },
  ]);
  const value = ring.seal('13900001111', 'Household.phone');

  test('self-describing: prefix, active key id, suite, and a fresh IV each time', () => {
    expect(value).toMatch(new RegExp(`^fp1:k2:${cipher === 'sm4' ? 'sm4ctr-sm3' : 'a256gcm'}:[\\w-]+:[\\w-]+:[\\w-]+$`));
    expect(ring.seal('13900001111', 'Household.phone')).not.toBe(value);
    expect(value).not.toContain('13900001111');
    expect(ring.open(value, 'Household.phone')).toBe('13900001111');
  });

  test('a value under an older key of the ring still opens', () => {
    const older = testKeyring(cipher, [{ id: 'k1', fill: 0x11 }]).seal('张三', 'Member.name');
    expect(ring.keyIdOf(older)).toBe('k1');
    expect(ring.isCurrent(older)).toBe(false);
    expect(ring.open(older, 'Member.name')).toBe('张三');
  });

  const flip = (v: string, part: number) => {
    const parts = v.split(':');
    const bytes = Buffer.from(parts[part]!, 'base64url');
    bytes[0]! ^= 0x01;
    parts[part] = bytes.toString('base64url');
    return parts.join(':');
  };
  test.each([
    ['a bit of the IV flipped', (v: string) => flip(v, 3), 'Household.phone'],
    ['a bit of the ciphertext flipped', (v: string) => flip(v, 4), 'Household.phone'],
    ['a bit of the tag flipped', (v: string) => flip(v, 5), 'Household.phone'],
    ['the key id changed to another key of the ring', (v: string) => v.replace(':k2:', ':k1:'), 'Household.phone'],
    ['a key id the ring does not have', (v: string) => v.replace(':k2:', ':k9:'), 'Household.phone'],
    ['the suite named changed', (v: string) => v.replace(/:(a256gcm|sm4ctr-sm3):/, (_m, s) => (s === 'a256gcm' ? ':sm4ctr-sm3:' : ':a256gcm:')), 'Household.phone'],
    ['read for another column', (v: string) => v, 'Household.headIdNumber'],
    ['not sealed at all', () => '13900001111', 'Household.phone'],
  ])('refused: %s', (_name, alter, column) => {
    expect(() => ring.open(alter(value), column)).toThrow(DecryptionError);
  });

  test('a keyring without the key refuses, it does not guess', () => {
    expect(() => testKeyring(cipher, [{ id: 'k1', fill: 0x11 }]).open(value, 'Household.phone')).toThrow(/"k2", which is not in the keyring/);
  });

  test('document bytes: round trip, bound to their storage key, tamper refused', () => {
    const bytes = Buffer.from('a photo of a hospital bill');
    const file = ring.sealBytes(bytes, 'sha256/ab/abc');
    expect(file.includes(bytes)).toBe(false);
    expect(ring.openBytes(file, 'sha256/ab/abc')).toEqual(bytes);
    expect(() => ring.openBytes(file, 'sha256/ab/abd')).toThrow(DecryptionError);
    const altered = Buffer.from(file);
    altered[altered.length - 1]! ^= 0x80;
    expect(() => ring.openBytes(altered, 'sha256/ab/abc')).toThrow(DecryptionError);
  });
});

describe('blind index', () => {
  const ring = testKeyring();
  test.each([
    ['household-id', '11010519620315041x', '110105 19620315041X'],
    ['household-id', '11010519620315041X', '１１０１０５１９６２０３１５０４１Ｘ'],
    ['household-phone', '13900001111', '+86 139-0000-1111'],
    ['household-phone', '13900001111', '0086 13900001111'],
    ['contact-phone', '13900001111', '139 0000 1111'],
  ] as const)('%s: "%s" and "%s" give the same index', (purpose, a, b) => {
    expect(ring.blindIndex(purpose, a)).toBe(ring.blindIndex(purpose, b));
  });
  test('keyed: another index key, another purpose or another INDEX_HMAC gives another index', () => {
    const base = ring.blindIndex('household-phone', '13900001111');
    const otherKey = new Keyring({ keys: [{ id: 't1', key: Buffer.alloc(32, 0x11) }], indexKey: Buffer.alloc(32, 0x98), cipher: 'aes-256-gcm' });
    expect(otherKey.blindIndex('household-phone', '13900001111')).not.toBe(base);
    expect(ring.blindIndex('otp-phone', '13900001111')).not.toBe(base);
    const sm3 = new Keyring({ keys: [{ id: 't1', key: Buffer.alloc(32, 0x11) }], indexKey: Buffer.alloc(32, 0x99), cipher: 'aes-256-gcm', indexHmac: 'sm3' });
    expect(sm3.blindIndex('household-phone', '13900001111')).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    // not the unkeyed hash a table of all mobile numbers reverses
    expect(base).not.toBe(createHash('sha256').update('13900001111').digest('hex'));
  });
  // Changing DATA_CIPHER once changed every index (HMAC-SHA256 → HMAC-SM3): phone logins found no
  // contact, document dedupe and the embedded bot's spool key broke. The hash is INDEX_HMAC's now.
  test.each([
    ['aes-256-gcm', 'sha256'],
    ['sm4', 'sha256'],
    ['aes-256-gcm', 'sm3'],
    ['sm4', 'sm3'],
  ] as const)('DATA_CIPHER=%s, INDEX_HMAC=%s: the index and digests are HMAC-INDEX_HMAC under the index key, whatever the cipher', (cipher, indexHmac) => {
    const k = new Keyring({ keys: [{ id: 't1', key: Buffer.alloc(32, 0x11) }], indexKey: Buffer.alloc(32, 0x99), cipher, indexHmac });
    const expected = (purpose: string, data: string) => createHmac(indexHmac, Buffer.alloc(32, 0x99)).update(`${purpose}\u0000`).update(data).digest('hex');
    expect(k.blindIndex('household-phone', '+86 139-0000-1111')).toBe(expected('household-phone', '13900001111'));
    expect(k.digest('bot-spool', 'v1')).toBe(expected('bot-spool', 'v1'));
  });

  test('normalise keeps distinct numbers distinct', () => {
    expect(normalise('household-phone', '13900001111')).not.toBe(normalise('household-phone', '13900001112'));
  });
});
