// Writes the committed artefacts derived from the contract: JSON Schemas (packages/events/schemas),
// docs/events.md, docs/asyncapi.yaml and the event-flow diagram in docs/architecture.md. Run: pnpm --filter @studio/events events:generate
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { buildGeneratedFiles } from "../src/catalog/build-catalog.ts";
import { SCHEMAS_DIR } from "../src/gate/run-check.ts";
import { repoRoot } from "./paths.ts";

const files = buildGeneratedFiles(undefined, (path) => {
  const file = join(repoRoot, path);
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
});
// Start schemas/ from scratch so a removed event's file disappears too.
rmSync(join(repoRoot, SCHEMAS_DIR), { recursive: true, force: true });
for (const [path, text] of files) {
  const target = join(repoRoot, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}
console.log(`events:generate wrote ${files.size} files (${SCHEMAS_DIR}/, docs/events.md, docs/asyncapi.yaml, the event flow in docs/architecture.md)`);
