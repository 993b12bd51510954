/** The q-quantile of a sample by the nearest-rank method (q = 0.5: median, 0.99: p99); NaN for no sample. */
export function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}
