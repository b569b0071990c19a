import { createServer, type IncomingMessage } from "node:http";
import { type AddressInfo } from "node:net";
import { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { briefSubmittedFixtures } from "../fixtures/brief-submitted.ts";
import { assetTagged } from "../events/asset-tagged.ts";
import { briefSubmitted } from "../events/brief-submitted.ts";
import { reminderScheduled } from "../events/reminder-scheduled.ts";
import { assertValid } from "./assert-valid.ts";
import { createWithDedupe } from "./create-with-dedupe.ts";
import { EventContractError } from "./event-contract-error.ts";
import { scheduleAt } from "./schedule-at.ts";
import { type EventData } from "./types.ts";

const valid = briefSubmittedFixtures.valid[0];
// Type-correct but invalid at runtime: a fractional amount and a malformed email.
const invalid: EventData<typeof briefSubmitted> = {
  ...valid,
  budget: { amount: 12.5, currency: "EUR" },
  encrypted: { ...valid.encrypted, contactEmail: "nope" },
};

/** A real event API on 127.0.0.1 that records what reaches it. */
const received: unknown[] = [];
const server = createServer((req: IncomingMessage, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    const events = JSON.parse(body) as unknown[];
    received.push(...events);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ ids: events.map((_, i) => `evt_${i}`), status: 200 }));
  });
});
let inngest: Inngest;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  inngest = new Inngest({ id: "events-contract-test", isDev: true, baseUrl: `http://127.0.0.1:${port}` });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("ContractEventType", () => {
  it("is an Inngest EventType carrying its contract and version", () => {
    const created = briefSubmitted.create(valid);
    expect(created).toMatchObject({ name: "studio/brief.submitted", v: "1", data: valid });
    expect(briefSubmitted.contract).toMatchObject({ key: "studio/brief.submitted@1", owner: "web", consumers: ["web", "worker"] });
  });

  it("validate() lists every bad field with its path", async () => {
    const error = await briefSubmitted.create(invalid).validate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventContractError);
    expect((error as Error).message).toBe(
      "studio/brief.submitted is invalid: data.budget.amount: Invalid input: expected int, received number; " +
        "data.encrypted.contactEmail: Invalid email address",
    );
    expect((error as EventContractError).issues.map((i) => i.path)).toEqual([
      "data.budget.amount",
      "data.encrypted.contactEmail",
    ]);
  });

  it("inngest.send rejects an invalid payload before anything leaves the process", async () => {
    received.length = 0;
    await expect(inngest.send(briefSubmitted.create(invalid))).rejects.toThrow(
      /^studio\/brief\.submitted is invalid: data\.budget\.amount: .*; data\.encrypted\.contactEmail: Invalid email address$/,
    );
    expect(received).toEqual([]);
  });

  it("inngest.send delivers a valid payload with its dedupe id and version", async () => {
    received.length = 0;
    const { ids } = await inngest.send(createWithDedupe(briefSubmitted, valid));
    expect(ids).toHaveLength(1);
    expect(received).toEqual([
      expect.objectContaining({ name: "studio/brief.submitted", id: "studio/brief.submitted@1:brief_01", v: "1", data: valid }),
    ]);
  });

  it("scheduleAt sets ts to the requested instant and keeps the dedupe id", () => {
    const data = { ...reminderScheduledFixture(), sendAt: "2027-04-01T08:00:00.000Z" };
    const created = scheduleAt(reminderScheduled, data, new Date(data.sendAt));
    expect(created).toMatchObject({ ts: Date.parse(data.sendAt), id: "studio/reminder.scheduled@1:reminder_x" });
    expect(() => scheduleAt(reminderScheduled, data, new Date("nonsense"))).toThrow(/not a valid Date/);
  });

  it("assertValid returns typed data or throws the same listing", () => {
    expect(assertValid(briefSubmitted, valid)).toBe(valid);
    expect(() => assertValid(briefSubmitted, { briefId: "b" })).toThrow(
      /data\.clientId: .*; data\.title: .*; data\.budget: .*; data\.dueDate: .*; data\.encrypted: /,
    );
  });

  it("types: payloads come from the schema, and only deduped events take createWithDedupe", () => {
    expectTypeOf<EventData<typeof briefSubmitted>["budget"]>().toEqualTypeOf<{ amount: number; currency: string }>();
    expectTypeOf<EventData<typeof assetTagged>["model"]["offline"]>().toEqualTypeOf<boolean>();
    const tagged = { assetId: "a", projectId: "p", tags: ["t"], altText: "x", model: { provider: "p", name: "n", offline: true } };
    // @ts-expect-error asset.tagged describes no unique fact, so it has no dedupe id
    expect(() => createWithDedupe(assetTagged, tagged)).toThrow(/no dedupe rule/);
  });
});

function reminderScheduledFixture(): EventData<typeof reminderScheduled> {
  return {
    reminderId: "reminder_x",
    sendAt: "2027-04-01T08:00:00.000Z",
    channel: "email",
    encrypted: { to: "ada@example.com", subject: "s", message: "m" },
  };
}
