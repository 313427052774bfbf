import Router from '@koa/router';
import type { AppDeps } from '../deps';

/**
 * Checks that arrive while one is in flight share the next one: each check's answer comes from a
 * statement sent after the check arrived (never an older answer), and a load balancer or monitor
 * polling hard costs the database one `SELECT 1` at a time, not one per poll.
 */
export function sharedCheck(check: () => Promise<unknown>): () => Promise<void> {
  let inFlight: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const sent = Promise.resolve().then(check).then(() => undefined);
    inFlight = sent;
    const done = () => void (inFlight === sent && (inFlight = undefined));
    sent.then(done, done);
    return sent;
  };
  const settled = () => undefined;
  return () => {
    if (!inFlight) return start();
    queued ??= inFlight.then(settled, settled).then(() => {
      queued = undefined;
      return start();
    });
    return queued;
  };
}

/** GET /health — the process is up and the database answers. */
export function healthRouter(deps: AppDeps): Router {
  const router = new Router();
  // straight on the pool when there is one: the check is the database's answer, not the ORM's work
  const databaseAnswers = sharedCheck(() => (deps.sql ? deps.sql.rows('SELECT 1', []) : deps.prisma.$queryRaw`SELECT 1`));
  router.get('/health', async (ctx) => {
    try {
      await databaseAnswers();
      ctx.body = { status: 'ok', database: 'ok' };
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'degraded', database: 'unreachable' };
    }
  });
  return router;
}
