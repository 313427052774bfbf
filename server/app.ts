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
import { botOutboxRouter } from './routes/bot-outbox';
import { outboxRouter } from './routes/outbox';
import { casesRouter } from './routes/cases';
import { documentsRouter } from './routes/documents';
import { healthRouter } from './routes/health';
import { auditRouter } from './routes/audit';
import { authRouter } from './routes/auth';
import { cadresRouter } from './routes/cadres';
import { objectionsRouter } from './routes/objections';
import { transitionsRouter } from './routes/transitions';
import { visitRouter } from './routes/visit';

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
  for (const router of [healthRouter(deps), botInboundRouter(deps), botOutboxRouter(deps), outboxRouter(deps), casesRouter(deps), documentsRouter(deps), authRouter(deps), transitionsRouter(deps), objectionsRouter(deps), visitRouter(deps), cadresRouter(deps), auditRouter(deps)]) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return app;
}
