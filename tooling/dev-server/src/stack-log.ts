import { toolingEnv } from "./env.ts";

/**
 * The merged log of a stack's processes, each line tagged with who wrote it, for failure
 * messages (and streamed to stderr with STUDIO_E2E_VERBOSE=1). Keeps the last ~20 000 lines.
 */
export function stackLog() {
  const lines: string[] = [];
  return {
    tag: (who: string) => (line: string) => {
      lines.push(`[${who}] ${line}`);
      if (lines.length > 20_000) lines.splice(0, 10_000);
      if (toolingEnv.verbose) process.stderr.write(`[${who}] ${line}\n`);
    },
    text: () => lines.join("\n"),
    last: (n: number) => lines.slice(-n).join("\n"),
  };
}
