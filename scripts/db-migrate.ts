/**
 * Applies pending migrations to the configured database (DATABASE_URL, or PGlite under DATA_DIR):
 *   npm run db:migrate
 */
import { loadConfig } from '../server/config';
import { connectDatabase } from '../server/core/db/connect';
import { applyMigrations } from '../server/core/db/schema-engine';

async function main() {
  const config = loadConfig(process.env);
  const db = await connectDatabase(config);
  try {
    const applied = await applyMigrations(db.adapterFactory);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await db.close();
  }
}

main()
  // PGlite's wasm runtime sets a non-zero exit code on its way out: say plainly that we succeeded.
  .then(() => process.exit(0))
  .catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
