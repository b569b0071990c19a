import { eventType } from "inngest";
import { z } from "zod";
import { type ContractModule } from "../types.ts";

/** A contract event as `@studio/events` builds one: an Inngest EventType with `.contract`. */
function contractEvent(name: string, version: string, producers: string[], consumers: string[]) {
  return Object.assign(eventType(name, { schema: z.object({ id: z.string() }), version }), {
    contract: { key: `${name}@${version}`, name, version, producers, consumers },
  });
}

/** A small contract in the shape of `@studio/events`, for the graph's own tests. */
export function fakeContract() {
  const orderPlaced = contractEvent("shop/order.placed", "1", ["web"], ["worker"]);
  const orderPaid = contractEvent("shop/order.paid", "1", ["web"], ["worker"]);
  const orderPaidV2 = contractEvent("shop/order.paid", "2", [], ["worker"]);
  const orderShipped = contractEvent("shop/order.shipped", "1", ["worker"], ["web"]);
  const quotePrice = { key: "shop-ai/quote-price", functionId: "quote-price", owner: "ai", callers: ["worker"] };
  const orderProgress = { key: "order-progress", exportName: "orderProgress", publishers: ["worker"], subscribers: ["web"] };
  const contract = {
    orderPlaced,
    orderPaid,
    orderPaidV2,
    orderShipped,
    quotePrice: { id: "reference" },
    orderProgress: () => ({}),
    createWithDedupe: () => ({}),
    scheduleAt: () => ({}),
    allEvents: [orderPlaced, orderPaid, orderPaidV2, orderShipped],
    allFunctions: [quotePrice],
    allChannels: [orderProgress],
  } satisfies ContractModule;
  return contract;
}
