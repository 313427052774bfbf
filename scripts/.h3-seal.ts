import { PrismaPg } from '@prisma/adapter-pg';
import { loadConfig } from '../server/config';
import { sealedClient } from '../server/core/crypto/sealed-client';
import { PrismaClient } from '../server/generated/prisma/client';
import { loadKeyring } from '../server/core/crypto/keyring-source';
(async () => {
  const config = loadConfig({ DATA_DIR: '/tmp/h3/data', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/h3_probe' } as never);
  const { keyring } = loadKeyring(config.dataProtection.keys);
  const raw = new PrismaClient({ adapter: new PrismaPg({ connectionString: config.databaseUrl! }) });
  const prisma = sealedClient(raw, keyring);
  console.log(await prisma.case.updateMany({ where: { id: { startsWith: 'p-' } }, data: { answers: { applicant: { name: '村民' } } } }));
  await raw.$disconnect();
})();
