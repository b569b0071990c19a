import { fixtures } from "@studio/events/fixtures";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRevealer } from "../crypto/create-revealer.ts";
import { createInngestApi } from "../inngest-api/create-inngest-api.ts";
import { inngestApiConfig } from "../inngest-api/inngest-api-config.ts";
import { startFakeInngestApi, type FakeInngestApi } from "../testing/fake-inngest-api.ts";
import { startWebTestClient } from "../testing/web-test-client.ts";
import { TEST_ENCRYPTION_KEY } from "@studio/middleware/testing";
import { briefSubmitted, createWithDedupe } from "@studio/events";
import { automationFailures, outgoingEvents, projectedEvents } from "../db/schema/index.ts";
import { type OpenDatabase } from "../db/open-database.ts";
import { openTestDatabase } from "../testing/test-database.ts";
import { loadItemActivity } from "./load-item-activity.ts";
import { loadRecentActivity } from "./load-recent-activity.ts";

const reveal = createRevealer({});
const submitted = fixtures.briefSubmitted.valid[0];
const other = fixtures.briefSubmitted.valid[1];
const approved = fixtures.briefApproved.valid[0];

const HOUR = 3_600_000;
// Received `hoursAgo` before now (the API looks back one hour unless asked for more).
const ago = (hoursAgo: number, plusSeconds = 0) => new Date(Date.now() - hoursAgo * HOUR + plusSeconds * 1000).toISOString();
const event = (internal_id: string, name: string, data: object, id?: string, received_at = ago(0.1, Number(internal_id.slice(-1)))) => ({
  internal_id,
  name,
  data: data as Record<string, unknown>,
  received_at,
  ...(id ? { id } : {}),
});

let db: OpenDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

/** What the projections record: the item's event ids, projected a moment after Inngest got them. */
async function projected(kind: string, itemId: string, ...events: Array<{ id?: string; name: string; received_at: string }>) {
  await db.db
    .insert(projectedEvents)
    .values(events.map((e) => ({ eventId: e.id!, name: e.name, itemKind: kind, itemId, eventAt: new Date(e.received_at), projectedAt: new Date(Date.parse(e.received_at) + 500) })))
    .onConflictDoNothing();
}

let fake: FakeInngestApi | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

describe("loadItemActivity", () => {
  it("gathers a brief's events, their runs with function names and results, and marks a repeated event id", async () => {
    const events = [
      event("E1", "studio/brief.submitted", submitted, "studio/brief.submitted@1:brief_01"),
      event("E2", "studio/brief.submitted", submitted, "studio/brief.submitted@1:brief_01"),
      event("E3", "studio/brief.submitted", other, "studio/brief.submitted@1:brief_02"),
      event("E4", "studio/brief.approved", approved, "studio/brief.approved@1:brief_01"),
      event("E5", "studio/automation.failed", { app: "studio-worker", functionId: "x", runId: "R9", trigger: { name: "studio/brief.approved", id: "studio/brief.approved@1:brief_01" }, error: { name: "Error", message: "boom" }, compensated: false }, "failure-R9"),
    ] as const;
    await projected("brief", "brief_01", events[0], events[3]);
    await projected("brief", "brief_02", events[2]);
    await projected("failure", "R9", events[4]);
    await db.db.insert(automationFailures).values({
      eventId: "failure-R9", app: "studio-worker", functionId: "x", runId: "R9", triggerName: "studio/brief.approved", triggerId: "studio/brief.approved@1:brief_01",
      errorName: "Error", errorMessage: "boom", compensated: false, failedAt: new Date(events[4].received_at),
    });
    fake = await startFakeInngestApi({
      events: [...events],
      runsByEvent: { E1: [{ run_id: "R1", function_id: "uuid-intake", status: "Completed", run_started_at: "2026-11-25T10:00:01Z" }] },
      functionsByApp: { "studio-worker": [{ internal_id: "uuid-intake", id: "studio-worker-intake-brief", name: "Intake brief" }] },
      traceOutputs: {
        R1: { data: JSON.stringify({ projectId: "project_9" }), error: null },
        "R1/invoke": { data: JSON.stringify({ summary: "s" }), error: null },
      },
    });
    const api = createInngestApi(inngestApiConfig({ INNGEST_DEV: fake.url }));
    const activity = await loadItemActivity(db.db, api, reveal, "brief", "brief_01");

    expect(activity.map((e) => [e.internalId, e.name])).toEqual([
      ["E1", "studio/brief.submitted"],
      ["E2", "studio/brief.submitted"],
      ["E4", "studio/brief.approved"],
      ["E5", "studio/automation.failed"],
    ]);
    expect(activity[1]?.repeatOf).toBe("E1");
    expect(activity[0]?.runs).toEqual([
      {
        runId: "R1",
        functionSlug: "studio-worker-intake-brief",
        functionName: "Intake brief",
        status: "Completed",
        startedAt: "2026-11-25T10:00:01Z",
        output: { data: { projectId: "project_9" }, invoked: [{ step: "analyse-brief", data: { summary: "s" } }] },
        outputSealed: false,
      },
    ]);
    // Every v1 read carries a changing parameter, because the Dev Server caches those routes.
    const reads = fake.requests.filter((r) => r.url.startsWith("/v1/"));
    expect(reads.every((r) => /[?&]_=/.test(r.url))).toBe(true);
    expect(new Set(reads.map((r) => r.url)).size).toBe(reads.length);
  });

  it("takes a still-open run's status from the run itself (the per-event list can say Completed too early)", async () => {
    const e1 = event("E1", "studio/brief.submitted", submitted, "studio/brief.submitted@1:brief_03");
    await projected("brief", "brief_03", e1);
    fake = await startFakeInngestApi({
      events: [e1],
      runsByEvent: { E1: [{ run_id: "R1", function_id: "f", status: "Completed", ended_at: null }] },
      runRecords: { R1: { run_id: "R1", function_id: "f", status: "Running", ended_at: null } },
    });
    const api = createInngestApi(inngestApiConfig({ INNGEST_DEV: fake.url }));
    const activity = await loadItemActivity(db.db, api, reveal, "brief", "brief_03");
    expect(activity[0]?.runs[0]).toMatchObject({ status: "Running" });
    expect(activity[0]?.runs[0]?.output?.data).toBeUndefined();
  });

  it("reads Inngest Cloud with the signing key and takes the result from the run record", async () => {
    const e1 = event("E1", "studio/invoice.issued", fixtures.invoiceIssued.valid[0], "studio/invoice.issued@1:invoice_2027_001");
    // Sent by the console itself: known from its outgoing record before any projection ran.
    await db.db.insert(outgoingEvents).values({ eventId: e1.id!, name: e1.name, itemKind: "invoice", itemId: "invoice_2027_001", payload: {}, status: "sent", recordedAt: new Date(e1.received_at), sentAt: new Date(e1.received_at) });
    fake = await startFakeInngestApi({
      events: [e1],
      runsByEvent: { E1: [{ run_id: "R1", function_id: "f", status: "Completed", output: { reminded: 2 } }] },
    });
    const api = createInngestApi(
      inngestApiConfig({ INNGEST_BASE_URL: fake.url, INNGEST_SIGNING_KEY: "signkey-prod-abc", INNGEST_ENV: "preview-1" }),
    );
    const activity = await loadItemActivity(db.db, api, reveal, "invoice", "invoice_2027_001");
    expect(activity[0]?.runs[0]).toMatchObject({ functionName: "unknown function", output: { data: { reminded: 2 } } });
    expect(fake.requests.every((r) => r.headers.authorization === "Bearer signkey-prod-abc" && r.headers["x-inngest-env"] === "preview-1")).toBe(true);
    expect(fake.requests.some((r) => r.url.startsWith("/v0/gql"))).toBe(false);
  });

  it("opens data.encrypted with the app's key, and shows it sealed when no key opens it", async () => {
    const web = await startWebTestClient();
    await web.client.send(createWithDedupe(briefSubmitted, submitted));
    await web.stop();
    const onWire = web.sink.events[0]!;
    expect(JSON.stringify(onWire.data)).toContain("__ENCRYPTED__");
    const e1 = event("E1", onWire.name, onWire.data!, `${onWire.id}-sealed`);
    await projected("brief", "brief_04", e1);
    fake = await startFakeInngestApi({ events: [e1] });
    const api = createInngestApi(inngestApiConfig({ INNGEST_DEV: fake.url }));

    const opened = await loadItemActivity(db.db, api, createRevealer({ STUDIO_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY }), "brief", "brief_04");
    expect(opened[0]).toMatchObject({ data: submitted, dataSealed: false });
    const sealed = await loadItemActivity(db.db, api, createRevealer({}), "brief", "brief_04");
    expect(sealed[0]).toMatchObject({ dataSealed: true, data: { title: submitted.title } });
  });

  it("finds an item's events however old, past more events of the same name than one page holds", async () => {
    // Three days old, with 120 submissions of other briefs received in the same minutes.
    const mine = event("E0000", "studio/brief.submitted", submitted, "studio/brief.submitted@1:brief_05", ago(72));
    const others = Array.from({ length: 120 }, (_, i) =>
      event(`E${String(i + 1).padStart(4, "0")}`, "studio/brief.submitted", other, `studio/brief.submitted@1:other_${i}`, ago(72, 1 + i / 10)),
    );
    const recentOnes = Array.from({ length: 60 }, (_, i) => event(`F${String(i).padStart(4, "0")}`, "studio/brief.submitted", other, `recent_${i}`, ago(0.2, i)));
    await projected("brief", "brief_05", mine);
    fake = await startFakeInngestApi({ events: [mine, ...others, ...recentOnes], runsByEvent: { E0000: [{ run_id: "R5", function_id: "f", status: "Completed" }] } });
    const api = createInngestApi(inngestApiConfig({ INNGEST_DEV: fake.url }));

    const activity = await loadItemActivity(db.db, api, reveal, "brief", "brief_05");
    expect(activity.map((e) => [e.internalId, e.runs.map((r) => r.runId)])).toEqual([["E0000", ["R5"]]]);
    // Read by time window and cursor: three pages of that minute, nothing of the newer events.
    const lists = fake.requests.filter((r) => r.url.startsWith("/v1/events?")).map((r) => new URL(r.url, "http://x").searchParams);
    expect(lists).toHaveLength(3);
    expect(lists.every((q) => q.get("received_after") && q.get("received_before") && q.get("name") === "studio/brief.submitted")).toBe(true);
    expect(lists.map((q) => q.get("cursor"))).toEqual([null, "E0071", "E0021"]);
  });

  it("explains an unreachable API", async () => {
    const api = createInngestApi(inngestApiConfig({ INNGEST_DEV: "http://127.0.0.1:9" }));
    await expect(loadItemActivity(db.db, api, reveal, "brief", "brief_01")).rejects.toThrow(/Could not reach the Inngest API at http:\/\/127\.0\.0\.1:9 .*Dev Server running/);
  });
});

describe("loadRecentActivity", () => {
  it("lists only contract events, newest first, without reading outputs", async () => {
    fake = await startFakeInngestApi({
      events: [
        event("E1", "studio/brief.submitted", submitted, "a"),
        event("E2", "inngest/function.finished", {}),
        event("E3", "studio/brief.approved", approved, "b"),
      ],
      runsByEvent: { E3: [{ run_id: "R3", function_id: "f", status: "Completed" }] },
      traceOutputs: { R3: { data: "{}", error: null } },
    });
    const api = createInngestApi(inngestApiConfig({ INNGEST_DEV: fake.url }));
    const recent = await loadRecentActivity(api, reveal);
    expect(recent.map((e) => e.internalId)).toEqual(["E3", "E1"]);
    expect(recent[0]?.runs[0]?.output).toBeUndefined();
  });
});
