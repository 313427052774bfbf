/**
 * The keyring every test database and test server share: fixed keys, so a test can open what
 * the server sealed. Never used outside tests.
 */
import { Keyring, type DataCipher } from '../../server/core/crypto/keyring';

const key = (fill: number) => Buffer.alloc(32, fill);

export function testKeyring(cipher: DataCipher = 'aes-256-gcm', keys: { id: string; fill: number }[] = [{ id: 't1', fill: 0x11 }]): Keyring {
  return new Keyring({ keys: keys.map((k) => ({ id: k.id, key: key(k.fill) })), indexKey: key(0x99), cipher });
}

export const TEST_KEYRING = testKeyring();
