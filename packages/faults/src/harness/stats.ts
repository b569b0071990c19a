/** The p-th percentile (0 < p <= 100) by nearest rank: a value that was actually measured. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** p50/p95/p99 and the maximum, rounded to whole milliseconds. */
export function latencySummary(values: readonly number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const round = (v: number) => Math.round(v);
  return {
    n: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    max: round(Math.max(...values)),
  };
}

/**
 * The most intervals open at the same moment, per key: `[start, end]` intervals (an interval with
 * no end is open to the end). An end at the same instant as a start does not overlap it.
 */
export function maxInFlightByKey(intervals: ReadonlyArray<{ key: string; start: number; end?: number }>): Map<string, number> {
  const byKey = new Map<string, Array<[number, number]>>();
  for (const { key, start, end } of intervals) {
    const list = byKey.get(key) ?? [];
    list.push([start, 1], [end ?? Number.POSITIVE_INFINITY, -1]);
    byKey.set(key, list);
  }
  const result = new Map<string, number>();
  for (const [key, points] of byKey) {
    points.sort((a, b) => a[0] - b[0] || a[1] - b[1]); // ends before starts at the same instant
    let open = 0;
    let max = 0;
    for (const [, delta] of points) {
      open += delta;
      max = Math.max(max, open);
    }
    result.set(key, max);
  }
  return result;
}

/** The most instants that fall inside any window of `windowMs` (a window [t, t + windowMs)). */
export function maxInWindow(instants: readonly number[], windowMs: number): number {
  const sorted = [...instants].sort((a, b) => a - b);
  let max = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[to]! - sorted[from]! >= windowMs) from++;
    max = Math.max(max, to - from + 1);
  }
  return max;
}
