import path from "node:path";

/** The outbox is one JSON Lines file: appends are cheap and a half-written line only loses itself. */
export function outboxFile(dir: string): string {
  return path.join(dir, "outbox.jsonl");
}
