/**
 * The koa application: small middleware composed in order — errors → request log → body
 * parsing → routes. Routes stay thin; the domain lives beside them.
 */
import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import type { Config } from './config';
import type { DocumentStore } from './documents/store';
import type { PrismaClient } from './generated/prisma/client';
import { errorMiddleware } from './http/errors';
import type { Logger } from './log';
import { botInboundRouter } from './routes/bot-inbound';
import { casesRouter } from './routes/cases';
import { documentsRouter } from './routes/documents';
import { healthRouter } from './routes/health';

export type AppDeps = {
  prisma: PrismaClient;
  config: Config;
  log: Logger;
  store: DocumentStore;
  /** The clock; tests fix it. */
  now?: () => Date;
};

export function createApp(deps: AppDeps): Koa {
  const app = new Koa();
  app.proxy = false;
  app.use(errorMiddleware(deps.log));
  app.use(async (ctx, next) => {
    const started = Date.now();
    await next();
    // Paths and status only: never bodies (they carry names, ID numbers, health details).
    deps.log.debug('http', { method: ctx.method, path: ctx.path, status: ctx.status, ms: Date.now() - started });
  });
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '256kb', encoding: 'utf-8' }));
  for (const router of [healthRouter(deps), botInboundRouter(deps), casesRouter(deps), documentsRouter(deps)]) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return app;
}
