import { join } from "node:path";
import { compareRoles, registeredUses, scanSources, type ContractModule, type Use } from "@studio/contract-graph";
import * as events from "@studio/events";
import { describe, expect, it, vi } from "vitest";
import { producibleEvents } from "./produce/producible-events.ts";

const contract: ContractModule = events;
vi.stubEnv("INNGEST_DEV", "1");
const { functions } = await import("./inngest/functions/index.ts");

// The web app sends through one generic producer (forms, server actions and the JSON API all go
// through produceEvent), which sends exactly the events of producibleEvents: that map is what it
// can send, so it stands for the sends the source scan cannot see through the generic call.
const produced: Use[] = Object.values(producibleEvents).map((e) => ({ kind: "sends", key: e.contract.key, where: "src/produce/producible-events.ts" }));
const uses = [...registeredUses(functions, contract), ...scanSources(join(import.meta.dirname, ".."), ["src", "app"], contract), ...produced];

describe("the contract's producers, consumers and subscribers, held to the web app's code", () => {
  it("name the web app exactly where its registered functions and its sources send, consume or subscribe", () => {
    expect(compareRoles("web", uses, contract)).toEqual([]);
  });
});
