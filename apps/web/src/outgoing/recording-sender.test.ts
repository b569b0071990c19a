import { createServer } from "node:net";
import { eq } from "drizzle-orm";
import { appIds, briefSubmitted, briefUpdated, createWithDedupe } from "@studio/events";
import { fixtures } from "@studio/events/fixtures";
import { createSealer, createStudioClient } from "@studio/middleware";
import { testEnv, TEST_ENCRYPTION_KEY } from "@studio/middleware/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { nextBriefRevision } from "../activity/next-brief-revision.ts";
import { createRevealer } from "../crypto/create-revealer.ts";
import { outgoingEvents } from "../db/schema/index.ts";
import { type OpenDatabase } from "../db/open-database.ts";
import { findItem } from "../read-model/find-item.ts";
import { openTestDatabase } from "../testing/test-database.ts";
import { startWebTestClient, type WebTestClient } from "../testing/web-test-client.ts";
import { recordingSender } from "./recording-sender.ts";
import { retryOutgoingEvent } from "./retry-outgoing-event.ts";

const seal = createSealer([TEST_ENCRYPTION_KEY]);
const reveal = createRevealer({ STUDIO_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, STUDIO_ENCRYPTION_FALLBACK_KEYS: undefined });

/** A port nothing listens on: a client aimed there cannot reach Inngest. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let open: OpenDatabase;
let t: WebTestClient;
let unreachable: ReturnType<typeof createStudioClient>;
beforeAll(async () => {
  [open, t] = await Promise.all([openTestDatabase(), startWebTestClient()]);
  unreachable = createStudioClient({ id: appIds.web, env: testEnv({ INNGEST_DEV: `http://127.0.0.1:${await closedPort()}`, LOG_LEVEL: "silent" }) });
});
afterAll(async () => {
  await Promise.all([open.close(), t.stop()]);
});
beforeEach(() => {
  t.sink.events.length = 0;
});

const db = () => Promise.resolve(open.db);
const outgoing = async (eventId: string) => (await open.db.select().from(outgoingEvents).where(eq(outgoingEvents.eventId, eventId)))[0];

describe("recordingSender: writes lose nothing", () => {
  it("records the event (personal data sealed) and the item before sending, then marks it sent", async () => {
    const payload = createWithDedupe(briefSubmitted, { ...fixtures.briefSubmitted.valid[0], briefId: "rs-sent" });
    const result = await recordingSender({ db, inngest: t.client, seal }).send(payload);
    expect(result.notSent).toBeUndefined();
    expect((await t.received()).map((e) => [e.id, e.data])).toEqual([[payload.id, payload.data]]);
    const row = await outgoing(payload.id!);
    expect(row).toMatchObject({ status: "sent", attempts: 1, itemKind: "brief", itemId: "rs-sent", inngestIds: result.ids });
    expect(JSON.stringify(row?.payload)).not.toContain(payload.data.encrypted.contactEmail);
    expect((await findItem(open.db, "brief", "rs-sent"))?.title).toBe(payload.data.title);
  });

  it("keeps an event Inngest did not accept as failed, with the item shown, and a retry sends it once with the same id", async () => {
    const payload = createWithDedupe(briefSubmitted, { ...fixtures.briefSubmitted.valid[0], briefId: "rs-retry" });
    const failed = await recordingSender({ db, inngest: unreachable, seal }).send(payload);
    expect(failed.notSent).toBeTruthy();
    expect(await outgoing(payload.id!)).toMatchObject({ status: "failed", attempts: 1 });
    expect((await findItem(open.db, "brief", "rs-retry"))?.status).toBe("submitted");

    expect(await retryOutgoingEvent(open.db, t.client, reveal, payload.id!)).toMatchObject({ ids: [payload.id] });
    expect(await retryOutgoingEvent(open.db, t.client, reveal, payload.id!)).toMatchObject({ ids: [payload.id] });
    // The double-click of the original form, after the retry went through: nothing more is sent.
    await recordingSender({ db, inngest: t.client, seal }).send(payload);
    const received = await t.received();
    expect(received.map((e) => [e.id, e.data])).toEqual([[payload.id, payload.data]]);
    expect(await outgoing(payload.id!)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  }, 60_000);

  it("never reuses a brief revision, even for an edit that could not be sent", async () => {
    const briefId = "rs-revisions";
    await recordingSender({ db, inngest: t.client, seal }).send(createWithDedupe(briefSubmitted, { ...fixtures.briefSubmitted.valid[0], briefId }));
    const edit = (revision: number) => createWithDedupe(briefUpdated, { briefId, revision, encrypted: { description: `revision ${revision}` } });
    expect(nextBriefRevision(await findItem(open.db, "brief", briefId))).toBe(1);
    await recordingSender({ db, inngest: t.client, seal }).send(edit(1));
    expect(nextBriefRevision(await findItem(open.db, "brief", briefId))).toBe(2);
    await recordingSender({ db, inngest: unreachable, seal }).send(edit(2));
    // Same number on every render until an edit is recorded; then one past it.
    expect(nextBriefRevision(await findItem(open.db, "brief", briefId))).toBe(3);
    expect(nextBriefRevision(await findItem(open.db, "brief", briefId))).toBe(3);
  }, 60_000);
});
