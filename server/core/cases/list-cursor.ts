/**
 * The cursor of the case list: the last row's sort key, opaque to clients (base64url of JSON).
 * It names its sort, so a cursor of one sort is refused by the other.
 */
import { z } from 'zod';
import type { ListKey, ListSort } from './list-query';

const Iso = z.iso.datetime();
const Cursor = z.object({ o: z.enum(['newest', 'due']), s: Iso, n: z.string().min(1).max(40), d: Iso.nullable() });

export function encodeCursor(sort: ListSort, key: ListKey): string {
  const body = { o: sort, s: key.submittedAt.toISOString(), n: key.caseNo, d: key.dueAt?.toISOString() ?? null };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** The key a cursor carries, or null when it is not one of ours for this sort. */
export function decodeCursor(sort: ListSort, cursor: string): ListKey | null {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = Cursor.safeParse(json);
  if (!parsed.success || parsed.data.o !== sort) return null;
  return { submittedAt: new Date(parsed.data.s), caseNo: parsed.data.n, dueAt: parsed.data.d === null ? null : new Date(parsed.data.d) };
}
