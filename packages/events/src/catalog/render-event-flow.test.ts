import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineEvent } from "../contract/define-event.ts";
import { runCheck } from "../gate/run-check.ts";
import { ARCHITECTURE_DOC, buildGeneratedFiles } from "./build-catalog.ts";
import { EVENT_FLOW_END, EVENT_FLOW_START, renderEventFlow, spliceEventFlow } from "./render-event-flow.ts";

const event = (name: string, producers: string[], consumers: string[]) =>
  defineEvent({
    name,
    version: "1",
    owner: "web",
    producers: producers as never,
    consumers: consumers as never,
    description: "An event of a tiny contract for this test.",
    schema: z.object({ id: z.string() }),
  });

describe("the event-flow diagram", () => {
  it("draws one edge per producer → consumer pair, listing its events, plus invokes and channels", () => {
    const diagram = renderEventFlow({
      events: [
        event("a/x.done", ["web"], ["worker"]),
        event("a/y.done", ["web"], ["worker", "ai"]),
        event("a/z.done", ["ai"], ["web"]),
        // A second version of a name is drawn on the same edge once; one with no consumer draws nothing.
        defineEvent({
          name: "a/x.done",
          version: "2",
          owner: "web",
          producers: ["web"],
          consumers: ["worker"],
          description: "The second version of a/x.done, for this test.",
          schema: z.object({ id: z.string() }),
        }),
        event("a/unread.done", ["ai"], []),
      ],
      functions: [{ key: "k", functionId: "think", owner: "ai", callers: ["worker"] }],
      channels: [{ key: "progress", publishers: ["worker"], subscribers: ["web"] }],
    });
    expect(diagram.split("\n")).toEqual([
      "```mermaid",
      "flowchart LR",
      '  web["web (Next.js console)"]',
      '  worker["worker (Hono)"]',
      '  ai["ai (Hono)"]',
      '  web -- "a/x.done<br/>a/y.done" --> worker',
      '  web -- "a/y.done" --> ai',
      '  ai -- "a/z.done" --> web',
      '  worker -. "step.invoke think" .-> ai',
      '  worker -. "realtime progress" .-> web',
      "```",
    ]);
  });

  it("replaces only the text between its markers", () => {
    const doc = `# A\n\nbefore\n${EVENT_FLOW_START}\nold\n${EVENT_FLOW_END}\nafter\n`;
    expect(spliceEventFlow(doc, "NEW")).toBe(`# A\n\nbefore\n${EVENT_FLOW_START}\nNEW\n${EVENT_FLOW_END}\nafter\n`);
    expect(spliceEventFlow("# no markers\n", "NEW")).toBe("# no markers\n");
  });

  describe("in the contract gate", () => {
    const root = mkdtempSync(join(tmpdir(), "event-flow-"));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const doc = `# Architecture\n\n${EVENT_FLOW_START}\n${EVENT_FLOW_END}\n`;
    const readDoc = (path: string) => (path === ARCHITECTURE_DOC ? doc : undefined);

    it("is regenerated from the real contract, and a hand edit makes the gate fail naming the file", () => {
      for (const [path, text] of buildGeneratedFiles(undefined, readDoc)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      const architecture = readFileSync(join(root, ARCHITECTURE_DOC), "utf8");
      expect(architecture).toContain('web -- "studio/asset.uploaded');
      expect(runCheck({ repoRoot: root, gitRefs: [] })).toMatchObject({ ok: true, stale: [] });

      writeFileSync(join(root, ARCHITECTURE_DOC), architecture.replace("studio/asset.uploaded", "studio/asset.removed"));
      const result = runCheck({ repoRoot: root, gitRefs: [] });
      expect(result.ok).toBe(false);
      expect(result.stale).toEqual([ARCHITECTURE_DOC]);
      expect(result.report).toContain("events:generate");
    });
  });
});
