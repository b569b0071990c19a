import type { ChildProcess } from "node:child_process";

/**
 * Keeps the recent output (stdout and stderr) of a child process for failure messages, and
 * passes each non-empty line to `onLog`. Returns a reader of what was kept (the last ~1 MB).
 */
export function captureOutput(child: ChildProcess, onLog?: (line: string) => void): () => string {
  let output = "";
  const onData = (d: Buffer) => {
    const text = d.toString();
    output += text;
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
    if (onLog) for (const line of text.split("\n")) if (line.trim()) onLog(line);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  return () => output;
}
