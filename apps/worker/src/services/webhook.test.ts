import { beforeEach, describe, expect, it, vi } from "vitest";
import { outside } from "../testing/current-services.ts";
import { createWebhook } from "./webhook.ts";

const targets = { hosts: [], allowPrivate: false };

/** Step tools as Inngest runs them: run executes the body here; fetch is Inngest's (recorded). */
function steps() {
  return {
    run: vi.fn((_id: string, fn: () => Promise<unknown>) => fn()),
    fetch: vi.fn((url: string, init: RequestInit) => fetch(url, init)),
    sleep: vi.fn(() => Promise.resolve()),
  };
}

describe("team webhook transport (real HTTP to a local server)", () => {
  beforeEach(() => outside().reset());

  it("by default posts from the worker inside step.run: nothing goes through step.fetch, so no trace holds the URL or token", async () => {
    const webhook = createWebhook({ url: `${outside().url}/webhook`, token: "tok-team-0123456789", timeoutMs: 5_000, targets });
    const step = steps();
    await webhook.notify(step, "notify-team", "Brief brief_01 is waiting");
    expect(step.fetch).not.toHaveBeenCalled();
    expect(step.run.mock.calls.map(([id]) => id)).toEqual(["notify-team"]);
    const [received] = outside().received("/webhook");
    expect(received?.body).toEqual({ text: "Brief brief_01 is waiting" });
    expect(received?.headers.authorization).toBe("Bearer tok-team-0123456789");
  });

  it("with WEBHOOK_VIA_INNGEST and no token, uses step.fetch (Inngest makes and records the call)", async () => {
    const webhook = createWebhook({ url: `${outside().url}/webhook`, viaInngest: true, timeoutMs: 5_000, targets });
    const step = steps();
    await webhook.notify(step, "notify-team", "hello");
    expect(step.run).not.toHaveBeenCalled();
    const [[, init]] = step.fetch.mock.calls as unknown as [[string, RequestInit]];
    expect(init.headers).not.toHaveProperty("authorization");
  });

  it("never puts a token in a step.fetch request, even if asked to use step.fetch", async () => {
    const webhook = createWebhook({ url: `${outside().url}/webhook`, token: "tok-team-0123456789", viaInngest: true, timeoutMs: 5_000, targets });
    const step = steps();
    await webhook.notify(step, "notify-team", "hello");
    expect(step.fetch).not.toHaveBeenCalled();
    expect(step.run).toHaveBeenCalledTimes(1);
  });

  it("post() sends from the worker with the bearer token (callers wrap it in step.run)", async () => {
    const webhook = createWebhook({ url: `${outside().url}/webhook`, token: "tok-team-0123456789", timeoutMs: 5_000, targets });
    await webhook.post("hello");
    expect(outside().received("/webhook").map((r) => [r.headers.authorization, r.body])).toEqual([["Bearer tok-team-0123456789", { text: "hello" }]]);
  });
});
