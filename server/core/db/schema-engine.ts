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
import { createHash } from 'node:crypto';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PROJECT_ROOT } from '../../project-root';

export const PRISMA_DIR = path.join(PROJECT_ROOT, 'prisma');
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

/**
 * Applies pending migrations; returns the names applied. A restart with nothing pending costs one
 * query: the wasm engine (~0.3 s to load, ~50 MB that stay resident) is loaded only when there is
 * something to apply or the recorded state is anything but plain (see `pendingMigrations`).
 */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory, opts: { progress?: (pending: number | undefined) => void } = {}): Promise<string[]> {
  const migrationsList = loadMigrationList();
  const pending = await pendingMigrations(adapterFactory, migrationsList.migrationDirectories);
  if (pending === 0) return [];
  opts.progress?.(pending);
  return withEngine(adapterFactory, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return out.appliedMigrationNames;
  });
}

/**
 * How many migrations of the folder `_prisma_migrations` does not record as applied, read with one
 * query; `undefined` when only the engine should judge: no table yet, a failed or rolled-back
 * migration, a migration edited after it was applied (its checksum, the SHA-256 of migration.sql),
 * or one the database has and the folder has not.
 */
export async function pendingMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory, local = loadMigrationList().migrationDirectories): Promise<number | undefined> {
  const adapter = await adapterFactory.connect();
  try {
    const table = await adapter.queryRaw({ sql: "SELECT to_regclass('_prisma_migrations') IS NOT NULL", args: [], argTypes: [] });
    if (table.rows[0]?.[0] !== true) return undefined;
    const recorded = await adapter.queryRaw({
      sql: "SELECT migration_name, checksum, CASE WHEN rolled_back_at IS NULL AND finished_at IS NOT NULL THEN 'applied' ELSE 'other' END FROM _prisma_migrations",
      args: [],
      argTypes: [],
    });
    const applied = new Map<string, string>();
    for (const [name, checksum, state] of recorded.rows as [string, string, string][]) {
      if (state !== 'applied') return undefined;
      applied.set(name, checksum);
    }
    let pending = 0;
    for (const m of local) {
      const checksum = applied.get(m.path);
      if (checksum === undefined) pending++;
      else if (m.migrationFile.content.tag !== 'ok' || checksum !== createHash('sha256').update(m.migrationFile.content.value).digest('hex')) return undefined;
      applied.delete(m.path);
    }
    return applied.size > 0 ? undefined : pending;
  } finally {
    await adapter.dispose();
  }
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
