/**
 * A department push refused — no token, or not the department's — is audited and answered 401,
 * within limits: per client address (AUTH_CLIENT_PER_MINUTE / AUTH_CLIENT_PER_HOUR, the login's
 * numbers: a department's system that lost its token fails a few times, not sixty) and per
 * department code (a flood spread over many addresses). Past either, 429 with Retry-After and no
 * row per request — a flood must not fill the audit table — but one row saying the limit was
 * reached, once per window. In memory (server/core/throttle/clients.ts): a refusal past the limit
 * costs no database write. A push with the department's token is never counted here, so a flood
 * against a department's code does not shut its own system out.
 */
import { recordAudit, type AuditDb } from '../audit/record';
import { CoreRefusal, unauthorized } from '../refusal';
import { ClientLimiter, type ClientLimits } from '../throttle/clients';
import { MemoryCounters } from '../throttle/counter';

const ACTION = 'alerts:push-rows';
/** Refused pushes per department code, whatever the address: six codes shared by every county's systems. */
export const REFUSED_PUSHES_PER_CODE: ClientLimits = { perMinute: 60, perHour: 600 };

export class PushRefusals {
  private readonly clients: ClientLimiter;
  private readonly codes = new ClientLimiter(REFUSED_PUSHES_PER_CODE);
  /** When a limit's summary row was written: once per client (or code) and window. */
  private readonly summaries = new MemoryCounters();

  constructor(perClient: ClientLimits) {
    this.clients = new ClientLimiter(perClient);
  }

  /** Counts a refused push of `client` at `code`; the refusal to throw: 401 (audited), or 429 past a limit. */
  async refuse(db: AuditDb, client: string, code: string, at: Date): Promise<CoreRefusal> {
    // a client past its own limit does not spend the code's
    const byClient = this.clients.take(ACTION, client, at);
    const byCode = byClient ? null : this.codes.take(ACTION, code, at);
    const over = byClient ? { by: 'client address', key: `client:${client}`, ...byClient } : byCode ? { by: 'department code', key: `code:${code}`, ...byCode } : null;
    if (!over) {
      // the refusal, never the token
      await recordAudit(db, { at, actor: { kind: 'anonymous' }, action: ACTION, allowed: false, subject: code, reason: 'unauthorized: missing or invalid department token' });
      return unauthorized();
    }
    if (this.summaries.hit(over.key, over.retryAfterSeconds * 1000, at).count === 1) {
      await recordAudit(db, { at, actor: { kind: 'anonymous' }, action: ACTION, allowed: false, subject: code, reason: `too many refused pushes from one ${over.by}: the refusals of the next ${over.retryAfterSeconds} s are not recorded one by one` });
    }
    return new CoreRefusal('too_many', 'too_many_requests', `too many refused pushes: try again in ${over.retryAfterSeconds} seconds`, undefined, over.retryAfterSeconds);
  }
}
