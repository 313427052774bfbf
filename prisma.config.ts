// Prisma CLI configuration. Only `prisma generate` is used from the CLI: migrations run
// through the wasm schema engine (server/core/db/schema-engine.ts), so no native binary is needed.
import path from 'node:path';
import { defineConfig } from 'prisma/config';

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, 'prisma', 'no-native-engine.sh');

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
});
