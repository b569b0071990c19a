import { readFileSync } from "node:fs";
import { join } from "node:path";

export const packageDir = join(import.meta.dirname, "..");
export const repoRoot = join(packageDir, "..", "..");
export const packageVersion = (JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string }).version;
