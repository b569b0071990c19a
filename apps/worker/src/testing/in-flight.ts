import { type Received } from "./outside-services.ts";

/**
 * The most requests that were being answered at the same moment (from arrival to answer), over
 * the given requests: how many calls a flow-control limit let through at once.
 */
export function maxInFlight(requests: readonly Pick<Received, "at" | "doneAt">[]): number {
  // Ends sort before starts at the same instant: a call answered as the next arrives is not overlapping.
  const edges = requests.flatMap((r) => [
    { t: r.at, d: 1 },
    { t: r.doneAt ?? Number.POSITIVE_INFINITY, d: -1 },
  ]);
  edges.sort((a, b) => a.t - b.t || a.d - b.d);
  let now = 0;
  let max = 0;
  for (const edge of edges) {
    now += edge.d;
    max = Math.max(max, now);
  }
  return max;
}

/**
 * The most of `times` (ms, any order) that fall within one window of `windowMs`: with a limit of
 * N per period, never more than N.
 */
export function mostWithin(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
