/**
 * Seeds the demo county into the configured database when it has no regions yet:
 *   npm run db:seed
 */
import { loadConfig } from '../server/config';
import { connectDatabase } from '../server/core/db/connect';
import { applyMigrations } from '../server/core/db/schema-engine';
import { databaseIsEmpty, describeDemoSeed, seedDemoCounty } from '../server/seed/demo-county';

async function main() {
  const db = await connectDatabase(loadConfig(process.env));
  try {
    await applyMigrations(db.adapterFactory);
    if (!(await databaseIsEmpty(db.prisma))) {
      console.log('the database already has regions: nothing seeded');
      return;
    }
    console.log(describeDemoSeed(await seedDemoCounty(db.prisma)));
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
