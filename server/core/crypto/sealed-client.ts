/**
 * The Prisma client the server talks through: it seals the columns of SEALED_FIELDS on every
 * write (top-level and nested), fills their blind-index columns, opens them on every read
 * (also in included relations), and answers an equality filter on an indexed column
 * (`where: { phone }`, `{ headIdNumber: { in: [...] } }`) through its index. Any other filter on a
 * sealed column cannot work on ciphertext and throws, so such a query fails in tests, never
 * silently. A stored value that is not sealed, or sealed for another column, is refused: the
 * clear rows of an older database are sealed at start (seal-existing.ts), before anything reads.
 *
 * Raw SQL ($queryRaw) sees ciphertext; keep sealed columns out of it.
 */
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { DecryptionError } from './cipher';
import type { Keyring } from './keyring';
import { columnContext, indexesOf, SEALED_FIELDS, type SealedField } from './sealed-fields';

type Obj = Record<string, unknown>;
/** Model name → relation field → related model (from the generated client's data model). */
type Relations = Map<string, Map<string, string>>;

export function sealedClient(prisma: PrismaClient, keyring: Keyring): PrismaClient {
  const relations = relationsOf(prisma);
  const extended = prisma.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, args, query }: { model: string; args: unknown; query: (a: unknown) => Promise<unknown> }) {
          const rows = await query(prepareArgs(keyring, relations, model, args as Obj));
          return openResult(keyring, relations, model, rows);
        },
      },
    },
  });
  return extended as unknown as PrismaClient;
}

/**
 * Opens the sealed columns of what a query returned, in place, also in included relations: the
 * callers get plain objects (compared, spread and serialised like any row) and each value is
 * opened once. Aggregates (`_count`, `_max`…) are left alone.
 */
function openResult(keyring: Keyring, relations: Relations, model: string, value: unknown): unknown {
  if (Array.isArray(value)) {
    for (const item of value) openResult(keyring, relations, model, item);
    return value;
  }
  if (!value || typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value)) return value;
  const row = value as Obj;
  const sealed = SEALED_FIELDS[model];
  const rel = relations.get(model);
  for (const [key, field] of Object.entries(row)) {
    const spec = sealed?.[key];
    if (spec) row[key] = openValue(keyring, model, key, spec, field);
    else if (rel?.has(key)) openResult(keyring, relations, rel.get(key)!, field);
  }
  return row;
}

/** Opens one stored value of a sealed column (null stays null). */
export function openValue(keyring: Keyring, model: string, field: string, spec: SealedField, stored: unknown): unknown {
  if (stored === null || stored === undefined) return stored;
  if (typeof stored !== 'string') throw new DecryptionError(`${model}.${field} holds a value that is not sealed`);
  const text = keyring.open(stored, columnContext(model, field));
  return spec.json ? JSON.parse(text) : text;
}

/** Seals one value for a column (null and Prisma's null markers stay as they are). */
export function sealValue(keyring: Keyring, model: string, field: string, spec: SealedField, value: unknown): unknown {
  if (value === null || value === undefined || isNullMarker(value)) return value;
  const text = spec.json ? JSON.stringify(value) : String(value);
  return keyring.seal(text, columnContext(model, field));
}

function prepareArgs(keyring: Keyring, relations: Relations, model: string, args: Obj | undefined): Obj | undefined {
  if (!args || typeof args !== 'object') return args;
  const out: Obj = { ...args };
  if (out.where) out.where = rewriteWhere(keyring, relations, model, out.where as Obj);
  if (out.data) out.data = Array.isArray(out.data) ? out.data.map((d) => sealData(keyring, relations, model, d as Obj)) : sealData(keyring, relations, model, out.data as Obj);
  // upsert
  if (out.create) out.create = sealData(keyring, relations, model, out.create as Obj);
  if (out.update) out.update = sealData(keyring, relations, model, out.update as Obj);
  return out;
}

function sealData(keyring: Keyring, relations: Relations, model: string, data: Obj): Obj {
  const sealed = SEALED_FIELDS[model];
  const rel = relations.get(model);
  const out: Obj = { ...data };
  for (const [key, value] of Object.entries(data)) {
    const spec = sealed?.[key];
    if (spec) {
      const isSet = value !== null && typeof value === 'object' && !Array.isArray(value) && !isNullMarker(value) && !spec.json && 'set' in (value as Obj);
      const plain = isSet ? (value as Obj).set : value;
      if (plain === undefined) continue;
      out[key] = isSet ? { set: sealValue(keyring, model, key, spec, plain) } : sealValue(keyring, model, key, spec, plain);
      for (const ix of indexesOf(spec)) out[ix.column] = plain === null ? null : keyring.blindIndex(ix.purpose, String(plain));
      continue;
    }
    const target = rel?.get(key);
    if (target && value && typeof value === 'object') out[key] = sealNested(keyring, relations, target, value as Obj);
  }
  return out;
}

/** create / createMany / update / upsert / connectOrCreate / updateMany under a relation field. */
function sealNested(keyring: Keyring, relations: Relations, model: string, ops: Obj): Obj {
  const data = (d: unknown) => (Array.isArray(d) ? d.map((x) => sealData(keyring, relations, model, x as Obj)) : sealData(keyring, relations, model, d as Obj));
  const whereData = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(whereData);
    const o = x as Obj;
    if ('data' in o || 'where' in o) return { ...o, ...(o.where ? { where: rewriteWhere(keyring, relations, model, o.where as Obj) } : {}), ...(o.data ? { data: data(o.data) } : {}) };
    return data(o);
  };
  const out: Obj = { ...ops };
  if (ops.create) out.create = data(ops.create);
  if (ops.createMany) out.createMany = { ...(ops.createMany as Obj), data: data((ops.createMany as Obj).data) };
  if (ops.update) out.update = whereData(ops.update);
  if (ops.updateMany) out.updateMany = whereData(ops.updateMany);
  if (ops.upsert) {
    const up = (u: Obj) => ({ ...u, create: data(u.create), update: data(u.update), ...(u.where ? { where: rewriteWhere(keyring, relations, model, u.where as Obj) } : {}) });
    out.upsert = Array.isArray(ops.upsert) ? ops.upsert.map((u) => up(u as Obj)) : up(ops.upsert as Obj);
  }
  if (ops.connectOrCreate) {
    const cc = (c: Obj) => ({ ...c, create: data(c.create), where: rewriteWhere(keyring, relations, model, c.where as Obj) });
    out.connectOrCreate = Array.isArray(ops.connectOrCreate) ? ops.connectOrCreate.map((c) => cc(c as Obj)) : cc(ops.connectOrCreate as Obj);
  }
  return out;
}

function rewriteWhere(keyring: Keyring, relations: Relations, model: string, where: Obj): Obj {
  const sealed = SEALED_FIELDS[model];
  const rel = relations.get(model);
  const out: Obj = {};
  for (const [key, value] of Object.entries(where)) {
    if (key === 'AND' || key === 'OR' || key === 'NOT') {
      out[key] = Array.isArray(value) ? value.map((w) => rewriteWhere(keyring, relations, model, w as Obj)) : rewriteWhere(keyring, relations, model, value as Obj);
      continue;
    }
    const spec = sealed?.[key];
    if (spec) {
      if (value === undefined) continue;
      const filter = indexFilter(keyring, model, key, spec, value);
      out[spec.index!.column] = filter;
      continue;
    }
    const target = rel?.get(key);
    if (target && value && typeof value === 'object') {
      const v = value as Obj;
      const ops = ['is', 'isNot', 'some', 'every', 'none'].filter((op) => op in v);
      out[key] = ops.length
        ? Object.fromEntries(Object.entries(v).map(([op, w]) => [op, w && typeof w === 'object' ? rewriteWhere(keyring, relations, target, w as Obj) : w]))
        : rewriteWhere(keyring, relations, target, v);
      continue;
    }
    out[key] = value;
  }
  return out;
}

/** Equality (or `in`) on an indexed sealed column, as a filter on its blind index. */
function indexFilter(keyring: Keyring, model: string, field: string, spec: SealedField, value: unknown): unknown {
  const refuse = () => new Error(`${model}.${field} is sealed: only equality filters through its blind index work on it`);
  if (!spec.index) throw refuse();
  const ix = (v: unknown) => (v === null ? null : keyring.blindIndex(spec.index!.purpose, String(v)));
  if (value === null || typeof value === 'string') return ix(value);
  const v = value as Obj;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === 'equals') return ix(v.equals);
  if (keys.length === 1 && keys[0] === 'in' && Array.isArray(v.in)) return { in: v.in.map(ix) };
  if (keys.length === 1 && keys[0] === 'not' && (v.not === null || typeof v.not === 'string')) return { not: ix(v.not) };
  throw refuse();
}

function relationsOf(prisma: PrismaClient): Relations {
  const dm = (prisma as unknown as { _runtimeDataModel: { models: Record<string, { fields: { name: string; kind: string; type: string }[] }> } })._runtimeDataModel;
  const map: Relations = new Map();
  for (const [name, m] of Object.entries(dm.models)) map.set(name, new Map(m.fields.filter((f) => f.kind === 'object').map((f) => [f.name, f.type])));
  return map;
}

function isNullMarker(v: unknown): boolean {
  return v instanceof Prisma.NullTypes.DbNull || v instanceof Prisma.NullTypes.JsonNull || v instanceof Prisma.NullTypes.AnyNull;
}
