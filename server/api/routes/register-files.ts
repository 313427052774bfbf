/**
 * The register's files (server/core/register/export.ts, import.ts):
 *   GET  /api/register/export?layout=&format=xlsx|csv&state=&category=&region=&responsible=&lang=
 *        the register's list (its filters, the caller's region) as a 台账 in one of the export's
 *        layouts, a row per household — streamed, ID numbers masked as the layout says, audited
 *        (export:register: who, layout, filters, rows)
 *   GET  /api/register/import-columns   the fields of an import and the headers each is found under by default
 *   POST /api/register/imports (multipart `file` XLSX or CSV, optional `columns` JSON part {field: header})
 *        → 200 the report: imported, updated, skipped, refused, duplicates, membersAdded, monitoringSet,
 *          risksAdded, problems [{row, field, code}]
 * (Not under /api/households/: its /:id routes would take these paths.)
 */
import { PassThrough } from 'node:stream';
import Router from '@koa/router';
import { z } from 'zod';
import { shanghaiDate } from '../../../flows/china-time';
import { t } from '../../../flows/i18n';
import { DEFAULT_HEADERS, IMPORT_FIELDS, type ColumnMapping } from '../../../flows/register/import';
import { cadreOf, requireCadre, requireRole } from '../../core/auth/cadre';
import { MAY } from '../../core/auth/permissions';
import { clockOf } from '../../core/clock';
import type { UploadGuard } from '../../core/documents/upload-guard';
import { runExport } from '../../core/export/run';
import { CONTENT_TYPES, EXPORT_FORMATS } from '../../core/export/write';
import { registerBatches } from '../../core/register/export';
import { importRegister } from '../../core/register/import';
import { requireRegisterRole } from '../../core/register/reach';
import { currentStatics } from '../../core/settings/workflow';
import { parseOr400 } from '../../http/errors';
import { requestLang } from '../../http/lang';
import { readTableUpload } from '../../http/table-upload';
import type { AppDeps } from '../../deps';
import { contentDisposition, exportLayoutFor } from './export';
import { ListQuery, listFilterOf } from './households';

const ExportQuery = ListQuery.omit({ cursor: true, pageSize: true })
  .extend({
    layout: z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be a layout id (GET /api/export/layouts)'),
    format: z.enum(EXPORT_FORMATS, { message: `must be one of ${EXPORT_FORMATS.join(', ')}` }).default('xlsx'),
    lang: z.string().optional(),
  })
  .strict();

const Columns = z.record(z.string().max(40), z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters')).superRefine((map, ctx) => {
  for (const key of Object.keys(map)) {
    if (!(IMPORT_FIELDS as readonly string[]).includes(key)) ctx.addIssue({ code: 'custom', path: [key], message: `not a field of the import (${IMPORT_FIELDS.join(', ')})` });
  }
});

export function registerFilesRouter(deps: AppDeps, guard: UploadGuard): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now, deps.sql);

  router.get('/api/register/export', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRegisterRole(actor, 'readRegister');
    requireRole(actor, MAY.exportLedger, 'export the register');
    const q = parseOr400(ExportQuery, ctx.query);
    const at = now();
    const lang = requestLang(ctx, deps.config.defaultLang);
    const { tree } = await currentStatics(deps.prisma);
    const filter = listFilterOf(q, tree, actor);
    const layout = await exportLayoutFor(deps.prisma, tree, actor, q.layout, lang, at, 'export:register');
    const { layout: _l, format: _f, lang: _lang, ...asked } = q;
    const name = t(lang, 'register.export_file', { layout: layout.name, date: shanghaiDate(at) }).replace(/[\\/:*?"<>|\r\n]/g, '_');
    const out = new PassThrough();
    ctx.status = 200;
    ctx.type = CONTENT_TYPES[q.format];
    ctx.set('Content-Disposition', contentDisposition(`${name}.${q.format}`));
    ctx.set('Cache-Control', 'no-store');
    ctx.body = out;
    const res = ctx.res;
    // the rows are written as koa sends the body (as the case export's)
    void runExport({
      db: deps.sql ?? deps.prisma,
      prisma: deps.prisma,
      keyring: deps.keyring,
      tree,
      actor,
      layout,
      filter: null,
      source: (needs, batch) => registerBatches(deps.prisma, tree, actor, filter, needs, batch),
      action: 'export:register',
      asked,
      format: q.format,
      lang,
      now: at,
      out,
      gone: () => out.destroyed || (res.destroyed && !res.writableFinished),
    }).then((outcome) => {
      if (outcome.error) deps.log.error('register export failed', { layout: layout.id, rows: outcome.rows, err: outcome.error });
    });
  });

  router.get('/api/register/import-columns', auth, async (ctx) => {
    requireRegisterRole(cadreOf(ctx), 'keepRegister');
    ctx.body = { fields: IMPORT_FIELDS.map((field) => ({ field, headers: DEFAULT_HEADERS[field] })) };
  });

  router.post('/api/register/imports', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRegisterRole(actor, 'keepRegister');
    const lang = requestLang(ctx, deps.config.defaultLang);
    const { bytes, table, columns } = await readTableUpload(ctx, guard, { maxBytes: deps.config.maxUploadBytes, lang, columns: Columns });
    const { tree } = await currentStatics(deps.prisma);
    ctx.body = await importRegister(deps.prisma, { keyring: deps.keyring }, tree, actor, { table, mapping: (columns ?? {}) as ColumnMapping, digest: deps.keyring.digest('register-file', bytes) }, now());
  });
  return router;
}
