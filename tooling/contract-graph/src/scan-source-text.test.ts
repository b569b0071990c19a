import { describe, expect, it } from "vitest";
import { scanSourceText } from "./scan-source-text.ts";
import { fakeContract } from "./testing/fake-contract.ts";

const contract = fakeContract();
const scan = (text: string) => scanSourceText("src/f.ts", text, contract, "@shop/events").map((u) => `${u.kind} ${u.key} @${u.where.split(":")[1]}`);

describe("scanSourceText", () => {
  it("finds the events a file builds to send, through each contract helper and aliases", () => {
    expect(
      scan(`import { orderPlaced, orderShipped as shipped, createWithDedupe, scheduleAt } from "@shop/events";
import * as c from "@shop/events";
await inngest.send(orderPlaced.create({ id: "1" }));
await step.sendEvent("s", createWithDedupe(shipped, { id: "1" }));
await step.sendEvent("s", items.map((i) => scheduleAt(c.orderPaidV2, { id: i }, when)));
`),
    ).toEqual(["sends shop/order.placed@1 @3", "sends shop/order.shipped@1 @4", "sends shop/order.paid@2 @5"]);
  });

  it("counts a raw event named in a send as every version of that name", () => {
    expect(scan(`await inngest.send([{ name: "shop/order.paid", data: {} }, { name: "other/thing", data: {} }]);`)).toEqual([
      "sends shop/order.paid@1 @1",
      "sends shop/order.paid@2 @1",
    ]);
  });

  it("finds waits by contract event or by name, and invokes of contract functions by name", () => {
    expect(
      scan(`import { orderPaid, quotePrice } from "@shop/events";
const paid = await step.waitForEvent("w", { event: orderPaid, timeout: "1d" });
const shipped = await step.waitForEvent("w2", { event: "shop/order.shipped", timeout: "1d" });
await step.invoke("q", { function: quotePrice, data: {} });
await step.invoke("q2", { function: deps.quotePrice, data: {} });
await step.invoke("local", { function: sendInvoice, data: {} });
`),
    ).toEqual(["wait shop/order.paid@1 @2", "wait shop/order.shipped@1 @3", "invoke shop-ai/quote-price @4", "invoke shop-ai/quote-price @5"]);
  });

  it("ignores what does not send or consume: reading a name or schema, types, other modules, local look-alikes", () => {
    expect(
      scan(`import { orderPaid, type orderPlaced } from "@shop/events";
import { orderShipped } from "./local.ts";
const name = orderPaid.name;
orderPaid.schema.safeParse(x);
orderShipped.create({ id: "1" });
const orderPlacedLike = { create: () => 1 };
orderPlacedLike.create();
event.create({});
email.send({ to: "a@b.c", subject: "s" });
`),
    ).toEqual([]);
  });

  it("finds a channel's publishers and subscribers", () => {
    expect(scan(`import { orderProgress } from "@shop/events";\nconst ch = orderProgress({ id });\nawait step.realtime.publish("p", ch.progress, {});`)).toEqual(["publish order-progress @2"]);
    expect(scan(`import { orderProgress } from "@shop/events";\nimport { getSubscriptionToken } from "inngest/realtime";\nawait getSubscriptionToken(c, { channel: orderProgress({ id }) });`)).toEqual([
      "subscribe order-progress @3",
    ]);
  });

  it("reads .tsx files", () => {
    expect(scanSourceText("a.tsx", `import { orderPaid } from "@shop/events";\nexport const B = () => <button onClick={() => send(orderPaid.create({ id: "1" }))}>Pay</button>;`, contract, "@shop/events")).toEqual([
      { kind: "sends", key: "shop/order.paid@1", where: "a.tsx:2" },
    ]);
  });
});
