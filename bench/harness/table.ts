/** The rows `npm run bench` prints: each workload beside its baseline of the same run. */
import type { LoadResult } from './load';
import { mb } from './memory';

export type Row = {
  workload: string;
  /** What was measured, with its unit. */
  figure: string;
  baseline: string;
  /** figure ÷ baseline as a share (higher is better) or a slowdown, already worded. */
  ratio: string;
  latency?: Pick<LoadResult, 'p50' | 'p95' | 'p99'>;
  errors?: number;
  /** Peak resident memory of the server process during the workload. */
  peakRss?: number;
  note?: string;
};

const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);

/** a as a share of b ("4%"), for rates where more is better. */
export const share = (a: number, b: number) => (b > 0 ? `${(100 * a) / b < 10 ? ((100 * a) / b).toFixed(1) : Math.round((100 * a) / b)}%` : '—');
/** how many times slower a took than b ("65× slower", or "1.2× faster"), for durations. */
export const slower = (a: number, b: number) => {
  if (!(a > 0 && b > 0)) return '—';
  const [x, word] = a >= b ? [a / b, 'slower'] : [b / a, 'faster'];
  return `${x.toFixed(x < 10 ? 1 : 0)}× ${word}`;
};

export const rate = (x: number, unit: string) => `${x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en')} ${unit}`;
export const seconds = (msValue: number) => (msValue < 1000 ? `${Math.round(msValue)} ms` : `${(msValue / 1000).toFixed(msValue < 10_000 ? 2 : 1)} s`);

export function printTable(rows: Row[], header: string[]): string {
  const cells = rows.map((r) => [r.workload, r.figure, r.baseline, r.ratio, ms(r.latency?.p50), ms(r.latency?.p95), ms(r.latency?.p99), r.errors === undefined ? '—' : String(r.errors), r.peakRss === undefined ? '—' : mb(r.peakRss)]);
  const titles = ['workload', 'figure', 'baseline (same run)', 'ratio', 'p50', 'p95', 'p99', 'errors', 'server peak RSS'];
  const lines = [...header, '', `| ${titles.join(' | ')} |`, `|${titles.map(() => '---').join('|')}|`, ...cells.map((c) => `| ${c.join(' | ')} |`)];
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.workload}: ${r.note}`);
  if (notes.length) lines.push('', ...notes);
  return lines.join('\n');
}
