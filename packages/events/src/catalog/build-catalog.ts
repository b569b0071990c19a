import { createHash } from "node:crypto";
import { type Snapshot } from "../compat/compare-snapshots.ts";
import { analyseBriefFixtures } from "../fixtures/analyse-brief.ts";
import { workflowProgressFixtures } from "../fixtures/workflow-progress.ts";
import { allFixtures, fixtures } from "../fixtures/index.ts";
import { buildSnapshot, serializeSchema } from "../json-schema/build-snapshot.ts";
import { allChannels, allEvents, allFunctions } from "../registry.ts";
import { renderAsyncApi } from "./render-asyncapi.ts";
import { renderEventFlow, spliceEventFlow } from "./render-event-flow.ts";
import { renderMarkdown, type CatalogInput } from "./render-markdown.ts";

/** The hand-written doc whose event-flow section is generated (between its markers). */
export const ARCHITECTURE_DOC = "docs/architecture.md";

/**
 * Every generated file, keyed by its path relative to the repository root. `snapshot` is the
 * contract's JSON Schemas (buildSnapshot()); a caller that already built it passes it in.
 * `readDoc` reads a committed doc (path relative to the root); when it returns docs/architecture.md,
 * that doc is part of the output with its event-flow diagram regenerated.
 */
export function buildGeneratedFiles(
  snapshot: Snapshot = buildSnapshot(),
  readDoc: (path: string) => string | undefined = () => undefined,
): Map<string, string> {
  const input: CatalogInput = {
    events: allEvents,
    functions: allFunctions,
    exportNames: new Map(Object.entries(fixtures).map(([name, f]) => [f.event.contract.key, name])),
    examples: new Map(allFixtures.map((f) => [f.event.contract.key, f.valid[0]])),
    invokeExamples: new Map([
      [allFunctions[0].key, { data: analyseBriefFixtures.data.valid[0], result: analyseBriefFixtures.return.valid[0] }],
    ]),
    channels: allChannels,
    channelExamples: new Map([
      [
        allChannels[0].key,
        { progress: workflowProgressFixtures.progress.valid[0], result: workflowProgressFixtures.result.valid[0] },
      ],
    ]),
  };
  const files = new Map<string, string>();
  const fingerprint = createHash("sha256");
  for (const [path, schema] of snapshot) {
    const text = serializeSchema(schema);
    files.set(`packages/events/schemas/${path}`, text);
    fingerprint.update(path).update(text);
  }
  files.set("docs/events.md", renderMarkdown(input));
  files.set("docs/asyncapi.yaml", renderAsyncApi(input, `contract-${fingerprint.digest("hex").slice(0, 12)}`));
  const architecture = readDoc(ARCHITECTURE_DOC);
  if (architecture !== undefined) {
    files.set(ARCHITECTURE_DOC, spliceEventFlow(architecture, renderEventFlow({ events: allEvents, functions: allFunctions, channels: allChannels })));
  }
  return files;
}
