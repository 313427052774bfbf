/**
 * What every channel's routes are given: the database, the configuration, the logger, the document
 * store, the data keys and the clock. Its own file so that routes depend on it, not on web.ts.
 */
import type { Config } from './config';
import type { Keyring } from './core/crypto/keyring';
import type { SqlRunner } from './core/db/direct';
import type { DocumentStore } from './core/documents/store';
import type { DemoClock } from './core/demo-clock';
import type { PrismaClient } from './generated/prisma/client';
import type { Logger } from './log';

export type AppDeps = {
  prisma: PrismaClient;
  /** PostgreSQL: a conversation step's two statements past Prisma's runtime (core/db/direct.ts); unset, they go through `prisma`. */
  sql?: SqlRunner;
  config: Config;
  log: Logger;
  store: DocumentStore;
  /** Data keys: blind indexes for look-ups by phone (the client in `prisma` seals with the same keyring). */
  keyring: Keyring;
  /** The clock; tests fix it. */
  now?: () => Date;
  /** A development start with the simulator: the demo clock behind `now`, moved from the console (server/core/demo-clock.ts). Never in production. */
  demoClock?: DemoClock;
};
