import { digestRequestedFixtures } from "@studio/events/fixtures";
import { beforeEach, describe, expect, it } from "vitest";
import { outside } from "../testing/current-services.ts";
import { runFunction } from "../testing/run-function.ts";
import { sendDigest } from "./send-digest.ts";

const run = (data: unknown) => runFunction(sendDigest, { events: [{ name: "studio/digest.requested", data }] });

describe("send-digest", () => {
  beforeEach(() => outside().reset());

  it("emails the client's digest to the address in DIGEST_CLIENTS", async () => {
    const { result, error } = await run(digestRequestedFixtures.valid[0]);
    expect(error).toBeUndefined();
    expect(result).toEqual({ outcome: "sent", clientId: "client_acme", weekStarting: "2027-03-29" });
    expect(outside().received("/email").map((r) => r.body)).toEqual([
      expect.objectContaining({ to: "ops@acme.example", subject: "Your Studio+233 week, starting 2027-03-29" }),
    ]);
  });

  it("skips a client that is not in DIGEST_CLIENTS", async () => {
    const { result, error } = await run({ clientId: "client_unknown", weekStarting: "2027-03-29" });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ outcome: "skipped", clientId: "client_unknown" });
    expect(outside().received("/email")).toEqual([]);
  });

  it("an email 4xx fails at once; a 429 with Retry-After is retried later", async () => {
    outside().always("/email", { status: 422 });
    expect((await run(digestRequestedFixtures.valid[0])).error).toMatchObject({ name: "NonRetriableError" });
    outside().reset();
    outside().always("/email", { status: 429, headers: { "retry-after": "60" } });
    expect((await run(digestRequestedFixtures.valid[0])).error).toMatchObject({ name: "RetryAfterError" });
  });
});
