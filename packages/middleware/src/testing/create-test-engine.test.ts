import { NonRetriableError, StepError } from "inngest";
import { describe, expect, it } from "vitest";
import { createStudioClient } from "../client.ts";
import { decryptAll } from "../encryption/decrypt-all.ts";
import { createTestEngine } from "./create-test-engine.ts";
import { collectLogLines } from "./collect-log-lines.ts";
import { hashedStepId } from "./hashed-step-id.ts";
import { testEnv, TEST_ENCRYPTION_KEY } from "./test-env.ts";

const client = createStudioClient({ id: "shop", env: testEnv(), logDestination: collectLogLines().destination });
const placed = { name: "shop/order.placed", data: { orderId: "o-1" } };
const paid = { name: "shop/payment.confirmed", id: "e-2", ts: 0, data: { orderId: "o-1" } };

const fulfil = client.createFunction({ id: "fulfil", triggers: { event: placed.name } }, async ({ event, step }) => {
  const order = await step.run("load-order", () => ({ id: event.data.orderId as string, total: 42 }));
  const payment = await step.waitForEvent("wait-payment", { event: paid.name, timeout: "1h", if: "async.data.orderId == event.data.orderId" });
  if (!payment) throw new NonRetriableError("payment timed out");
  await step.sleep("cool-off", "10m");
  let shipped: string;
  try {
    shipped = await step.run("ship", () => "carrier-1");
  } catch (err) {
    if (!(err instanceof StepError)) throw err;
    shipped = `fallback (${err.message})`;
  }
  const child = await step.invoke("invoice", { function: invoiceFn, data: { orderId: order.id } });
  await step.sendEvent("emit-shipped", { name: "shop/order.shipped", data: { orderId: order.id } });
  return { shipped, invoice: child };
});
const invoiceFn = client.createFunction({ id: "invoice", triggers: { event: "shop/invoice.requested" } }, () => ({ invoiceId: "i-1" }));

const plain = (value: unknown) => decryptAll(value, [TEST_ENCRYPTION_KEY]);

describe("createTestEngine", () => {
  it("resolves waitForEvent by step id, answers sleeps, invokes and sendEvent, all as spies", async () => {
    const t = createTestEngine(fulfil, { events: [placed], waitForEvent: { "wait-payment": paid }, invoke: { invoice: { invoiceId: "i-9" } } });
    const { result, error, ctx, state } = await t.execute();
    expect(error).toBeUndefined();
    expect(await plain(result)).toEqual({ shipped: "carrier-1", invoice: { invoiceId: "i-9" } });
    expect(ctx.step.sleep).toHaveBeenCalledWith("cool-off", "10m");
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("emit-shipped", { name: "shop/order.shipped", data: { orderId: "o-1" } });
    await expect(state[hashedStepId("load-order")]).resolves.toEqual({ id: "o-1", total: 42 });
  });

  it("times a wait out with null", async () => {
    const { error } = await createTestEngine(fulfil, { events: [placed], waitForEvent: { "wait-payment": null } }).execute();
    expect(error).toMatchObject({ name: "NonRetriableError", message: "payment timed out" });
  });

  it("names a wait that has no result", async () => {
    const { error } = await createTestEngine(fulfil, { events: [placed] }).execute();
    expect(error).toMatchObject({ message: expect.stringContaining('step.waitForEvent("wait-payment") has no result') as unknown });
  });

  it("fails a step for good so the handler's catch path runs", async () => {
    const { result } = await createTestEngine(fulfil, {
      events: [placed],
      waitForEvent: { "wait-payment": paid },
      invoke: { invoice: null },
      failSteps: { ship: "carrier down" },
    }).execute();
    expect(await plain(result)).toMatchObject({ shipped: "fallback (carrier down)" });
  });

  it("fails an invoke for good too, ahead of its invoke entry", async () => {
    const { error } = await createTestEngine(fulfil, {
      events: [placed],
      waitForEvent: { "wait-payment": paid },
      invoke: { invoice: null },
      failSteps: { invoice: { name: "BillingError", message: "billing down" } },
    }).execute();
    expect(error).toMatchObject({ message: "billing down" });
  });

  it("mocks step results by id, and stays reusable across executions", async () => {
    const t = createTestEngine(fulfil, { events: [placed], waitForEvent: { "wait-payment": paid }, invoke: { invoice: null } });
    const first = await t.execute({ steps: { ship: "mocked-carrier" } });
    const second = await t.execute({ steps: { ship: "another-carrier" } });
    expect(await plain(first.result)).toMatchObject({ shipped: "mocked-carrier" });
    expect(await plain(second.result)).toMatchObject({ shipped: "another-carrier" });
  });

  it("keeps the engine's sleep op when asked, for executeStep", async () => {
    const { step } = await createTestEngine(fulfil, { events: [placed], waitForEvent: { "wait-payment": paid }, instantSleeps: false }).executeStep(
      "cool-off",
    );
    expect(step).toMatchObject({ op: "Sleep", name: "10m" });
  });
});
