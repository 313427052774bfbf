import { dropTestDatabases } from './postgres';

/** Drops the databases this run created. */
export default async function globalTeardown(): Promise<void> {
  await dropTestDatabases(true);
}
