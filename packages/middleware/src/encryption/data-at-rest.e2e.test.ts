import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { isEncryptedValue } from "@inngest/middleware-encryption";
import { devServerApi, freePort, startDevServer, type DevServer, type DevServerApi } from "@studio/dev-server";
import { serve } from "inngest/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStudioClient } from "../client.ts";
import { collectLogLines, testEnv } from "../testing/index.ts";
import { decryptAll } from "./decrypt-all.ts";

// Proof that data at rest is encrypted: a real Dev Server stores what the app sends, and we read
// it back through the server's own API.
const KEY = "6SQuAoPCXz4Im7lGZySICcSpe3dtqYtWbTA6dZ1xiSg=";
const PERSONAL = { email: "jane.doe@example.com", card: "4111 1111 1111 1111" };
const BIN = fileURLToPath(new URL("../../bin/studio-decrypt.ts", import.meta.url));

let dev: DevServer;
let api: DevServerApi;
let app: Server;
/** A service step.fetch calls (Inngest's gateway makes the request). */
let service: Server;
const RECORDED_TOKEN = "recorded-token-5f2a9c";
const logs = collectLogLines();

const client = (devUrl: string) => createStudioClient({ id: "mw-e2e", env: testEnv({ INNGEST_DEV: devUrl, STUDIO_ENCRYPTION_KEY: KEY }), logDestination: logs.destination });
let inngest: ReturnType<typeof client>;

beforeAll(async () => {
  // The client must know the server's URL and the server the app's: pick the server's port first.
  const port = await freePort();
  inngest = client(`http://127.0.0.1:${port}`);
  const checkout = inngest.createFunction({ id: "checkout", triggers: { event: "mw-e2e/checkout.requested" } }, async ({ event, step }) => {
    const { email } = event.data.encrypted as { email: string };
    const payment = await step.run("take-payment", () => ({ email, card: PERSONAL.card, amount: 42 }));
    const receipt = await step.run("write-receipt", () => `receipt for ${payment.email}: ${payment.amount} EUR on ${payment.card}`);
    const { ids } = await step.sendEvent("notify", { name: "mw-e2e/receipt.ready", data: { orderId: event.data.orderId as string, encrypted: { receipt } } });
    return { receipt, notification: ids[0] };
  });
  service = createServer((_req, res) => res.end("ok"));
  await new Promise<void>((resolve) => service.listen(0, "127.0.0.1", resolve));
  const serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}/hook`;
  // What step.fetch does with a credential: the request, headers included, goes through Inngest.
  const fetchWithToken = inngest.createFunction({ id: "fetch-with-token", triggers: { event: "mw-e2e/fetch.requested" } }, async ({ step }) => {
    const res = await step.fetch(serviceUrl, { method: "POST", headers: { authorization: `Bearer ${RECORDED_TOKEN}` }, body: "{}" });
    return res.status;
  });
  app = createServer(serve({ client: inngest, functions: [checkout, fetchWithToken] }));
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;
  dev = await startDevServer({ port, apps: [appUrl], persist: true });
  api = devServerApi(dev.url);
  await api.waitForApps(["mw-e2e"]);
});

afterAll(async () => {
  await new Promise<void>((resolve) => (app ? app.close(() => resolve()) : resolve()));
  await new Promise<void>((resolve) => (service ? service.close(() => resolve()) : resolve()));
  await dev?.stop();
});

describe("data at rest in the Dev Server", () => {
  it("holds only ciphertext for the event's data.encrypted, every step output and the run output", async () => {
    const { ids } = await inngest.send({ name: "mw-e2e/checkout.requested", data: { orderId: "o-77", encrypted: { email: PERSONAL.email } } });
    const [run] = await api.waitForRuns(ids[0]!, { timeoutMs: 60_000 });
    expect(run?.status).toBe("COMPLETED");

    // Everything as the server stored it, read through its API.
    const event = await api.event(ids[0]!);
    const { data: payment } = await api.stepOutput(run!.run_id, "take-payment");
    const { data: receipt } = await api.stepOutput(run!.run_id, "write-receipt");
    const { data: output } = await api.output(run!.run_id);

    for (const stored of [event.data["encrypted"], payment, receipt, output]) expect(isEncryptedValue(stored)).toBe(true);
    expect(event.data["orderId"]).toBe("o-77"); // only data.encrypted is protected, by design
    const atRest = JSON.stringify([event, payment, receipt, output]);
    expect(atRest).not.toContain(PERSONAL.email);
    expect(atRest).not.toContain(PERSONAL.card);

    // The data is intact for whoever holds the key.
    const expectedReceipt = `receipt for ${PERSONAL.email}: 42 EUR on ${PERSONAL.card}`;
    expect(await decryptAll(payment, [KEY])).toEqual({ email: PERSONAL.email, card: PERSONAL.card, amount: 42 });
    const result = (await decryptAll(output, [KEY])) as { receipt: string; notification: string };
    expect(result.receipt).toBe(expectedReceipt);

    // The event sent from inside the run is stored encrypted too.
    const notification = await api.event(result.notification);
    expect(notification.data["orderId"]).toBe("o-77");
    expect(isEncryptedValue(notification.data["encrypted"])).toBe(true);
    expect(await decryptAll(notification.data["encrypted"], [KEY])).toEqual({ receipt: expectedReceipt });
  });

  it("lets on-call read a stored run output with studio-decrypt", async () => {
    const { ids } = await inngest.send({ name: "mw-e2e/checkout.requested", data: { orderId: "o-78", encrypted: { email: PERSONAL.email } } });
    const [run] = await api.waitForRuns(ids[0]!, { timeoutMs: 60_000 });
    const stored = await api.output(run!.run_id);
    const cli = spawnSync(process.execPath, [BIN], { env: { STUDIO_ENCRYPTION_KEY: KEY }, input: JSON.stringify(stored), encoding: "utf8" });
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ data: { receipt: `receipt for ${PERSONAL.email}: 42 EUR on ${PERSONAL.card}` } });
  });

  // Last: it stops the server to read its files.
  it("stores on disk a step.fetch request's headers in plaintext (so credentials never go through step.fetch), and no personal data", async () => {
    const { ids } = await inngest.send({ name: "mw-e2e/fetch.requested", data: {} });
    const [run] = await api.waitForRuns(ids[0]!, { timeoutMs: 60_000 });
    expect(run?.status).toBe("COMPLETED");
    // Through its API the server shows the step.fetch answer, not the request's headers...
    const record = JSON.stringify(await api.runRecord(run!.run_id));
    expect(record).toContain("step.fetch: 127.0.0.1");
    // ...but it stores them: every file the server wrote, read after it shut down.
    const stored = await dev.stopAndReadStore();
    expect(stored).toContain(`Bearer ${RECORDED_TOKEN}`);
    // The runs of the other tests are there too, their personal data only as ciphertext.
    expect(stored).toContain("mw-e2e/checkout.requested");
    expect(stored).not.toContain(PERSONAL.email);
    expect(stored).not.toContain(PERSONAL.card);
  });
});
