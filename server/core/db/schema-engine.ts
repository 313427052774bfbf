/**
 * Migrations without a native binary: Prisma's own schema engine compiled to wasm, talking to
 * the database through a driver adapter. `applyMigrations` records what it applied in
 * `_prisma_migrations`, so `prisma migrate deploy` stays compatible where the native engine exists.
 *
 * The wasm package is ESM and imports its .wasm file in a way Node cannot load, so it is
 * instantiated by hand (see DESIGN.md). Run this from Node/tsx, not inside jest's VM.
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

export const PRISMA_DIR = path.resolve(__dirname, '../../../prisma');
export const SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');

type WasmSchemaEngine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

let engineClass: Promise<{ new: (opts: unknown, log: (msg: string) => void, adapter: object) => Promise<WasmSchemaEngine> }> | undefined;

async function loadEngineClass() {
  engineClass ??= (async () => {
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = (await import(bgPath)) as Record<string, unknown> & { __wbg_set_wasm(exports: unknown): void; SchemaEngine: never };
    const wasmModule = new WebAssembly.Module(readFileSync(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm')));
    const instance = new WebAssembly.Instance(wasmModule, { './schema_engine_bg.js': bg as WebAssembly.ModuleImports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg.SchemaEngine;
  })();
  return engineClass;
}

function schemaFiles() {
  return [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, 'utf8') }];
}

/** The migrations folder in the shape the engine expects (Prisma's folder format). */
export function loadMigrationList(dir = MIGRATIONS_DIR) {
  const directories = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => statSync(path.join(dir, name)).isDirectory())
        .sort()
        .map((name) => {
          const file = path.join(dir, name, 'migration.sql');
          return {
            path: name,
            migrationFile: {
              path: 'migration.sql',
              content: existsSync(file) ? { tag: 'ok', value: readFileSync(file, 'utf8') } : { tag: 'error', value: 'missing migration.sql' },
            },
          };
        })
    : [];
  const lockPath = path.join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: directories,
  };
}

async function withEngine<T>(adapterFactory: SqlMigrationAwareDriverAdapterFactory, run: (engine: WasmSchemaEngine) => Promise<T>): Promise<T> {
  const SchemaEngine = await loadEngineClass();
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const log = process.env.SCHEMA_ENGINE_DEBUG ? (msg: string) => console.error('[schema-engine]', msg) : () => {};
  const engine = await SchemaEngine.new({ datamodels: schemaFiles().map((f) => [f.path, f.content]) }, log, adapter);
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** Applies pending migrations; returns the names applied. */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  return withEngine(adapterFactory, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: loadMigrationList(), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  });
}

/**
 * The SQL that takes a database built from migrations/ to schema.prisma ('' when they agree).
 * The migrations are replayed on the factory's shadow database.
 */
export async function diffMigrationsToSchema(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  return withEngine(adapterFactory, async (engine) => {
    const hasMigrations = loadMigrationList().migrationDirectories.length > 0;
    const out = await engine.diff({
      from: hasMigrations ? { tag: 'migrations', ...loadMigrationList() } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: schemaFiles() },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return (out.stdout ?? '').trim();
  });
}
