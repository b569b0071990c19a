import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createFile, insertAfterLast, insertBeforeClose } from "./edit.ts";
import { eventNames, partyList } from "./names.ts";

export interface EventAnswers {
  /** `studio/quote.requested` */
  name: string;
  /** One line, capitalised, 11 to 141 characters (the catalog shows it). */
  description: string;
  /** The party that owns the schema (an app key, or platform). */
  owner: string;
  /** Comma-separated parties that send it. */
  producers: string;
  /** Comma-separated parties that react to it. */
  consumers: string;
}

/**
 * Writes what a new contract event needs (docs/adding-an-event.md): the event file, its fixtures,
 * its own test, and its entries in the registry, the package exports and the fixture index.
 * Returns the files written or changed, relative to the root.
 */
export function addEvent(root: string, answers: EventAnswers): string[] {
  const n = eventNames(answers.name);
  if (!/^[A-Z][^\n]{10,140}$/.test(answers.description)) {
    throw new Error("the description is one line of 11 to 141 characters starting with a capital letter (the catalog shows it)");
  }
  const list = (raw: string) => partyList(raw).map((p) => JSON.stringify(p)).join(", ");
  const events = path.join(root, "packages/events/src");
  const eventFile = `packages/events/src/events/${n.file}.ts`;
  const fixtureFile = `packages/events/src/fixtures/${n.file}.ts`;
  const testFile = `packages/events/src/events/${n.file}.test.ts`;
  mkdirSync(path.join(events, "events"), { recursive: true });

  createFile(
    path.join(root, eventFile),
    `import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { dedupeKey } from "../contract/dedupe-key.ts";
import { idSchema } from "../shared/ids.ts";

/**
 * ${n.name}: ${answers.description}
 *
 * Personal data goes under \`encrypted\` (add a \`encrypted: z.object({ … })\` field): only that field
 * is encrypted on its way to Inngest.
 *
 * Applies:
 * - docs/research/inngest/events-and-triggers.md#schemas-must-not-transform (no transforms or defaults)
 * - docs/research/inngest/creating-an-event-key.md#a-dedupe-id-that-is-too-coarse-drops-real-events (the dedupe rule)
 * - docs/research/inngest/sending-events.md#only-dataencrypted-is-encrypted (where personal data goes)
 */
export const ${n.exportName} = defineEvent({
  name: "${n.name}",
  version: "1",
  owner: ${JSON.stringify(partyList(answers.owner)[0])},
  producers: [${list(answers.producers)}],
  consumers: [${list(answers.consumers)}],
  description: ${JSON.stringify(answers.description)},
  schema: z.object({
    ${n.idField}: idSchema,
  }),
  dedupe: (data) => dedupeKey(data.${n.idField}),
});
`,
  );

  createFile(
    path.join(root, fixtureFile),
    `import { ${n.exportName} } from "../events/${n.file}.ts";
import { invalidAt, REMOVE } from "./mutate.ts";
import { type EventFixtures } from "./types.ts";

const base = { ${n.idField}: "${n.idField.replace(/Id$/, "")}_01" };

export const ${n.fixturesName} = {
  event: ${n.exportName},
  valid: [base],
  invalid: {
    missingId: invalidAt(base, "${n.idField}", REMOVE, "invalid_type", "${n.idField} is required"),
    wrongType: invalidAt(base, "${n.idField}", 42, "invalid_type", "${n.idField} is a string"),
  },
} satisfies EventFixtures<typeof ${n.exportName}>;
`,
  );

  createFile(
    path.join(root, testFile),
    `import { describe, expect, it } from "vitest";
import { createWithDedupe } from "../contract/create-with-dedupe.ts";
import { ${n.fixturesName} } from "../fixtures/${n.file}.ts";
import { allEvents } from "../registry.ts";
import { ${n.exportName} } from "./${n.file}.ts";

describe("${n.name}", () => {
  it("is in the contract registry", () => {
    expect(allEvents).toContain(${n.exportName});
  });

  it("sends its example with the contract's dedupe id", async () => {
    const payload = createWithDedupe(${n.exportName}, ${n.fixturesName}.valid[0]);
    await expect(payload.validate()).resolves.toBeUndefined();
    expect(payload.id).toBe("${n.name}@1:${n.idField.replace(/Id$/, "")}_01");
  });

  it("refuses a payload without its id, naming the field", async () => {
    await expect(${n.exportName}.create({} as never).validate()).rejects.toThrow(/${n.idField}/);
  });
});
`,
  );

  insertAfterLast(path.join(events, "registry.ts"), /^import \{ \w+ \} from "\.\/events\//, `import { ${n.exportName} } from "./events/${n.file}.ts";`);
  insertBeforeClose(path.join(events, "registry.ts"), /^export const allEvents\b/, "];", `  ${n.exportName},`);
  insertAfterLast(path.join(events, "index.ts"), /^export \{ \w+ \} from "\.\/events\//, `export { ${n.exportName} } from "./events/${n.file}.ts";`);
  const fixtures = path.join(events, "fixtures/index.ts");
  insertAfterLast(fixtures, /^import \{ \w+Fixtures \} from "\.\//, `import { ${n.fixturesName} } from "./${n.file}.ts";`);
  insertBeforeClose(fixtures, /^export \{$/, "};", `  ${n.fixturesName},`);
  insertBeforeClose(fixtures, /^export const fixtures = \{/, "};", `  ${n.exportName}: ${n.fixturesName},`);
  return [eventFile, fixtureFile, testFile, "packages/events/src/registry.ts", "packages/events/src/index.ts", "packages/events/src/fixtures/index.ts"];
}

/** Regenerates the contract's committed artefacts (schemas/, docs/events.md, asyncapi.yaml, the architecture diagram). */
export function regenerateContractArtefacts(root: string): string {
  return execFileSync(process.execPath, [path.join(root, "packages/events/scripts/generate.ts")], { cwd: root, encoding: "utf8" }).trim();
}
