/**
 * One 台账 export: the rows read batch by batch (read.ts, or the register's: server/core/register/export.ts), each written to the file as it comes
 * (write.ts) into `out` — the HTTP response's body — waiting for the client whenever `out` is full,
 * so memory holds a batch, never the export. Audited once, when the stream ends: who, which layout,
 * which filters, how many rows, and whether the file was whole (a client that hung up, or a failed
 * read, is recorded with the rows written until then). The audit row of a whole file is written
 * before its last bytes go out: a client holding the whole file is never ahead of the audit log.
 */
import type { PassThrough } from 'node:stream';
import type { Lang } from '../../../flows/i18n';
import { t } from '../../../flows/i18n';
import type { CadreActor } from '../../../flows/workflow';
import type { PrismaClient } from '../../generated/prisma/client';
import { recordAudit } from '../audit/record';
import type { Keyring } from '../crypto/keyring';
import type { SqlRunner } from '../db/direct';
import type { RegionTree } from '../regions/tree';
import { fieldOf, readContext, type ExportRow } from './fields';
import { revealsIdentity, type Layout } from './layouts';
import { BATCH, exportBatches, type ExportFilter, type Needs } from './read';
import { cellOf, csvWriter, headersOf, numFmtsOf, prepare, xlsxWriter, type ExportFormat, type SheetWriter } from './write';

export type ExportRun = {
  db: Pick<SqlRunner, 'rows'> | Pick<PrismaClient, '$queryRawUnsafe'>;
  prisma: PrismaClient;
  keyring: Keyring;
  tree: RegionTree;
  actor: CadreActor;
  layout: Layout;
  /** The work queue's cases (read.ts), or `source`'s rows: the register's households (server/core/register/export.ts). */
  filter: ExportFilter | null;
  source?: (needs: Needs, batch: number) => AsyncIterable<ExportRow[]>;
  /** The audit row's action: export:ledger (cases) or export:register (households). */
  action?: string;
  /** The filters as asked (the audit row's). */
  asked: Record<string, unknown>;
  format: ExportFormat;
  lang: Lang;
  now: Date;
  out: PassThrough;
  /** Whether the client has gone. */
  gone(): boolean;
  batch?: number;
};

export type ExportOutcome = { rows: number; complete: boolean; error?: unknown };

/** The sealed values and the costlier columns the layout writes. */
export function needsOf(layout: Layout): Needs {
  const used = new Set(layout.columns.filter((c) => !(fieldOf(c.field)?.kind === 'sensitive' && c.mask === 'hidden')).map((c) => c.field));
  return { name: used.has('headName'), idNumber: used.has('idNumber'), phone: used.has('phone'), decidedAt: used.has('identifiedAt'), members: used.has('members') };
}

const drained = (out: PassThrough) =>
  new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });

export async function runExport(r: ExportRun): Promise<ExportOutcome> {
  const columns = prepare(r.layout.columns);
  const headers = headersOf(columns, r.lang);
  const writer: SheetWriter = r.format === 'csv' ? csvWriter(r.out, headers) : xlsxWriter(r.out, headers, t(r.lang, 'export.sheet'), numFmtsOf(columns));
  let rows = 0;
  const audit = (complete: boolean, error?: unknown) =>
    recordAudit(r.prisma, {
      at: r.now,
      kind: 'access',
      actor: r.actor,
      action: r.action ?? 'export:ledger',
      allowed: true,
      fields: ['export', ...revealsIdentity(r.layout)],
      subject: JSON.stringify({ layout: r.layout.id, name: r.layout.name, format: r.format, filters: r.asked, rows, complete }),
      reason: complete ? `${rows} rows` : `${rows} rows, ${error ? 'failed' : 'stopped by the client'}`,
    });
  const cx = readContext(r.tree, r.lang, r.now);
  try {
    const size = r.batch ?? BATCH;
    const batches = r.source ? r.source(needsOf(r.layout), size) : r.filter ? exportBatches(r.db, r.keyring, r.filter, r.layout.kind, needsOf(r.layout), size) : [];
    for await (const batch of batches) {
      if (r.gone()) break;
      for (const row of batch) {
        rows += 1;
        cx.seq = rows;
        writer.row(columns.map((c) => cellOf(c, row, cx)));
      }
      await writer.settle();
      if (r.out.writableNeedDrain && !r.gone()) await drained(r.out);
    }
    if (r.gone()) {
      await audit(false);
      r.out.destroy();
      return { rows, complete: false };
    }
    await audit(true);
    await writer.end();
    return { rows, complete: true };
  } catch (error) {
    await audit(false, error).catch(() => undefined);
    r.out.destroy(error as Error);
    return { rows, complete: false, error };
  }
}
