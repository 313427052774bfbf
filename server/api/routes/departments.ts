/**
 * Department data (server/core/alerts):
 *   GET  /api/departments?county=                       → { departments: [view] } every department of the county (county office, auditor: read)
 *   PUT  /api/departments/:code { columns?, rules? }    → view: the saved column mapping and the alert rules (county office)
 *   POST /api/departments/:code/token                   → 201 { token } the push API's token, shown once (county office)
 *   POST /api/departments/:code/imports (multipart `file` XLSX or CSV, optional `columns` JSON part)
 *                                                       → 201 import report (200 with repeated: true for the same file again)
 *   POST /api/departments/:code/rows { batchId, rows: [{ rowId, idNumber, <figures> }] }, Bearer <department token>
 *                                                       → 200 { importId, repeated, rows, alreadySeen, invalid, problems }; idempotent per batch and row
 *                                                       401 before the body is read; refused pushes past a limit: 429 (core/alerts/push-refusals.ts)
 * :code is yibao, minzheng, yingji, jiaoyu, canlian or zhujian. See docs/api.md.
 */
import Router from '@koa/router';
import multer from '@koa/multer';
import { bodyParser } from '@koa/bodyparser';
import type Koa from 'koa';
import { z } from 'zod';
import { cadreOf, requireCadre, requireRole } from '../../core/auth/cadre';
import { MAY } from '../../core/auth/permissions';
import { bearerToken } from '../../core/auth/tokens';
import { DEPARTMENT_CODES, type DepartmentCode } from '../../core/alerts/departments';
import { ingestRows } from '../../core/alerts/ingest';
import { readTable } from '../../core/alerts/read-table';
import { ColumnMap, readRow, readTableRows, type ReadRow, type RowProblem } from '../../core/alerts/rows';
import { columnsFor, configureDepartment, DepartmentBody, departmentByToken, departmentOf, issueDepartmentToken, viewDepartment } from '../../core/alerts/setup';
import type { UploadGuard } from '../../core/documents/upload-guard';
import { countyForRequest, currentStatics } from '../../core/settings/workflow';
import { clockOf } from '../../core/clock';
import { CoreRefusal, unauthorized } from '../../core/refusal';
import { PushRefusals } from '../../core/alerts/push-refusals';
import type { Department } from '../../generated/prisma/client';
import { DbCounters, retryAfterSeconds, type Limit } from '../../core/throttle/counter';
import { badRequest, HttpError, parseOr400 } from '../../http/errors';
import { refuseMultipartControlChars } from '../../http/control-chars';
import type { AppDeps } from '../../deps';

const Code = z.enum(DEPARTMENT_CODES);
const Query = z.object({ county: z.string().trim().regex(/^\d{6,12}$/, 'must be a county code').optional() });
/** Problems listed in an answer: enough to fix a file, never the values (they are ID numbers). */
const PROBLEMS_SHOWN = 50;
/** Rows per push. */
export const MAX_PUSH_ROWS = 5000;
/**
 * A pushed row of the documented shape at its largest, as JSON: rowId (100) and idNumber (40) with
 * their keys; a department's figures — at most two, a text of 100 characters (300 bytes in UTF-8)
 * and an amount (20) — with their keys; quotes, commas, braces: about 560 bytes, taken as 600.
 */
const PUSH_ROW_BYTES = 600;
/** The push route's JSON limit (the others': 256 kB, server/web.ts): MAX_PUSH_ROWS rows of PUSH_ROW_BYTES, and the batch id. */
export const PUSH_JSON_LIMIT = MAX_PUSH_ROWS * PUSH_ROW_BYTES + 1024;
/** Pushes per department: a system sends a batch a day or a few; a token used to probe is slowed. */
export const PUSH_LIMIT: Limit = { max: 30, windowMs: 60_000 };
const PUSH_PATH = /^\/api\/departments\/([^/]+)\/rows$/;

/**
 * Mounted before the global body parser (server/web.ts). A push is let in before its body is read:
 * the department's token checked (its SHA-256 looked up), a refusal audited and limited
 * (push-refusals.ts), the department's push rate counted — an unauthenticated request is answered
 * with its body unread (Node discards what follows, nothing is buffered), so nobody without a
 * token makes the server parse a PUSH_JSON_LIMIT body. Then its JSON up to PUSH_JSON_LIMIT; the
 * global parser leaves the parsed body alone. The route finds the department in ctx.state.
 */
export function pushRowsGate(deps: AppDeps, onError: (err: Error, ctx: Koa.Context) => void): Koa.Middleware {
  const parse = bodyParser({ enableTypes: ['json'], jsonLimit: PUSH_JSON_LIMIT, encoding: 'utf-8', onError });
  const now = clockOf(deps);
  const refusals = new PushRefusals({ perMinute: deps.config.auth.clientPerMinute, perHour: deps.config.auth.clientPerHour });
  return async (ctx, next) => {
    const code = ctx.method === 'POST' ? Code.safeParse(PUSH_PATH.exec(ctx.path)?.[1]) : null;
    // another path, or no department's code: the ordinary parser and the route's 400
    if (!code?.success) return next();
    const at = now();
    const department = await departmentByToken(deps.prisma, bearerToken(ctx), code.data);
    if (!department) throw await refusals.refuse(deps.prisma, ctx.ip, code.data, at);
    const hit = await DbCounters.hit(deps.prisma, `department-push:${department.id}`, PUSH_LIMIT.windowMs, at);
    if (hit.count > PUSH_LIMIT.max) throw new CoreRefusal('too_many', 'too_many_requests', `rows: more than ${PUSH_LIMIT.max} pushes within ${PUSH_LIMIT.windowMs / 1000} seconds`, undefined, retryAfterSeconds(hit, at));
    ctx.state.pushDepartment = department;
    return parse(ctx, next);
  };
}

const Figure = z.union([z.string().max(100), z.number(), z.boolean(), z.null()]);
const PushBody = z.strictObject({
  batchId: z.string().trim().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'letters, digits and . _ : - (at most 100)'),
  rows: z
    .array(z.object({ rowId: z.string().trim().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'letters, digits and . _ : - (at most 100)'), idNumber: z.string().max(40) }).catchall(Figure))
    .min(1)
    .max(MAX_PUSH_ROWS),
});

export function departmentsRouter(deps: AppDeps, guard: UploadGuard): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now, deps.sql);
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 3, fieldSize: 8 * 1024 } } as multer.Options);
  const countyOf = async (actor: ReturnType<typeof cadreOf>, query: unknown) => countyForRequest((await currentStatics(deps.prisma)).tree, actor, parseOr400(Query, query).county);
  const answer = (report: Awaited<ReturnType<typeof ingestRows>>, problems: RowProblem[]) => ({ ...report, problems: problems.slice(0, PROBLEMS_SHOWN) });
  // the push answer: what was received, never what matched (a token holder would learn who is registered, 脱贫户 or has an open case)
  const pushAnswer = ({ importId, repeated, rows, alreadySeen, invalid }: Awaited<ReturnType<typeof ingestRows>>, problems: RowProblem[]) => ({ importId, repeated, rows, alreadySeen, invalid, problems: problems.slice(0, PROBLEMS_SHOWN) });

  router.get('/api/departments', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, [...MAY.configureDepartments, 'auditor'], 'read the departments');
    const county = await countyOf(actor, ctx.query);
    ctx.body = { departments: await Promise.all(DEPARTMENT_CODES.map((code) => viewDepartment(deps.prisma, county, code))) };
  });

  router.put('/api/departments/:code', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.configureDepartments, 'configure departments');
    const code = parseOr400(Code, ctx.params.code, 'code');
    const body = parseOr400(DepartmentBody, ctx.request.body ?? {});
    ctx.body = await configureDepartment(deps.prisma, actor, await countyOf(actor, ctx.query), code, body, now());
  });

  router.post('/api/departments/:code/token', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.configureDepartments, 'issue a department token');
    const code = parseOr400(Code, ctx.params.code, 'code');
    ctx.status = 201;
    ctx.body = { token: await issueDepartmentToken(deps.prisma, actor, await countyOf(actor, ctx.query), code, now()) };
  });

  router.post('/api/departments/:code/imports', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.importDepartmentData, 'import department data');
    const code = parseOr400(Code, ctx.params.code, 'code');
    const county = await countyOf(actor, ctx.query);
    if (!ctx.is('multipart/form-data')) throw new HttpError(415, 'unsupported_media_type', 'send the file as multipart/form-data with a `file` part (XLSX or CSV)', 'file');
    const department = await departmentOf(deps.prisma, county, code);
    const at = now();
    // the file is read and parsed holding an upload place: parsing is what costs memory
    const { bytes, read } = await guard.withBody(deps.config.defaultLang, async () => {
      try {
        await upload.single('file')(ctx as never, async () => {});
      } catch (err) {
        if ((err as { code?: string }).code === 'LIMIT_FILE_SIZE') throw new HttpError(413, 'too_large', `file: larger than ${deps.config.maxUploadBytes} bytes`, 'file');
        throw badRequest(`multipart: ${(err as Error).message}`);
      }
      refuseMultipartControlChars(ctx, deps.config.defaultLang);
      const file = (ctx as unknown as { file?: { buffer: Buffer } }).file;
      if (!file || file.buffer.length === 0) throw badRequest('file: a non-empty file part is required', 'file');
      const part = (ctx.request as { body?: { columns?: unknown } }).body?.columns;
      let given: ColumnMap | undefined;
      if (part !== undefined) {
        let json: unknown;
        try {
          json = JSON.parse(String(part));
        } catch {
          throw badRequest('columns: must be JSON such as {"idNumber":"身份证号"}', 'columns');
        }
        given = parseOr400(ColumnMap, json, 'columns');
      }
      const table = await readTable(file.buffer);
      return { bytes: file.buffer, read: readTableRows(code, table, columnsFor(code, department.columnMap, given), at) };
    });
    const report = await ingestRows(deps.prisma, { keyring: deps.keyring, workflow: deps.config.workflow }, department, { kind: 'file', digest: deps.keyring.digest('department-file', bytes), actor }, { rows: read.rows, invalid: read.problems.length }, at);
    ctx.status = report.repeated ? 200 : 201;
    ctx.body = answer(report, report.repeated ? [] : read.problems);
  });

  // the department's own system: no cadre, its token
  router.post('/api/departments/:code/rows', async (ctx) => {
    const code = parseOr400(Code, ctx.params.code, 'code') as DepartmentCode;
    const at = now();
    // let in by pushRowsGate: the token checked, the rate counted, before the body was read
    const department = ctx.state.pushDepartment as Department | undefined;
    if (!department || department.code !== code) throw unauthorized();
    const body = parseOr400(PushBody, ctx.request.body ?? {});
    const rows: ReadRow[] = [];
    const problems: RowProblem[] = [];
    for (const { rowId, ...raw } of body.rows) {
      const read = readRow(code, rowId, raw, at);
      if ('idNumber' in read) rows.push(read);
      else problems.push(read);
    }
    const report = await ingestRows(deps.prisma, { keyring: deps.keyring, workflow: deps.config.workflow }, department, { kind: 'push', batchId: body.batchId }, { rows, invalid: problems.length }, at);
    ctx.body = pushAnswer(report, problems);
  });

  return router;
}
