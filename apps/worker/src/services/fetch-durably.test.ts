import { NonRetriableError } from "inngest";
import { beforeEach, describe, expect, it } from "vitest";
import { outside } from "../testing/current-services.ts";
import { fetchDurably, type DurableFetchSteps } from "./fetch-durably.ts";
import { jsonPost } from "./service-request.ts";

/** Step stand-ins: fetch really sends (as Inngest's gateway would), sleeps are recorded. */
function steps() {
  const sleeps: [string, number][] = [];
  const tools: DurableFetchSteps = {
    fetch: (url, init) => fetch(url, init),
    sleep: (id, ms) => {
      sleeps.push([id, ms]);
      return Promise.resolve();
    },
  };
  return { tools, sleeps };
}
const request = () => jsonPost("webhook", `${outside().url}/webhook`, { text: "hi" });

describe("fetchDurably", () => {
  beforeEach(() => outside().reset());

  it("returns the answer of a successful request, with no sleep", async () => {
    const { tools, sleeps } = steps();
    expect(await fetchDurably(tools, request(), { label: "say-hi" })).toBe("ok");
    expect(sleeps).toEqual([]);
  });

  it("retries 5xx and 429 as new requests after durable sleeps (backoff, then Retry-After)", async () => {
    outside().script("/webhook", [{ status: 502 }, { status: 429, headers: { "retry-after": "7" } }]);
    const { tools, sleeps } = steps();
    expect(await fetchDurably(tools, request(), { label: "say-hi" })).toBe("ok");
    expect(sleeps).toEqual([
      ["say-hi-retry-1", 5_000],
      ["say-hi-retry-2", 7_000],
    ]);
    expect(outside().received("/webhook")).toHaveLength(3);
  });

  it("stops at once on a 4xx", async () => {
    outside().script("/webhook", [{ status: 404 }]);
    const { tools, sleeps } = steps();
    await expect(fetchDurably(tools, request(), { label: "say-hi" })).rejects.toBeInstanceOf(NonRetriableError);
    expect(sleeps).toEqual([]);
  });

  it("gives up non-retriably after the last attempt", async () => {
    outside().always("/webhook", { status: 500 });
    const { tools, sleeps } = steps();
    await expect(fetchDurably(tools, request(), { label: "say-hi", attempts: 2, backoffMs: () => 1_500 })).rejects.toThrow(
      "webhook still failing after 2 attempts: webhook failed with HTTP 500",
    );
    expect(sleeps).toEqual([["say-hi-retry-1", 1_500]]);
  });
});
