import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DiagnosticSeverity, Parser } from "@asyncapi/parser";
import { describe, expect, it } from "vitest";
import { allChannels, allEvents } from "../registry.ts";

const document = readFileSync(join(import.meta.dirname, "..", "..", "..", "..", "docs", "asyncapi.yaml"), "utf8");

describe("docs/asyncapi.yaml, read by the official AsyncAPI parser", () => {
  it("parses with no error or warning, and holds every channel and operation", async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(document);
    const severe = new Set<number>([DiagnosticSeverity.Error, DiagnosticSeverity.Warning]);
    const problems = diagnostics
      .filter((d) => severe.has(d.severity))
      .map((d) => `${d.code} at ${d.path.join(".")}: ${d.message}`);
    expect(problems).toEqual([]);
    expect(parsed).toBeDefined();
    expect(parsed!.version()).toBe("3.0.0");
    expect(parsed!.channels().length).toBe(allEvents.length + allChannels.length);
    // A send for every event or channel with a producer, a receive for every one with a consumer.
    const sides = (list: (c: { producers?: readonly string[]; consumers?: readonly string[]; publishers?: readonly string[]; subscribers?: readonly string[] }) => readonly string[] | undefined) =>
      [...allEvents.map((e) => e.contract), ...allChannels].filter((c) => (list(c)?.length ?? 0) > 0).length;
    expect(parsed!.operations().filterBySend().length).toBe(sides((c) => c.producers ?? c.publishers));
    expect(parsed!.operations().filterByReceive().length).toBe(sides((c) => c.consumers ?? c.subscribers));
  });
});
