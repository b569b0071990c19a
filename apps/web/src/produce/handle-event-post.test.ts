import { dedupeId } from "@studio/events";
import { fixtures } from "@studio/events/fixtures";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startWebTestClient, type WebTestClient } from "../testing/web-test-client.ts";
import { handleEventPost } from "./handle-event-post.ts";
import { producibleEvents, type ProducibleEvent, type ProducibleEventKey } from "./producible-events.ts";

/** The contract's fixtures for each event the web app produces. */
const cases = {
  "brief.submitted": fixtures.briefSubmitted,
  "brief.updated": fixtures.briefUpdated,
  "brief.approved": fixtures.briefApproved,
  "brief.withdrawn": fixtures.briefWithdrawn,
  "asset.uploaded": fixtures.assetUploaded,
  "invoice.issued": fixtures.invoiceIssued,
  "invoice.paid": fixtures.invoicePaid,
  "reminder.scheduled": fixtures.reminderScheduledV2,
} satisfies Record<ProducibleEventKey, unknown>;

let t: WebTestClient;
beforeAll(async () => {
  t = await startWebTestClient();
});
afterAll(() => t.stop());
beforeEach(() => {
  t.sink.events.length = 0;
});

const post = (key: string, body: unknown) =>
  handleEventPost(
    t.client,
    key,
    new Request(`http://web.test/api/events/${key}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

describe("POST /api/events/<event>", () => {
  it("covers every event the web app produces", () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(producibleEvents).sort());
  });

  for (const [key, fx] of Object.entries(cases)) {
    const event: ProducibleEvent = producibleEvents[key as ProducibleEventKey];

    it(`${key}: valid data sends exactly one event with the contract's shape and dedupe id`, async () => {
      const data = fx.valid[0];
      const res = await post(key, data);
      expect(res.status).toBe(202);
      const body = (await res.json()) as { eventId: string; ids: string[] };
      const expectedId = dedupeId(event, data as never);
      expect(body.eventId).toBe(expectedId);
      const received = await t.received();
      expect(received).toHaveLength(1);
      const [sent] = received;
      expect(sent).toMatchObject({ name: event.name, id: expectedId, v: event.contract.version, data });
      expect(event.schema.safeParse(sent?.data).success).toBe(true);
      // Personal data never leaves the app in clear text: the wire carries the encrypted envelope.
      if ("encrypted" in (data as object)) expect(JSON.stringify(t.sink.events[0]?.data)).toContain("__ENCRYPTED__");
    });

    for (const [name, invalid] of Object.entries(fx.invalid)) {
      it(`${key}: rejects the "${name}" fixture with 400 naming ${invalid.path}, and sends nothing`, async () => {
        const res = await post(key, invalid.data);
        expect(res.status).toBe(400);
        const body = (await res.json()) as { error: string; fields: Array<{ path: string; message: string }> };
        expect(body.fields.map((f) => f.path)).toContain(invalid.path);
        expect(body.error).toContain(invalid.path);
        expect(t.sink.events).toEqual([]);
      });
    }
  }

  it("sends a reminder with ts = sendAt so Inngest delivers it then", async () => {
    const data = fixtures.reminderScheduledV2.valid[0];
    const res = await post("reminder.scheduled", data);
    expect(res.status).toBe(202);
    expect(((await res.json()) as { deliverAt: string }).deliverAt).toBe(new Date(data.sendAt).toISOString());
    expect(t.sink.events[0]?.ts).toBe(Date.parse(data.sendAt));
  });

  it("produces reminders as v2 only: a v1 body (free-text `to`) is refused with 400 naming the target, and nothing is sent", async () => {
    const res = await post("reminder.scheduled", fixtures.reminderScheduled.valid[0]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fields: Array<{ path: string }> };
    expect(body.fields.map((f) => f.path)).toContain("data.encrypted.target");
    expect(t.sink.events).toEqual([]);
  });

  it("sends only what the contract defines: a key it does not know never reaches Inngest (in plain text or at all)", async () => {
    const data = fixtures.briefSubmitted.valid[0];
    const res = await post("brief.submitted", { ...data, contactPhone: "+44 20 7946 0000", encrypted: { ...data.encrypted, note: "stray" } });
    expect(res.status).toBe(202);
    const [sent] = await t.received();
    expect(sent?.data).toEqual(data);
    expect(JSON.stringify(t.sink.events)).not.toContain("+44 20 7946 0000");
  });

  it("answers 404 for an event the web app does not produce, and 400 for a body that is not JSON", async () => {
    const unknown = await post("project.created", fixtures.projectCreated.valid[0]);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/brief\.submitted/);
    const notJson = await post("brief.approved", "briefId=b1");
    expect(notJson.status).toBe(400);
    expect(t.sink.events).toEqual([]);
  });

  it("answers 415 for a body not sent as application/json and 413 for one over 1 MB, before parsing, and sends nothing", async () => {
    const asText = await handleEventPost(
      t.client,
      "invoice.paid",
      new Request("http://web.test/api/events/invoice.paid", { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify(fixtures.invoicePaid.valid[0]) }),
    );
    expect(asText.status).toBe(415);
    expect(((await asText.json()) as { error: string }).error).toMatch(/application\/json/);
    const oversize = await post("invoice.paid", { ...fixtures.invoicePaid.valid[0], padding: "x".repeat(1_100_000) });
    expect(oversize.status).toBe(413);
    expect(t.sink.events).toEqual([]);
  });

  it("reports each sent event to onSent (where the route files its audit record), and nothing refused", async () => {
    const sent: unknown[] = [];
    const onSent = (s: unknown) => {
      sent.push(s);
      return Promise.resolve();
    };
    const request = (body: unknown) =>
      new Request("http://web.test/api/events/invoice.paid", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const data = fixtures.invoicePaid.valid[0];
    expect((await handleEventPost(t.client, "invoice.paid", request(data), { onSent })).status).toBe(202);
    expect((await handleEventPost(t.client, "invoice.paid", request({}), { onSent })).status).toBe(400);
    expect(sent).toEqual([{ name: "studio/invoice.paid", eventId: dedupeId(producibleEvents["invoice.paid"], data as never), data }]);
  });

  it("answers 502 with what to check when Inngest cannot be reached", async () => {
    const down = await startWebTestClient();
    await down.stop();
    const res = await handleEventPost(
      down.client,
      "brief.approved",
      new Request("http://web.test/api/events/brief.approved", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(fixtures.briefApproved.valid[0]) }),
    );
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: string }).error).toMatch(/not sent.*Dev Server/s);
  });
});
