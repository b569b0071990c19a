import type { DestinationStream } from "pino";

export type CollectedLogs = {
  /** Pass as createStudioClient's `logDestination`. */
  destination: DestinationStream;
  /** Every line exactly as written (after all scrubbing), for "never appears" assertions. */
  raw: string[];
  /** The same lines, parsed. */
  lines: () => Record<string, unknown>[];
  /** Everything written, joined: `expect(logs.text()).not.toContain(secret)`. */
  text: () => string;
};

/** A log destination that keeps the lines in memory, for tests. */
export function collectLogLines(): CollectedLogs {
  const raw: string[] = [];
  return {
    destination: { write: (line: string) => void raw.push(line) },
    raw,
    lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => raw.join(""),
  };
}
