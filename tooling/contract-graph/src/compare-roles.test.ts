import { describe, expect, it } from "vitest";
import { compareRoles } from "./compare-roles.ts";
import { fakeContract } from "./testing/fake-contract.ts";
import { type Use } from "./types.ts";

const contract = fakeContract();
/** What the fake contract says the worker does: consumes placed and paid (both), sends shipped, calls quote-price, publishes progress. */
const truthful: Use[] = [
  { kind: "trigger", key: "shop/order.placed@1", where: "function fulfil" },
  { kind: "wait", key: "shop/order.paid@1", where: "src/fulfil.ts:9" },
  { kind: "cancel", key: "shop/order.paid@2", where: "function fulfil" },
  { kind: "sends", key: "shop/order.shipped@1", where: "src/fulfil.ts:12" },
  { kind: "invoke", key: "shop-ai/quote-price", where: "src/fulfil.ts:5" },
  { kind: "publish", key: "order-progress", where: "src/progress.ts:3" },
];

describe("compareRoles", () => {
  it("is empty when the contract's lists match what the app does", () => {
    expect(compareRoles("worker", truthful, contract)).toEqual([]);
  });

  it("names an undeclared role with its evidence and the file to change", () => {
    const uses = [...truthful, { kind: "sends", key: "shop/order.paid@1", where: "src/relay.ts:4" } as const];
    expect(compareRoles("worker", uses, contract)).toEqual([
      'shop/order.paid@1: worker sends it (src/relay.ts:4 (sends)), but its producers are [web]: add "worker" in packages/events/src/events/order-paid.ts',
    ]);
  });

  it("names a declared role that no code plays", () => {
    const uses = truthful.filter((u) => u.kind !== "wait" && u.kind !== "invoke" && u.kind !== "publish");
    expect(compareRoles("worker", uses, contract)).toEqual([
      'shop/order.paid@1: its consumers [worker] name worker, but no worker code has a function triggered by, waiting for or cancelled by it: remove "worker" in packages/events/src/events/order-paid.ts',
      'shop-ai/quote-price: its callers [worker] name worker, but no worker code invokes it: remove "worker" in packages/events/src/functions/quote-price.ts',
      'order-progress: its publishers [worker] name worker, but no worker code publishes to it: remove "worker" in packages/events/src/realtime/order-progress.ts',
    ]);
  });

  it("checks only the party asked about", () => {
    // The web app sends placed and paid@1 and subscribes, as listed; the worker's roles are not its concern.
    const web: Use[] = [
      { kind: "sends", key: "shop/order.placed@1", where: "a" },
      { kind: "sends", key: "shop/order.paid@1", where: "b" },
      { kind: "subscribe", key: "order-progress", where: "c" },
    ];
    expect(compareRoles("web", web, contract)).toEqual([
      'shop/order.shipped@1: its consumers [web] name web, but no web code has a function triggered by, waiting for or cancelled by it: remove "web" in packages/events/src/events/order-shipped.ts',
    ]);
  });
});
