/**
 * The koa application: small middleware composed in order — errors → request log → body
 * parsing → routes. Routes stay thin; the domain lives beside them.
 */
import path from 'node:path';
import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import type { AppDeps } from './deps';
import { UploadGuard } from './core/documents/upload-guard';
import { errorMiddleware } from './http/errors';
import { refuseControlChars, WECHAT_NAME_FIELDS } from './http/control-chars';
import { bodyError } from './http/body-errors';
import { refuseDeepJson } from './http/json-depth';
import { securityHeaders } from './http/headers';
import { botInboundRouter } from './chat/routes/bot-inbound';
import { botOutboxRouter } from './chat/routes/bot-outbox';
import { outboxRouter } from './api/routes/outbox';
import { casesRouter } from './api/routes/cases';
import { householdsRouter } from './api/routes/households';
import { documentsRouter } from './api/routes/documents';
import { healthRouter } from './http/health';
import { auditRouter } from './api/routes/audit';
import { authRouter } from './api/routes/auth';
import { cadresRouter } from './api/routes/cadres';
import { objectionsRouter } from './api/routes/objections';
import { transitionsRouter } from './api/routes/transitions';
import { visitRouter } from './api/routes/visit';
import { liveRouter } from './api/routes/live';
import { appApplicationsRouter } from './app/routes/applications';
import { appAuthRouter } from './app/routes/auth';
import { appCasesRouter } from './app/routes/cases';
import { appFormsRouter } from './app/routes/forms';
import { appStaticRouter } from './app/routes/static';
import { appSubscriptionsRouter } from './app/routes/subscriptions';
import { appUploadsRouter } from './app/routes/uploads';
import { broadcastsRouter } from './api/routes/broadcasts';
import { contactsRouter } from './api/routes/contacts';
import { policiesRouter } from './api/routes/policies';
import { faqsRouter } from './api/routes/faqs';
import { consoleStaticRouter } from './api/routes/console-static';
import { regionsRouter } from './api/routes/regions';
import { incomeLinesRouter } from './api/routes/income-lines';
import { countySettingsRouter } from './api/routes/county-settings';
import { statsRouter } from './api/routes/stats';
import { exportRouter } from './api/routes/export';
import { noticesRouter } from './api/routes/notices';
import { entryRouter } from './api/routes/entry';
import { demoRouter } from './api/routes/demo';
import { departmentsRouter, pushRowsGate } from './api/routes/departments';
import { alertsRouter } from './api/routes/alerts';
import { registerFilesRouter } from './api/routes/register-files';


export function createApp(deps: AppDeps): Koa {
  const app = new Koa();
  // TRUST_PROXY=1: ctx.ip is the address our reverse proxy saw (the last X-Forwarded-For entry,
  // not the first, which the client writes itself); the per-client limits key on it
  app.proxy = deps.config.trustProxy;
  app.maxIpsCount = 1;
  // Errors koa sees outside the middleware (a client that hung up mid-download): to our logger,
  // not koa's console default; a closed connection is the client's business, not ours.
  app.on('error', (err: NodeJS.ErrnoException, ctx?: Koa.Context) => {
    if (err.code === 'ERR_STREAM_PREMATURE_CLOSE' || err.code === 'ECONNRESET' || err.code === 'EPIPE') return;
    deps.log.error('http error', { path: ctx?.path, err });
  });
  // outermost, so error answers and koa's own 404 carry the security headers too
  app.use(securityHeaders({ appIndexHtml: path.join(deps.config.app.distDir, 'index.html'), consoleIndexHtml: path.join(deps.config.console.distDir, 'index.html') }));
  app.use(errorMiddleware(deps.log));
  app.use(async (ctx, next) => {
    const started = Date.now();
    await next();
    // Paths and status only: never bodies (they carry names, ID numbers, health details).
    deps.log.debug('http', { method: ctx.method, path: ctx.path, status: ctx.status, ms: Date.now() - started });
  });
  // a department's push: its token checked before its body (up to 5,000 rows, its own limit) is read; the global parser leaves a parsed body alone
  app.use(pushRowsGate(deps, bodyError(deps.config.defaultLang)));
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '256kb', encoding: 'utf-8', onError: bodyError(deps.config.defaultLang) }));
  // a body nested deeper than any route takes is a 400 before anything walks it
  app.use(refuseDeepJson({ defaultLang: deps.config.defaultLang }));
  // before any route: a NUL in a query or a body is a 400 naming the field, never a database error
  app.use(refuseControlChars({ defaultLang: deps.config.defaultLang, strip: { '/api/bot/inbound': WECHAT_NAME_FIELDS } }));
  // one set of upload places, caps and rates for every path that reads a file into memory
  const uploads = new UploadGuard(deps.config.uploads);
  for (const router of [healthRouter(deps), botInboundRouter(deps, uploads), botOutboxRouter(deps), outboxRouter(deps), casesRouter(deps), householdsRouter(deps, uploads), liveRouter(deps), documentsRouter(deps), authRouter(deps), transitionsRouter(deps), objectionsRouter(deps), visitRouter(deps, uploads), cadresRouter(deps), auditRouter(deps), broadcastsRouter(deps, uploads), contactsRouter(deps), policiesRouter(deps), faqsRouter(deps), regionsRouter(deps), incomeLinesRouter(deps), countySettingsRouter(deps), exportRouter(deps), noticesRouter(deps), entryRouter(deps, uploads), demoRouter(deps), statsRouter(deps), departmentsRouter(deps, uploads), alertsRouter(deps), registerFilesRouter(deps, uploads), consoleStaticRouter(deps), ...miniprogramRouters(deps, uploads)]) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return app;
}

/** The mini-program and the h5 app: its form, villager logins, submissions, cases, and the h5 build at /app/. */
function miniprogramRouters(deps: AppDeps, uploads: UploadGuard) {
  return [appFormsRouter(deps), appAuthRouter(deps), appUploadsRouter(deps, uploads), appApplicationsRouter(deps), appCasesRouter(deps, uploads), appSubscriptionsRouter(deps), appStaticRouter(deps)];
}
