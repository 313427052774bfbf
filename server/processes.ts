/**
 * More than one server process on one machine (SERVER_PROCESSES, `npm run start:server`): this
 * process becomes the primary of a node:cluster and forks the server processes, which share its
 * port (the primary accepts connections and hands them round in turn). They already behave as one
 * on one PostgreSQL: the scheduled jobs take advisory locks, case numbers come from one counter,
 * outbox leases skip what another holds, the static-data cache is checked against the database
 * on every read (tests/server/two-instances.test.ts).
 *
 * The primary holds no database and no app. The first server process starts alone — it applies
 * the migrations, seals older clear rows, seeds an empty database and makes a missing key file —
 * and the others start once it listens, so no two of them do that at once. A server process that
 * exits while the primary runs is started again (after 1 s, doubling up to 30 s while they keep
 * dying within a minute of starting); one that cannot start the first time ends the whole start.
 * SIGTERM or SIGINT to the primary stops every server process as one stops alone (jobs, then the
 * listener — its open requests answered — then the database) and exits when all have.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Server } from 'node:http';
import { createLogger, type Logger } from './log';

/** How long the primary waits for its server processes to stop before it kills them. */
const STOP_WAIT_MS = 30_000;
const RESTART_MIN_MS = 1_000;
const RESTART_MAX_MS = 30_000;
/** A server process that ran this long before it exited was healthy: the next restart waits the least again. */
const HEALTHY_AFTER_MS = 60_000;

/** The primary's side: forks `count` server processes of this same script (with `env` added) and keeps them running. */
export function runPrimary(count: number, logLevel: Parameters<typeof createLogger>[0], env: Record<string, string> = {}): void {
  const log = createLogger(logLevel);
  /** The server processes running (or starting), and when each was forked. */
  const started = new Map<Worker, number>();
  let stopping = false;
  let restartWait = RESTART_MIN_MS;
  let firstListening = false;

  const fork = () => {
    const worker = cluster.fork(env);
    started.set(worker, Date.now());
    return worker;
  };

  let listening = 0;
  cluster.on('listening', (worker) => {
    log.info('server process listening', { pid: worker.process.pid, processes: started.size });
    // all of the first ones up (the first announced where it listens): said once, for whoever waits on it (bench/)
    if (++listening === count) console.log(`FANGPIN_SERVER_PROCESSES ${count}`);
    if (firstListening) return;
    firstListening = true;
    // the database is ready: the others start together
    for (let i = 1; i < count; i++) fork();
  });

  cluster.on('exit', (worker, code, signal) => {
    const ranFor = Date.now() - (started.get(worker) ?? Date.now());
    started.delete(worker);
    if (stopping) {
      if (started.size === 0) process.exit(0);
      return;
    }
    if (!firstListening) {
      // the first could not start (configuration, database, migrations): its own error says why
      log.error('the first server process could not start; stopping', { pid: worker.process.pid, code, signal });
      process.exit(code && code > 0 ? code : 1);
    }
    restartWait = ranFor >= HEALTHY_AFTER_MS ? RESTART_MIN_MS : restartWait;
    log.warn('a server process exited; starting another', { pid: worker.process.pid, code, signal, inMs: restartWait });
    setTimeout(() => void (stopping || fork()), restartWait);
    restartWait = Math.min(restartWait * 2, RESTART_MAX_MS);
  });

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping ${started.size} server processes…`);
    if (started.size === 0) process.exit(0);
    for (const w of started.keys()) w.process.kill('SIGTERM');
    setTimeout(() => {
      log.error('server processes did not stop in time; killing them', { pids: [...started.keys()].map((w) => w.process.pid) });
      for (const w of started.keys()) w.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_WAIT_MS).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  log.info('starting server processes', { processes: count });
  fork();
}

/**
 * A server process's side: it stops when the primary is gone (the channel to it closed), as it
 * would on SIGTERM — never left serving alone. `showPid` (tests only, never in production) answers
 * each request with the process's pid in `X-Server-Process`, so a test can see which one served.
 */
export function asServerProcess(server: Server, opts: { log: Logger; showPid: boolean }): void {
  process.once('disconnect', () => {
    opts.log.warn('the primary process is gone; stopping');
    process.kill(process.pid, 'SIGTERM');
  });
  if (opts.showPid) server.prependListener('request', (_req, res) => res.setHeader('X-Server-Process', String(process.pid)));
}

export const isServerProcess = (): boolean => cluster.isWorker;
/** The first server process the primary forked (cluster ids start at 1; a restarted one gets a new id). */
export const isFirstServerProcess = (): boolean => cluster.worker?.id === 1;
