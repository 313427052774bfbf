/**
 * Exits non-zero and prints the missing SQL when schema.prisma has changes that no migration
 * holds yet (fix with `npm run db:migration -- <name>`).
 */
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { diffMigrationsToSchema } from '../server/core/db/schema-engine';

diffMigrationsToSchema(new PrismaPGlite(new PGlite()) as never)
  .then((sql) => {
    const pending = sql.replace(/^--.*$/gm, '').trim();
    if (pending) {
      console.log(`drift: schema.prisma has changes without a migration:\n${sql}`);
      process.exit(1);
    }
    console.log('no drift');
    // PGlite's wasm runtime sets a non-zero exit code on its way out: say plainly that we succeeded.
    process.exit(0);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
