import { cron, Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import { registeredUses } from "./registered-uses.ts";
import { fakeContract } from "./testing/fake-contract.ts";

const contract = fakeContract();
const inngest = new Inngest({ id: "shop-worker", isDev: true });

describe("registeredUses", () => {
  it("reads triggers and cancelOn from real Inngest functions, by EventType, { event } or name", () => {
    const fulfil = inngest.createFunction(
      {
        id: "fulfil-order",
        triggers: [contract.orderPlaced, { event: contract.orderPaidV2, if: "event.v == '2'" }],
        cancelOn: [{ event: contract.orderShipped, if: "async.data.id == event.data.id" }],
      },
      () => "ok",
    );
    const byName = inngest.createFunction({ id: "by-name", triggers: [{ event: "shop/order.paid" }] }, () => "ok");
    const scheduled = inngest.createFunction({ id: "nightly", triggers: [cron("0 0 * * *")] }, () => "ok");
    expect(registeredUses([fulfil, byName, scheduled], contract)).toEqual([
      { kind: "trigger", key: "shop/order.placed@1", where: "function fulfil-order" },
      { kind: "trigger", key: "shop/order.paid@2", where: "function fulfil-order" },
      { kind: "cancel", key: "shop/order.shipped@1", where: "function fulfil-order" },
      { kind: "trigger", key: "shop/order.paid@1", where: "function by-name" },
      { kind: "trigger", key: "shop/order.paid@2", where: "function by-name" },
    ]);
  });
});
