/**
 * Walks every sealed column (SEALED_FIELDS) and seals again what needs it, in batches:
 * - `clear`: values stored before sealing existed (an older database) — run at every start,
 *   before the server reads anything; a no-op once done;
 * - `rotate`: also values under a key or cipher that is not the active one (`npm run keys:rotate`).
 *
 * Safe while the server runs: each row is written with a compare-and-set on the value that was
 * read, so a value the server changed meanwhile (already under the active key) is left as it is;
 * each batch is its own short transaction. Rows are visited once, in id order, so a value that
 * cannot be opened (a key missing from the keyring) is counted and skipped, never retried forever.
 * Blind-index columns are recomputed in the same write.
 */
import type { PrismaClient } from '../../generated/prisma/client';
import type { Keyring } from './keyring';
import { columnContext, indexesOf, SEALED_FIELDS, type SealedField } from './sealed-fields';

export type ResealMode = 'clear' | 'rotate';
export type ColumnProgress = { column: string; resealed: number; failed: number };

export async function resealColumns(
  raw: PrismaClient,
  keyring: Keyring,
  opts: { mode: ResealMode; batchSize?: number; onProgress?: (p: ColumnProgress & { done: boolean }) => void; /** columns ("Model.field") known to hold nothing to do */ skip?: ReadonlySet<string> },
): Promise<ColumnProgress[]> {
  const batchSize = opts.batchSize ?? 200;
  const out: ColumnProgress[] = [];
  for (const [model, fields] of Object.entries(SEALED_FIELDS)) {
    for (const [field, spec] of Object.entries(fields)) {
      if (opts.skip?.has(columnContext(model, field))) continue;
      const p: ColumnProgress = { column: columnContext(model, field), resealed: 0, failed: 0 };
      let after = '';
      for (;;) {
        const rows = await candidates(raw, keyring, model, field, spec, opts.mode, after, batchSize);
        if (rows.length === 0) break;
        after = rows[rows.length - 1]!.id;
        await raw.$transaction(async (tx) => {
          for (const row of rows) {
            const plain = clearText(keyring, model, field, spec, row.v);
            if (plain === undefined) {
              p.failed += 1;
              continue;
            }
            p.resealed += await writeIfUnchanged(tx as unknown as PrismaClient, keyring, model, field, spec, row, plain);
          }
        });
        opts.onProgress?.({ ...p, done: false });
      }
      opts.onProgress?.({ ...p, done: true });
      out.push(p);
    }
  }
  return out;
}

type Row = { id: string; v: unknown };

const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

/** Rows of one column whose value is not sealed (clear) or not under the active key and cipher (rotate). */
function candidates(raw: PrismaClient, keyring: Keyring, model: string, field: string, spec: SealedField, mode: ResealMode, after: string, limit: number): Promise<Row[]> {
  const current = mode === 'clear' ? 'fp1:%' : `fp1:${keyring.activeKeyId}:${keyring.suite}:%`;
  const col = q(field);
  const notCurrent = spec.json
    ? `jsonb_typeof(${col}) <> 'null' AND (jsonb_typeof(${col}) <> 'string' OR (${col} #>> '{}') NOT LIKE $1)`
    : `${col} NOT LIKE $1`;
  return raw.$queryRawUnsafe<Row[]>(`SELECT id, ${col} AS v FROM ${q(model)} WHERE ${col} IS NOT NULL AND ${notCurrent} AND id > $2 ORDER BY id LIMIT ${Number(limit)}`, current, after);
}

/** The clear text of a stored value: opened when sealed, as it is when clear; undefined when it cannot be opened. */
function clearText(keyring: Keyring, model: string, field: string, spec: SealedField, v: unknown): string | undefined {
  if (typeof v === 'string' && v.startsWith('fp1:')) {
    try {
      return keyring.open(v, columnContext(model, field));
    } catch {
      return undefined;
    }
  }
  return spec.json ? JSON.stringify(v) : String(v);
}

async function writeIfUnchanged(tx: PrismaClient, keyring: Keyring, model: string, field: string, spec: SealedField, row: Row, plain: string): Promise<number> {
  const sealed = keyring.seal(plain, columnContext(model, field));
  const col = q(field);
  const params: unknown[] = [sealed, row.id, spec.json ? JSON.stringify(row.v) : row.v];
  let set = spec.json ? `${col} = to_jsonb($1::text)` : `${col} = $1`;
  for (const ix of indexesOf(spec)) {
    params.push(keyring.blindIndex(ix.purpose, plain));
    set += `, ${q(ix.column)} = $${params.length}`;
  }
  const same = spec.json ? `${col} = $3::jsonb` : `${col} = $3`;
  return tx.$executeRawUnsafe(`UPDATE ${q(model)} SET ${set} WHERE id = $2 AND ${same}`, ...params);
}
