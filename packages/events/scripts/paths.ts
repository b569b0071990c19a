import { join } from "node:path";

export const packageDir = join(import.meta.dirname, "..");
export const repoRoot = join(packageDir, "..", "..");
