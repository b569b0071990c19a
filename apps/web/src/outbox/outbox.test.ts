import { createSealer, DEV_ONLY_ENCRYPTION_KEY } from "@studio/middleware";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRevealer } from "../crypto/create-revealer.ts";
import { outboxMessages } from "../db/schema/index.ts";
import { type OpenDatabase } from "../db/open-database.ts";
import { openTestDatabase } from "../testing/test-database.ts";
import { createOutboxRoute } from "./outbox-route.ts";
import { readOutbox } from "./read-outbox.ts";
import { summariseOutboxMessage } from "./outbox-summary.ts";

const seal = createSealer([DEV_ONLY_ENCRYPTION_KEY]);
const reveal = createRevealer({});
let open: OpenDatabase;
beforeAll(async () => {
  open = await openTestDatabase();
});
afterAll(() => open.close());
beforeEach(async () => {
  await open.db.delete(outboxMessages);
});

const deps = () => ({ db: () => Promise.resolve(open.db), seal });
const post = (body: string) => new Request("http://web.test/api/outbox/x", { method: "POST", body, headers: { "content-type": "application/json" } });

describe("local outbox", () => {
  it("keeps webhook and email messages, newest first, with channel and receivedAt, sealed in the database", async () => {
    const r1 = await createOutboxRoute("webhook", deps())(post(JSON.stringify({ text: "New brief: Spring campaign" })));
    const r2 = await createOutboxRoute("email", deps())(post(JSON.stringify({ to: "ada@example.com", subject: "Kick-off", text: "Tomorrow at 10" })));
    expect(r1.status).toBe(201);
    expect(r2.status).toBe(201);
    const { messages, unreadable } = await readOutbox(open.db, reveal);
    expect(unreadable).toBe(0);
    expect(messages.map((m) => m.channel)).toEqual(["email", "webhook"]);
    expect(messages[1]).toMatchObject({ channel: "webhook", body: { text: "New brief: Spring campaign" } });
    expect(Date.parse(messages[0]!.receivedAt)).not.toBeNaN();
    expect(summariseOutboxMessage(messages[0]!)).toEqual({ to: "ada@example.com", subject: "Kick-off", text: "Tomorrow at 10" });
    expect(JSON.stringify(await open.db.select().from(outboxMessages))).not.toContain("ada@example.com");
  });

  it("keeps any JSON body, even one with no known fields", async () => {
    const res = await createOutboxRoute("webhook", deps())(post(JSON.stringify([1, { blocks: [] }])));
    expect(res.status).toBe(201);
    const { messages } = await readOutbox(open.db, reveal);
    expect(messages[0]?.body).toEqual([1, { blocks: [] }]);
    expect(summariseOutboxMessage(messages[0]!)).toEqual({});
  });

  it("refuses a body that is not JSON with 400 and stores nothing", async () => {
    const res = await createOutboxRoute("email", deps())(post("to=ada"));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/must be JSON/);
    expect((await readOutbox(open.db, reveal)).messages).toEqual([]);
  });

  it("refuses JSON sent as another content type with 415, and a body over 1 MB with 413, storing nothing", async () => {
    const asText = new Request("http://web.test/api/outbox/x", { method: "POST", body: JSON.stringify({ text: "hi" }), headers: { "content-type": "text/plain" } });
    expect((await createOutboxRoute("webhook", deps())(asText)).status).toBe(415);
    const oversize = await createOutboxRoute("webhook", deps())(post(JSON.stringify({ text: "x".repeat(1_000_001) })));
    expect(oversize.status).toBe(413);
    expect((await readOutbox(open.db, reveal)).messages).toEqual([]);
  });

  it("counts a message sealed with a key it no longer has instead of failing the whole outbox", async () => {
    await createOutboxRoute("webhook", deps())(post(JSON.stringify({ text: "ok" })));
    const otherKey = createSealer([Buffer.alloc(32, 7).toString("base64")]);
    await open.db.insert(outboxMessages).values({ channel: "email", body: await otherKey({ text: "old" }) });
    const { messages, unreadable } = await readOutbox(open.db, reveal);
    expect(messages).toHaveLength(1);
    expect(unreadable).toBe(1);
  });

  it("answers 500 naming the database when it cannot store the message", async () => {
    const res = await createOutboxRoute("webhook", { db: () => Promise.reject(new Error("connection refused")), seal })(post(JSON.stringify({ text: "lost?" })));
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: string }).error).toContain("cannot store the message in the console's database (connection refused)");
  });
});
