const tones: Record<string, "ok" | "warn" | "bad" | "info"> = {
  Completed: "ok",
  completed: "ok",
  done: "ok",
  Running: "info",
  started: "info",
  Queued: "info",
  Scheduled: "info",
  waiting: "warn",
  Paused: "warn",
  Failed: "bad",
  failed: "bad",
  expired: "warn",
  Cancelled: "warn",
  cancelled: "warn",
  skipped: "warn",
  Skipped: "warn",
};

/** A run or step status as text with a colour (the text alone carries the meaning). */
export function StatusBadge({ status }: { status: string }) {
  const tone = tones[status];
  return <span className={`badge${tone ? ` badge--${tone}` : ""}`}>{status}</span>;
}
