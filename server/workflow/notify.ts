/**
 * The notifications a case transition causes, written to the outbox in the transition's
 * transaction. (Being completed: recipients and texts — see the workflow issue.)
 */
import type { Prisma } from '../generated/prisma/client';
import type { Actor } from './actor';
import type { CaseStatus } from './states';
import type { Action } from './transitions';

export type TransitionNotice = {
  caseId: string;
  from: CaseStatus;
  to: CaseStatus;
  action: Action;
  note: string | null;
  data: Record<string, unknown>;
  eventId: string;
  actor: Actor;
};

export async function notifyTransition(_tx: Prisma.TransactionClient, _notice: TransitionNotice, _now: Date): Promise<void> {
  // filled in by the outbox/notification work
}
