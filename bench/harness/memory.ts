/**
 * A process's resident memory from /proc (Linux): now (VmRSS) and its peak (VmHWM). Writing 5 to
 * /proc/<pid>/clear_refs resets the peak, so each workload gets its own; where that is refused the
 * peak is the process's since it started (say so in the row).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export const rssBytes = (pid: number) => statusField(pid, 'VmRSS');
export const peakRssBytes = (pid: number) => statusField(pid, 'VmHWM');

/** Starts a new peak; false when the kernel refuses (the peak then counts from the process start). */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** The process that does the work under a launcher (npm → tsx → node): the last descendant. */
export function leafProcess(pid: number): number {
  for (;;) {
    let children: number[] = [];
    try {
      children = readdirSync(`/proc/${pid}/task`).flatMap((t) =>
        readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
      );
    } catch {
      return pid;
    }
    if (children.length === 0) return pid;
    pid = children[children.length - 1]!;
  }
}

export const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${Math.round(bytes / 1024 / 1024)} MB`);
