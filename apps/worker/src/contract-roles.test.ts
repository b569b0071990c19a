import { join } from "node:path";
import { compareRoles, registeredUses, scanSources, type ContractModule } from "@studio/contract-graph";
import * as events from "@studio/events";
import { describe, expect, it } from "vitest";
import { functions } from "./functions/index.ts";

const contract: ContractModule = events;
const uses = [...registeredUses(functions, contract), ...scanSources(join(import.meta.dirname, ".."), ["src"], contract)];

describe("the contract's producers, consumers and callers, held to the worker's code", () => {
  it("name the worker exactly where its registered functions and its sources send, consume, invoke or publish", () => {
    expect(compareRoles("worker", uses, contract)).toEqual([]);
  });

  it("are read from the code (the derivation sees the worker's own triggers, waits, cancelOn, sends and invoke)", () => {
    const seen = new Set(uses.map((u) => `${u.kind} ${u.key}`));
    for (const use of [
      "trigger studio/brief.submitted@1",
      "wait studio/brief.approved@1",
      "cancel studio/brief.withdrawn@1",
      "sends studio/project.created@1",
      "invoke studio-ai/analyse-brief",
      "publish studio-progress",
    ]) {
      expect(seen).toContain(use);
    }
  });
});
