/**
 * The start-up step that fills the search indexes (SEALED_FIELDS `search`) of rows written before
 * those columns existed. SQL cannot compute them — each is an HMAC under the index key of a value
 * that is itself sealed — so a migration adds the columns empty and this pass, run by every start
 * (server/start.ts) right after the clear-data sweep, opens each value and writes its indexes, in
 * batches, each a short transaction. A column filled once is recorded in DataSetting and not
 * looked at again; every later write fills it through the sealing client.
 */
import type { PrismaClient } from '../../generated/prisma/client';
import type { Logger } from '../../log';
import type { Keyring } from './keyring';
import { columnContext, SEALED_FIELDS } from './sealed-fields';

const FILLED = 'search-indexes-filled';
const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

export type SearchFill = { column: string; filled: number; failed: number };

export async function fillSearchIndexes(raw: PrismaClient, keyring: Keyring, log?: Logger, opts: { batchSize?: number } = {}): Promise<SearchFill[]> {
  const batchSize = opts.batchSize ?? 500;
  const row = await raw.dataSetting.findUnique({ where: { key: FILLED } });
  const done = new Set(Array.isArray((row?.value as { columns?: unknown } | undefined)?.columns) ? ((row!.value as { columns: string[] }).columns) : []);
  const out: SearchFill[] = [];
  for (const [model, fields] of Object.entries(SEALED_FIELDS)) {
    for (const [field, spec] of Object.entries(fields)) {
      for (const ix of spec.search ?? []) {
        const column = columnContext(model, ix.column);
        if (done.has(column)) continue;
        const p: SearchFill = { column, filled: 0, failed: 0 };
        let after = '';
        for (;;) {
          const rows = await raw.$queryRawUnsafe<{ id: string; v: string }[]>(
            `SELECT id, ${q(field)} AS v FROM ${q(model)} WHERE ${q(ix.column)} IS NULL AND ${q(field)} IS NOT NULL AND id > $1 ORDER BY id LIMIT ${Number(batchSize)}`,
            after,
          );
          if (rows.length === 0) break;
          after = rows.at(-1)!.id;
          await raw.$transaction(async (tx) => {
            for (const r of rows) {
              let plain: string;
              try {
                plain = keyring.open(r.v, columnContext(model, field));
              } catch {
                p.failed += 1;
                continue;
              }
              // only where still empty: a write meanwhile filled it from the current value
              p.filled += await tx.$executeRawUnsafe(`UPDATE ${q(model)} SET ${q(ix.column)} = $1 WHERE id = $2 AND ${q(ix.column)} IS NULL`, keyring.blindIndex(ix.purpose, plain), r.id);
            }
          });
        }
        out.push(p);
        if (p.filled > 0) log?.info('search index filled for rows written before it existed', { column, rows: p.filled });
        if (p.failed > 0) log?.error('search index: some values could not be opened', { column, failed: p.failed });
        else done.add(column);
      }
    }
  }
  if (out.every((p) => p.failed > 0)) return out; // nothing newly filled to record
  const value = { columns: [...done] };
  await raw.dataSetting.upsert({ where: { key: FILLED }, create: { key: FILLED, value }, update: { value } });
  return out;
}
