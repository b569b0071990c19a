import { join } from "node:path";
import { compareRoles, registeredUses, scanSources, type ContractModule } from "@studio/contract-graph";
import * as events from "@studio/events";
import { describe, expect, it } from "vitest";
import { functions } from "./functions/index.ts";

const contract: ContractModule = events;
const uses = [...registeredUses(functions, contract), ...scanSources(join(import.meta.dirname, ".."), ["src"], contract)];

describe("the contract's producers, consumers and callers, held to the AI app's code", () => {
  it("name the AI app exactly where its registered functions and its sources send, consume or invoke", () => {
    expect(compareRoles("ai", uses, contract)).toEqual([]);
  });

  it("are read from the code (re-analysis invokes analyse-brief through the function it is given)", () => {
    const invoke = uses.find((u) => u.kind === "invoke" && u.key === "studio-ai/analyse-brief");
    expect(invoke?.where).toMatch(/^src\/functions\/reanalyse-brief\.ts:\d+$/);
    expect(uses).toContainEqual({ kind: "trigger", key: "studio/brief.updated@1", where: "function reanalyse-brief" });
  });
});
