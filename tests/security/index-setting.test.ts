/**
 * Issue 8 follow-up: changing DATA_CIPHER silently changed every blind index and keyed digest
 * (HMAC-SHA256 → HMAC-SM3): phone logins made a second contact, document dedupe and the embedded
 * bot's spool key broke. The HMAC is INDEX_HMAC's now (tests/security/cipher.test.ts), recorded
 * at the first start with a check value of the index key; a later start with another HMAC or
 * index key is refused, saying what to set (server/core/crypto/index-setting.ts).
 */
import { ConfigError } from '../../server/config';
import { checkIndexSetting } from '../../server/core/crypto/index-setting';
import { Keyring, type DataCipher, type IndexHmac } from '../../server/core/crypto/keyring';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(() => db.close());

const ring = (opts: { cipher?: DataCipher; indexHmac?: IndexHmac; indexFill?: number } = {}) =>
  new Keyring({ keys: [{ id: 'k1', key: Buffer.alloc(32, 1) }], indexKey: Buffer.alloc(32, opts.indexFill ?? 9), cipher: opts.cipher ?? 'aes-256-gcm', indexHmac: opts.indexHmac });
const start = (keyring: Keyring, dataCipher: DataCipher = keyring.cipher) => checkIndexSetting(db.raw, keyring, { dataCipher });
const refusal = async (keyring: Keyring, dataCipher?: DataCipher) => {
  const err = await start(keyring, dataCipher).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ConfigError);
  return (err as Error).message;
};

test('the first start records the HMAC; the same settings start again, also with the other DATA_CIPHER', async () => {
  await start(ring());
  expect((await db.raw.dataSetting.findUniqueOrThrow({ where: { key: 'index' } })).value).toMatchObject({ hmac: 'sha256' });
  await start(ring());
  await start(ring({ cipher: 'sm4' })); // the cipher no longer touches the indexes
});

test.each([
  ['another INDEX_HMAC', { indexHmac: 'sm3' as const }, /INDEX_HMAC=sm3, but this database was indexed with HMAC-SHA256.*set INDEX_HMAC=sha256/s],
  ['another index key', { indexFill: 8 }, /index key .* is not the one this database was indexed with/s],
])('a later start with %s is refused, saying what to set', async (_label, opts, message) => {
  await start(ring());
  expect(await refusal(ring(opts))).toMatch(message);
});

test.each([
  ['sm4', undefined, /was indexed with HMAC-SM3 \(before INDEX_HMAC existed, the HMAC followed DATA_CIPHER\): set INDEX_HMAC=sm3/],
  ['sm4', 'sm3', undefined],
  ['aes-256-gcm', undefined, undefined],
  ['aes-256-gcm', 'sm3', /set INDEX_HMAC=sha256/],
] as const)('a database indexed before INDEX_HMAC (DATA_CIPHER=%s), started with INDEX_HMAC=%s → %s', async (cipher, indexHmac, message) => {
  await db.raw.contact.create({ data: { channel: 'test:bot', externalId: 'indexed-before', name: 'x' } });
  if (message) return expect(await refusal(ring({ cipher, indexHmac }))).toMatch(message);
  await start(ring({ cipher, indexHmac }));
  expect((await db.raw.dataSetting.findUniqueOrThrow({ where: { key: 'index' } })).value).toMatchObject({ hmac: indexHmac ?? 'sha256' });
});

test('an empty database takes whatever is configured', async () => {
  await start(ring({ cipher: 'sm4', indexHmac: 'sm3' }));
  expect(await refusal(ring({ cipher: 'sm4' }))).toMatch(/set INDEX_HMAC=sm3/);
});
