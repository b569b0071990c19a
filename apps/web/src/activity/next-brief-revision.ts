/**
 * The revision the next edit of a brief carries: one past the highest revision in the console's
 * database (1 for the first edit). The console records an edit there before sending it, so an
 * edit that has not reached Inngest yet still counts and its revision is never reused; and the
 * page renders the same number until an edit is recorded, so a double-click sends one dedupe id
 * (`<briefId>:<revision>`).
 */
export function nextBriefRevision(brief: { revision: number } | undefined): number {
  return (brief?.revision ?? 0) + 1;
}
