/** Latency percentiles (nearest rank) of a list of milliseconds. */
export type Percentiles = { n: number; p50: number; p95: number; p99: number };

export function percentiles(ms: number[]): Percentiles {
  const s = Float64Array.from(ms).sort();
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN);
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export function median(xs: number[]): number {
  return percentiles(xs).p50;
}
