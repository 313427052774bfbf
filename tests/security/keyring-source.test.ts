/**
 * Where the keys come from (server/core/crypto/keyring-source.ts): FANGPIN_DATA_KEY, a key file, the
 * embedded default created owner-only at first start, and production refusing to start without one.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../server/config';
import { loadKeyring, parseKeyString } from '../../server/core/crypto/keyring-source';

const b64 = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'fangpin-keys-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

test('FANGPIN_DATA_KEY: the first data key is active, the others read, `index` is the blind-index key', () => {
  const ring = parseKeyString(` k2:${b64(2)} , k1:${b64(1)}, index:${b64(9)}`, 'sm4');
  expect(ring.activeKeyId).toBe('k2');
  expect(ring.open(parseKeyString(`k1:${b64(1)},index:${b64(9)}`, 'sm4').seal('x', 'C.f'), 'C.f')).toBe('x');
  expect(ring.blindIndex('household-phone', '13900001111')).toBe(parseKeyString(`k9:${b64(7)},index:${b64(9)}`, 'sm4').blindIndex('household-phone', '13900001111'));
});

test.each([
  ['no index key', `k1:${b64(1)}`, /no index key/],
  ['no data key', `index:${b64(9)}`, /no data key/],
  ['a short key', `k1:${Buffer.alloc(16).toString('base64')},index:${b64(9)}`, /32 bytes/],
  ['no key id', `${b64(1)},index:${b64(9)}`, /not <keyId>:<base64 key>/],
  ['a key id twice', `k1:${b64(1)},k1:${b64(2)},index:${b64(9)}`, /appears twice/],
])('FANGPIN_DATA_KEY refused: %s', (_name, text, message) => {
  expect(() => parseKeyString(text, 'aes-256-gcm')).toThrow(ConfigError);
  expect(() => parseKeyString(text, 'aes-256-gcm')).toThrow(message);
});

test('FANGPIN_DATA_KEY_FILE: a JSON keyring', () => {
  const file = path.join(tmp(), 'keys.json');
  writeFileSync(file, JSON.stringify({ keys: [{ id: 'k3', key: b64(3) }], index: b64(9) }), { mode: 0o600 });
  const { keyring, source } = loadKeyring({ dataKeyFile: file, cipher: 'aes-256-gcm', dataDir: tmp(), production: true });
  expect([source, keyring.activeKeyId]).toEqual(['file', 'k3']);
});

test('embedded default: created once under DATA_DIR/keys, owner-only, then reused', () => {
  const dataDir = tmp();
  const first = loadKeyring({ cipher: 'aes-256-gcm', dataDir, production: false });
  expect(first.createdFile).toBe(path.join(dataDir, 'keys', 'keyring.json'));
  expect(statSync(first.createdFile!).mode & 0o777).toBe(0o600);
  expect(statSync(path.join(dataDir, 'keys')).mode & 0o777).toBe(0o700);
  const sealed = first.keyring.seal('13900001111', 'Household.phone');
  const again = loadKeyring({ cipher: 'aes-256-gcm', dataDir, production: false });
  expect(again.createdFile).toBeUndefined();
  expect(again.keyring.open(sealed, 'Household.phone')).toBe('13900001111');
  chmodSync(first.createdFile!, 0o644);
  expect(loadKeyring({ cipher: 'aes-256-gcm', dataDir, production: false }).warnings[0]).toMatch(/can be read by other users/);
});

test('production without a key refuses to start, naming both settings', () => {
  // the production profile refuses in loadConfig already; the keyring refuses on its own as well
  expect(() => loadConfig({ DATA_DIR: tmp(), NODE_ENV: 'production' })).toThrow(/FANGPIN_DATA_KEY.*FANGPIN_DATA_KEY_FILE/s);
  const settings = { cipher: 'aes-256-gcm' as const, dataDir: tmp(), production: true };
  expect(() => loadKeyring(settings)).toThrow(ConfigError);
  expect(() => loadKeyring(settings)).toThrow(/FANGPIN_DATA_KEY .*FANGPIN_DATA_KEY_FILE/s);
});

test('DATA_CIPHER is validated', () => {
  expect(() => loadConfig({ DATA_DIR: tmp(), DATA_CIPHER: 'des' })).toThrow(/DATA_CIPHER/);
  expect(loadConfig({ DATA_DIR: tmp(), DATA_CIPHER: 'sm4' }).dataProtection.keys.cipher).toBe('sm4');
});

describe('key material is never printed', () => {
  const secret = Buffer.alloc(32, 0xab).toString('base64'); // "q6ur…"
  test.each([
    ['an entry without a key id', `${secret},index:${b64(9)}`],
    ['an entry with a stray character', `k1:${secret}!,index:${b64(9)}`],
    ['a key id with a space', `k 1:${secret},index:${b64(9)}`],
  ])('FANGPIN_DATA_KEY with %s: refused, and the message holds none of it', (_name, text) => {
    let message = '';
    try {
      parseKeyString(text, 'aes-256-gcm');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toMatch(/entry 1 of 2 is not <keyId>:<base64 key>/);
    expect(message).not.toContain(secret.slice(0, 4));
  });

  test('a key file that is not JSON: refused without quoting it', () => {
    const file = path.join(tmp(), 'keys.json');
    writeFileSync(file, `{"keys":[{"id":"k1","key":"${secret}"}],"index":"${secret}" oops}`, { mode: 0o600 });
    expect(() => loadKeyring({ dataKeyFile: file, cipher: 'aes-256-gcm', dataDir: tmp(), production: false })).toThrow(/is not valid JSON$/);
    try {
      loadKeyring({ dataKeyFile: file, cipher: 'aes-256-gcm', dataDir: tmp(), production: false });
    } catch (err) {
      expect((err as Error).message).not.toContain(secret.slice(0, 4));
    }
  });
});

test.each([
  ['600', false, 'loads', undefined],
  ['600', true, 'loads', undefined],
  ['640', false, 'warns', /can be read by other users \(mode 640\): chmod 600/],
  ['644', true, 'refuses', /FANGPIN_DATA_KEY_FILE: .*mode 644.*NODE_ENV=production.*chmod 600/],
  ['604', true, 'refuses', /mode 604/],
])('FANGPIN_DATA_KEY_FILE with mode %s (production: %s) %s', (mode, production, outcome, message) => {
  const file = path.join(tmp(), 'keys.json');
  writeFileSync(file, JSON.stringify({ keys: [{ id: 'k3', key: b64(3) }], index: b64(9) }));
  chmodSync(file, parseInt(mode, 8));
  const load = () => loadKeyring({ dataKeyFile: file, cipher: 'aes-256-gcm', dataDir: tmp(), production });
  if (outcome === 'refuses') {
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message!);
    return;
  }
  const loaded = load();
  expect(loaded.keyring.activeKeyId).toBe('k3');
  if (outcome === 'warns') expect(loaded.warnings).toEqual([expect.stringMatching(message!)]);
  else expect(loaded.warnings).toEqual([]);
});
