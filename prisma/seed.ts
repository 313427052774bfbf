/**
 * Seeds the demo county into the configured database when it has no regions yet:
 *   npm run db:seed
 */
import { loadConfig } from '../server/config';
import { connectDatabase } from '../server/db/connect';
import { applyMigrations } from '../server/db/schema-engine';
import { databaseIsEmpty, seedDemoCounty } from '../server/seed/demo-county';

async function main() {
  const db = await connectDatabase(loadConfig(process.env));
  try {
    await applyMigrations(db.adapterFactory);
    if (!(await databaseIsEmpty(db.prisma))) {
      console.log('the database already has regions: nothing seeded');
      return;
    }
    const tokens = await seedDemoCounty(db.prisma);
    console.log('seeded the demo county. Cadre tokens (shown once):');
    for (const t of tokens) console.log(`  ${t.role.padEnd(8)} ${t.region}  ${t.name}: ${t.token}`);
  } finally {
    await db.close();
  }
}

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
