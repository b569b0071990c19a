import { mkdtemp, appendFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { outboxFile } from "./outbox-file.ts";
import { createOutboxRoute } from "./outbox-route.ts";
import { readOutbox } from "./read-outbox.ts";
import { summariseOutboxMessage } from "./outbox-summary.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "outbox-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const post = (body: string) => new Request("http://web.test/api/outbox/x", { method: "POST", body, headers: { "content-type": "application/json" } });

describe("local outbox", () => {
  it("keeps webhook and email messages, newest first, with channel and receivedAt", async () => {
    const webhook = createOutboxRoute("webhook", dir);
    const email = createOutboxRoute("email", dir);
    const r1 = await webhook(post(JSON.stringify({ text: "New brief: Spring campaign" })));
    const r2 = await email(post(JSON.stringify({ to: "ada@example.com", subject: "Kick-off", text: "Tomorrow at 10" })));
    expect(r1.status).toBe(201);
    expect(r2.status).toBe(201);
    const { messages, unreadableLines } = await readOutbox(dir);
    expect(unreadableLines).toBe(0);
    expect(messages.map((m) => m.channel)).toEqual(["email", "webhook"]);
    expect(messages[1]).toMatchObject({ channel: "webhook", body: { text: "New brief: Spring campaign" } });
    expect(Date.parse(messages[0]!.receivedAt)).not.toBeNaN();
    expect(summariseOutboxMessage(messages[0]!)).toEqual({ to: "ada@example.com", subject: "Kick-off", text: "Tomorrow at 10" });
  });

  it("keeps any JSON body, even one with no known fields", async () => {
    const res = await createOutboxRoute("webhook", dir)(post(JSON.stringify([1, { blocks: [] }])));
    expect(res.status).toBe(201);
    const { messages } = await readOutbox(dir);
    expect(messages[0]?.body).toEqual([1, { blocks: [] }]);
    expect(summariseOutboxMessage(messages[0]!)).toEqual({});
  });

  it("refuses a body that is not JSON with 400 and stores nothing", async () => {
    const res = await createOutboxRoute("email", dir)(post("to=ada"));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/must be JSON/);
    expect((await readOutbox(dir)).messages).toEqual([]);
  });

  it("refuses JSON sent as another content type with 415, and a body over 1 MB with 413, storing nothing", async () => {
    const asText = new Request("http://web.test/api/outbox/x", { method: "POST", body: JSON.stringify({ text: "hi" }), headers: { "content-type": "text/plain" } });
    expect((await createOutboxRoute("webhook", dir)(asText)).status).toBe(415);
    const oversize = await createOutboxRoute("webhook", dir)(post(JSON.stringify({ text: "x".repeat(1_000_001) })));
    expect(oversize.status).toBe(413);
    expect((await readOutbox(dir)).messages).toEqual([]);
  });

  it("reports a damaged line instead of failing the whole outbox", async () => {
    await createOutboxRoute("webhook", dir)(post(JSON.stringify({ text: "ok" })));
    await appendFile(outboxFile(dir), '{"id":"cut-sh', "utf8");
    const { messages, unreadableLines } = await readOutbox(dir);
    expect(messages).toHaveLength(1);
    expect(unreadableLines).toBe(1);
  });

  it("answers 500 naming the folder when it cannot store the message", async () => {
    const file = path.join(dir, "not-a-folder");
    await appendFile(file, "x");
    const res = await createOutboxRoute("webhook", file)(post(JSON.stringify({ text: "lost?" })));
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: string }).error).toContain(`cannot store messages in ${file}`);
  });

  it("treats a missing outbox file as empty", async () => {
    expect(await readOutbox(path.join(dir, "nope"))).toEqual({ messages: [], unreadableLines: 0 });
  });
});
