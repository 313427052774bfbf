/**
 * Keeps an open page current: a case moved by someone else — another cadre here, or anyone by
 * chat — shows in the queue and on the open case page within seconds.
 *
 * Polling, not server-sent events. Every LIVE_POLL_MS the page asks GET /api/live for two opaque
 * stamps (the caller's region's cases per status; the open case's last write, event and documents:
 * server/api/routes/live.ts), a few index reads, and reloads what it shows only when a stamp
 * changed. A poll is an ordinary short request: it passes every proxy and gateway (a government
 * intranet's often buffers or cuts long-lived responses), needs no channel shared between several
 * server processes (an event stream would need every move published to every instance), and
 * leaves no connection held per open tab. A few seconds' delay is what a desk that reads a case
 * for minutes can take. A hidden tab does not poll; it asks at once when shown again.
 */
import { useEffect, useRef } from 'react';
import { api, query, type ApiError } from '../api/client';

/** How often an open page asks whether anything changed. */
export const LIVE_POLL_MS = 5_000;

type Stamps = { queue: string; case?: string };
export type LiveChange = { queue: boolean; case: boolean };

/**
 * Calls `onChange` when the caller's queue (any case of their region changed step) or the case
 * `caseNo` (moved, visit booked, photo added; gone out of reach) changed since the last poll.
 */
export function useLive(caseNo: string | null, onChange: (change: LiveChange) => void, everyMs = LIVE_POLL_MS): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });

  useEffect(() => {
    let last: Stamps | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let busy = false;
    let stopped = false;
    const schedule = () => {
      clearTimeout(timer);
      if (!stopped) timer = setTimeout(() => void poll(), everyMs);
    };
    const poll = async () => {
      if (busy || stopped) return;
      if (document.hidden) return schedule();
      busy = true;
      try {
        const now = await api<Stamps>('GET', `/api/live${query({ caseNo })}`);
        if (stopped) return;
        if (last) {
          const change = { queue: now.queue !== last.queue, case: now.case !== last.case };
          if (change.queue || change.case) latest.current(change);
        }
        last = now;
      } catch (err) {
        // the case went out of reach (reassigned, another region): the page reloads and says so
        if (!stopped && (err as ApiError).status === 404 && last?.case) {
          last = null;
          latest.current({ queue: false, case: true });
        }
        // anything else (offline a moment): ask again at the next turn
      } finally {
        busy = false;
        schedule();
      }
    };
    const onVisible = () => {
      if (!document.hidden) void poll();
    };
    void poll();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [caseNo, everyMs]);
}
