/**
 * The blind indexes (ID number, phone), the names of document files, the login keys of
 * mini-program villagers and the embedded bot's spool key are all HMACs under the index key. A
 * server started with another HMAC (INDEX_HMAC) or another index key computes other values for
 * the same data and silently finds nothing: a second contact for a phone login, a second copy of
 * every photo, a spool it cannot open. So the first start records both — the HMAC's name and a
 * check value (an HMAC of a fixed text under the index key, which says nothing about the key) —
 * in DataSetting, and every later start refuses to run with anything else, saying what to set.
 *
 * A database indexed before INDEX_HMAC existed has no record: its HMAC followed DATA_CIPHER then
 * (sm4 → HMAC-SM3, otherwise HMAC-SHA256), and that is what it is held to.
 */
import { ConfigError } from '../../config';
import type { PrismaClient } from '../../generated/prisma/client';
import type { DataCipher, IndexHmac, Keyring } from './keyring';

type IndexRecord = { hmac: IndexHmac; check: string };

const KEY = 'index';
const checkValue = (keyring: Keyring) => keyring.digest('index-check', 'fangpin');

/** Refuses (ConfigError) when the data was indexed with another HMAC or index key; records them at the first start. */
export async function checkIndexSetting(raw: PrismaClient, keyring: Keyring, opts: { dataCipher: DataCipher }): Promise<void> {
  let record = await read(raw);
  if (!record) {
    const indexedBefore = (await raw.household.count()) + (await raw.contact.count()) + (await raw.document.count()) > 0;
    const legacy: IndexHmac = opts.dataCipher === 'sm4' ? 'sm3' : 'sha256';
    if (indexedBefore && legacy !== keyring.indexHmac) throw refusal(legacy, keyring.indexHmac, ' (before INDEX_HMAC existed, the HMAC followed DATA_CIPHER)');
    await raw.dataSetting.createMany({ data: [{ key: KEY, value: { hmac: keyring.indexHmac, check: checkValue(keyring) } }], skipDuplicates: true });
    record = (await read(raw))!; // another process may have recorded it a moment earlier
  }
  if (record.hmac !== keyring.indexHmac) throw refusal(record.hmac, keyring.indexHmac, '');
  if (record.check !== checkValue(keyring))
    throw new ConfigError(
      'refusing to start:\n- the index key (the `index` entry of FANGPIN_DATA_KEY or FANGPIN_DATA_KEY_FILE) is not the one this database was indexed with: no household, phone login or document would be found. Restore the original index key (it is never rotated).',
    );
}

async function read(raw: PrismaClient): Promise<IndexRecord | undefined> {
  const row = await raw.dataSetting.findUnique({ where: { key: KEY } });
  return row ? (row.value as IndexRecord) : undefined;
}

function refusal(recorded: IndexHmac, configured: IndexHmac, why: string): ConfigError {
  return new ConfigError(
    `refusing to start:\n- INDEX_HMAC=${configured}, but this database was indexed with HMAC-${recorded.toUpperCase()}${why}: set INDEX_HMAC=${recorded}. Changing it would lose every phone login, ID-number look-up and document.`,
  );
}
