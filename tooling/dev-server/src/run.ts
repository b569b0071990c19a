import { existsSync } from "node:fs";
import path from "node:path";
import { toolingEnv } from "./env.ts";

/** The path of `cmd` on the tooling's PATH, if it is there. */
export function which(cmd: string): string | undefined {
  for (const dir of toolingEnv.path.split(path.delimiter)) {
    const candidate = path.join(dir, cmd);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}
