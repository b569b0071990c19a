import { isEncryptedValue } from "@inngest/middleware-encryption";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStudioClient } from "../client.ts";
import { collectLogLines, createTestEngine, hashedStepId, startEventSink, testEnv, TEST_ENCRYPTION_KEY, type EventSink } from "../testing/index.ts";
import { decryptAll } from "./decrypt-all.ts";

const PERSONAL = { email: "jane@example.com", address: "1 Rue de Rivoli, Paris" };

let sink: EventSink;
beforeAll(async () => {
  sink = await startEventSink();
});
afterAll(() => sink.stop());

function buildApp() {
  const client = createStudioClient({ id: "enc-app", env: testEnv({ INNGEST_DEV: sink.url }), logDestination: collectLogLines().destination });
  const seen: unknown[] = [];
  const fn = client.createFunction({ id: "order", triggers: { event: "shop/order.placed" } }, async ({ event, step }) => {
    const customer = await step.run("load-customer", () => ({ id: "c-1", ...PERSONAL }));
    // The next step reads the previous output: it must get plaintext back, not the envelope.
    const label = await step.run("make-label", () => {
      seen.push(customer);
      return `${customer.address} <${customer.email}>`;
    });
    await step.sendEvent("notify", { name: "shop/order.labelled", data: { orderId: event.data.orderId as string, encrypted: { label } } });
    return { label, orderId: event.data.orderId as string };
  });
  return { client, fn, seen };
}

const trigger = { name: "shop/order.placed", data: { orderId: "o-1" } };

describe("encryption through @inngest/test", () => {
  it("stores step output as ciphertext", async () => {
    const { fn } = buildApp();
    const { result, step } = await createTestEngine(fn, { events: [trigger] }).executeStep("load-customer");
    // `result` is the step's data as sent to Inngest for storage.
    expect(isEncryptedValue(result)).toBe(true);
    expect(JSON.stringify(step)).not.toContain(PERSONAL.email);
    expect(await decryptAll(result, [TEST_ENCRYPTION_KEY])).toEqual({ id: "c-1", ...PERSONAL });
  });

  it("gives the next step plaintext, encrypts the function result and data.encrypted of sent events", async () => {
    const { fn, seen } = buildApp();
    const before = sink.events.length;
    const { result, error, state } = await createTestEngine(fn, { events: [trigger], sendEvent: "real" }).execute();
    expect(error).toBeUndefined();

    expect(seen.at(-1)).toEqual({ id: "c-1", ...PERSONAL });
    await expect(state[hashedStepId("make-label")]).resolves.toBe(`${PERSONAL.address} <${PERSONAL.email}>`);

    expect(isEncryptedValue(result)).toBe(true);
    expect(await decryptAll(result, [TEST_ENCRYPTION_KEY])).toEqual({ label: `${PERSONAL.address} <${PERSONAL.email}>`, orderId: "o-1" });

    const sent = sink.events.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.data?.["orderId"]).toBe("o-1"); // other fields stay plaintext, by design
    expect(isEncryptedValue(sent[0]?.data?.["encrypted"])).toBe(true);
    expect(JSON.stringify(sent)).not.toContain(PERSONAL.email);
    expect(await decryptAll(sent[0]?.data?.["encrypted"], [TEST_ENCRYPTION_KEY])).toEqual({ label: `${PERSONAL.address} <${PERSONAL.email}>` });
  });

  it("encrypts data.encrypted of inngest.send and decrypts it for the receiving function", async () => {
    const { client } = buildApp();
    const before = sink.events.length;
    await client.send({ name: "shop/customer.updated", data: { customerId: "c-1", encrypted: PERSONAL } });
    const wire = sink.events.slice(before)[0];
    expect(wire?.data?.["customerId"]).toBe("c-1");
    expect(isEncryptedValue(wire?.data?.["encrypted"])).toBe(true);

    const receiver = client.createFunction(
      { id: "receiver", triggers: { event: "shop/customer.updated" } },
      ({ event }) => (event.data as { encrypted: typeof PERSONAL }).encrypted.email,
    );
    const { result } = await createTestEngine(receiver, { events: [{ name: wire!.name, data: wire!.data ?? {} }] }).execute();
    expect(await decryptAll(result, [TEST_ENCRYPTION_KEY])).toBe(PERSONAL.email);
  });

  it("decrypts data encrypted by another app with the same key (events cross apps)", async () => {
    const producer = createStudioClient({ id: "web", env: testEnv({ INNGEST_DEV: sink.url }), logDestination: collectLogLines().destination });
    const before = sink.events.length;
    await producer.send({ name: "t/cross", data: { encrypted: { secret: "from-web" } } });
    const { fn } = (() => {
      const worker = createStudioClient({ id: "worker", env: testEnv(), logDestination: collectLogLines().destination });
      return { fn: worker.createFunction({ id: "cross", triggers: { event: "t/cross" } }, ({ event }) => event.data) };
    })();
    const wire = sink.events.slice(before)[0]!;
    const { result } = await createTestEngine(fn, { events: [{ name: wire.name, data: wire.data ?? {} }] }).execute();
    expect(await decryptAll(result, [TEST_ENCRYPTION_KEY])).toEqual({ encrypted: { secret: "from-web" } });
  });
});
