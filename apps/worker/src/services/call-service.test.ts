import { createServer } from "node:http";
import { type AddressInfo } from "node:net";
import { NonRetriableError } from "inngest";
import { beforeEach, describe, expect, it } from "vitest";
import { outside } from "../testing/current-services.ts";
import { callService } from "./call-service.ts";
import { createEmail } from "./email.ts";
import { createRendition } from "./rendition.ts";
import { jsonPost } from "./service-request.ts";

describe("callService (real HTTP to local servers)", () => {
  beforeEach(() => outside().reset());

  it("POSTs JSON with the bearer key and returns the parsed answer", async () => {
    const answer = await callService(jsonPost("email", `${outside().url}/email`, { to: "a@b.co" }, "k-123"), 5_000);
    expect(answer).toMatchObject({ id: expect.stringMatching(/^msg-/) as unknown });
    const [request] = outside().received("/email");
    expect(request?.headers).toMatchObject({ authorization: "Bearer k-123", "content-type": "application/json" });
    expect(request?.body).toEqual({ to: "a@b.co" });
  });

  it("returns text answers as text and empty answers as null", async () => {
    outside().script("/webhook", [{ status: 200, body: "ok" }, { status: 204 }]);
    expect(await callService(jsonPost("webhook", `${outside().url}/webhook`, {}), 5_000)).toBe("ok");
    expect(await callService(jsonPost("webhook", `${outside().url}/webhook`, {}), 5_000)).toBeNull();
  });

  it("throws the classified error for a failed answer", async () => {
    outside().script("/email", [{ status: 401, body: "bad key" }]);
    await expect(callService(jsonPost("email", `${outside().url}/email`, {}), 5_000)).rejects.toBeInstanceOf(NonRetriableError);
  });

  it("an unreachable service is a retriable error naming it", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const { port } = closed.address() as AddressInfo;
    await new Promise((r) => closed.close(r));
    const call = callService(jsonPost("rendition", `http://127.0.0.1:${port}/x`, {}), 5_000);
    await expect(call).rejects.toThrow(new RegExp(`^rendition is unreachable at http://127.0.0.1:${port} \\(.*\\); will retry$`));
    await expect(call).rejects.not.toBeInstanceOf(NonRetriableError);
  });

  it("a service slower than OUTSIDE_CALL_TIMEOUT counts as failed (retriable)", async () => {
    const silent = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const { port } = silent.address() as AddressInfo;
    try {
      await expect(callService(jsonPost("email", `http://127.0.0.1:${port}/`, {}), 200)).rejects.toThrow(/email is unreachable .*timeout|aborted/i);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

describe("service clients", () => {
  beforeEach(() => outside().reset());

  it("email.send posts { to, subject, text }", async () => {
    const email = createEmail({ url: `${outside().url}/email`, apiKey: "key", timeoutMs: 5_000 });
    expect(await email.send({ to: "a@b.co", subject: "s", text: "t" })).toEqual({ sentTo: "a@b.co", subject: "s" });
    expect(outside().received("/email")[0]?.body).toEqual({ to: "a@b.co", subject: "s", text: "t" });
  });

  it("rendition.render posts { assetId, sourceUrl, size } and returns the contract's rendition", async () => {
    const rendition = createRendition({ url: `${outside().url}/rendition`, timeoutMs: 5_000 });
    const result = await rendition.render({ assetId: "a1", sourceUrl: "https://x.example/a.png", size: "web" });
    expect(result).toEqual({ size: "web", url: `${outside().url}/files/a1/web.png`, width: 1600 });
    expect(outside().received("/rendition")[0]?.headers.authorization).toBeUndefined(); // no key configured, none sent
  });
});
