/**
 * Statements the server sends many times a second (a conversation step's read and write), prepared
 * once per pooled connection under a name instead of parsed and planned by PostgreSQL on every
 * call: planning the step's six-join read cost more than running it (bench/README.md, "Where a
 * conversation step's time goes"). Only statements named here are prepared, so the number kept per
 * connection stays small and known; the ORM's own statements stay unnamed.
 */
import { createHash } from 'node:crypto';

const names = new Map<string, string>();

/** Registers `sql` under `name` (once, at module load) and answers it unchanged. */
export function preparedStatement(name: string, sql: string): string {
  const taken = [...names].find(([s, n]) => n === name && s !== sql);
  if (taken) throw new Error(`prepared statement name ${name} is already used by another statement`);
  names.set(sql, name);
  return sql;
}

/** At most this many statements built at run time are prepared (per connection); beyond, they run unnamed. */
const MAX_SHAPES = 256;
let shapes = 0;

/**
 * A statement built at run time from a bounded set of shapes (the case list: one text per
 * combination of filters, the values always parameters), prepared under a name taken from its
 * text. Answers `sql` unchanged.
 */
export function preparedShape(prefix: string, sql: string): string {
  if (names.has(sql) || shapes >= MAX_SHAPES) return sql;
  shapes += 1;
  names.set(sql, `${prefix}_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`);
  return sql;
}

/** For @prisma/adapter-pg's statementNameGenerator: the name of a registered statement, else none (unnamed). */
export function preparedName(query: { sql: string }): string {
  return names.get(query.sql) as string;
}
