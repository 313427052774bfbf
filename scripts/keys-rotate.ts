/**
 * Re-encrypts every sealed value and document under the active data key:
 *   FANGPIN_DATA_KEY="k2:<new>,k1:<old>,index:<same>" npm run keys:rotate [-- --batch=200]
 * Put the new key first, keep the old one in the list until this has finished, then drop it.
 * With the embedded database (no DATABASE_URL) stop `npm start` first: PGlite has one user.
 */
import { loadConfig, ConfigError } from '../server/config';
import { loadKeyring } from '../server/core/crypto/keyring-source';
import { checkIndexSetting } from '../server/core/crypto/index-setting';
import { rotateKeys } from '../server/core/crypto/rotate';
import { connectDatabase } from '../server/core/db/connect';
import { FileSystemDocumentStore } from '../server/core/documents/store';

async function main() {
  const config = loadConfig(process.env);
  const { keyring } = loadKeyring(config.dataProtection.keys);
  const batch = process.argv.find((a) => a.startsWith('--batch='));
  const db = await connectDatabase(config);
  try {
    // rotation recomputes the indexes of values it seals: never with another HMAC or index key
    await checkIndexSetting(db.prisma, keyring, { dataCipher: config.dataProtection.keys.cipher });
    const started = Date.now();
    const r = await rotateKeys(db.prisma, keyring, new FileSystemDocumentStore(config.documentsDir, keyring), {
      batchSize: batch ? Number(batch.slice('--batch='.length)) : undefined,
      print: (line) => console.log(line),
    });
    const values = r.columns.reduce((n, c) => n + c.resealed, 0);
    console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${values} values and ${r.documents.resealed} documents sealed again under "${keyring.activeKeyId}"`);
    if (r.failed > 0) {
      console.error(`${r.failed} values or documents could not be opened with this keyring: is an old key missing from it?`);
      process.exitCode = 1;
    }
  } finally {
    await db.close();
  }
}

main()
  // PGlite's wasm runtime sets a non-zero exit code on its way out: exit with ours.
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  });
