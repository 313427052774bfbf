/**
 * An id for a row written by raw SQL, where Prisma's @default(cuid()) is not applied: 32 hex
 * digits of a random UUID — the shape the API accepts for an id in a path or a body
 * ([a-z0-9]{10,40}, e.g. GET /api/documents/:id), unique without a coordinator. Ids are not
 * ordered by time; nothing orders rows by id but batch walks.
 */
import { randomUUID } from 'node:crypto';

export const rowId = (): string => randomUUID().replaceAll('-', '');
