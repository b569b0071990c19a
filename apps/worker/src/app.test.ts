import { assetUploadedFixtures } from "@studio/events/fixtures";
import { runThroughServeHandler, signatureHeader } from "@studio/middleware/testing";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { app as devApp } from "./app.ts";
import { functionIds } from "./functions/function-ids.ts";
import { outside } from "./testing/current-services.ts";
import { importWithEnv } from "./testing/import-with-env.ts";

const SIGNING_KEY = "signkey-test-7a6f0e3cbb1d4c2f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f";
const SERVE_URL = "http://127.0.0.1:3001/api/inngest";
/**
 * Every function slug the worker must register: each workflow and ping, plus its onFailure handler
 * (send-invoice-reminder has none: its failure fails the chase-invoice that invoked it).
 */
const withoutHandler: string[] = [functionIds.sendInvoiceReminder];
const workflows = Object.values(functionIds).filter((id) => !withoutHandler.includes(id));
const expectedSlugs = [
  ...withoutHandler.map((id) => `studio-worker-${id}`),
  ...workflows.map((id) => `studio-worker-${id}`),
  ...workflows.map((id) => `studio-worker-${id}-failure`),
].sort();

describe("serve endpoint, dev mode", () => {
  beforeEach(() => outside().reset());

  it("GET /health reports the app", async () => {
    const res = await devApp.request("/health");
    expect(await res.json()).toEqual({ status: "ok", app: "studio-worker", mode: "dev", functions: Object.keys(functionIds).length });
  });

  it("GET /api/inngest introspects: every function counted", async () => {
    const res = await devApp.request("/api/inngest");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ mode: "dev", function_count: expectedSlugs.length });
  });

  it("PUT /api/inngest registers every function with Inngest", async () => {
    const res = await devApp.request(new Request(SERVE_URL, { method: "PUT" }));
    expect(res.status).toBe(200);
    const [registration] = outside().received("/fn/register");
    const { functions } = registration?.body as { functions: { id: string }[] };
    expect(functions.map((f) => f.id).sort()).toEqual(expectedSlugs);
  });

  it("serves the labelled local rendition stand-in when RENDITION_URL is unset", async () => {
    const { app: standInApp } = await importWithEnv({ RENDITION_URL: "" }, () => import("./app.ts"));
    expect((await devApp.request("/local/rendition", { method: "POST", body: "{}" })).status).toBe(404); // RENDITION_URL set: not mounted
    const res = await standInApp.request("/local/rendition", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ assetId: "a1", sourceUrl: "https://x.example/a.png", size: "thumb" }),
    });
    const answer = (await res.json()) as { url: string; width: number; standIn: string };
    expect(answer).toMatchObject({ width: 320, standIn: expect.stringContaining("stand-in") as unknown });
    const note = await standInApp.request(new URL(answer.url).pathname);
    expect(await note.text()).toContain("Local rendition stand-in for asset a1 (thumb): no image was made");
    const bad = await standInApp.request("/local/rendition", { method: "POST", body: "{}" });
    expect(bad.status).toBe(400);
  });
});

describe("serve endpoint, cloud mode", () => {
  let cloudApp: typeof devApp;
  beforeAll(async () => {
    ({ app: cloudApp } = await importWithEnv(
      { INNGEST_DEV: "0", INNGEST_SIGNING_KEY: SIGNING_KEY, INNGEST_BASE_URL: outside().url, INNGEST_EVENT_KEY: "test-event-key", EVENT_TARGET_ALLOW_PRIVATE: "" },
      () => import("./app.ts"),
    ));
  });
  beforeEach(() => outside().reset());

  const execute = (signingKey?: string) =>
    runThroughServeHandler({
      handler: async (request) => cloudApp.fetch(request),
      functionSlug: "studio-worker-process-asset",
      event: { name: "studio/asset.uploaded", data: assetUploadedFixtures.valid[0], id: "evt-upload" },
      url: SERVE_URL,
      ...(signingKey ? { signingKey } : {}),
    });

  it("does not serve the local rendition stand-in", async () => {
    expect((await cloudApp.request("/local/rendition", { method: "POST", body: "{}" })).status).toBe(404);
  });

  it("an unsigned GET gets 401 and no function details", async () => {
    const res = await cloudApp.request("/api/inngest");
    expect(res.status).toBe(401);
  });

  it("a signed in-band sync lists every function", async () => {
    const body = { url: SERVE_URL };
    const res = await cloudApp.request(
      new Request(SERVE_URL, {
        method: "PUT",
        headers: { "content-type": "application/json", "x-inngest-sync-kind": "in_band", "x-inngest-signature": signatureHeader(JSON.stringify(body), SIGNING_KEY) },
        body: JSON.stringify(body),
      }),
    );
    expect(res.status).toBe(200);
    const sync = (await res.json()) as { app_id: string; functions: { id: string }[] };
    expect(sync.app_id).toBe("studio-worker");
    expect(sync.functions.map((f) => f.id).sort()).toEqual(expectedSlugs);
  });

  it("an unsigned PUT (a sync anyone could trigger) gets 401 and registers nothing", async () => {
    const res = await cloudApp.request(new Request(SERVE_URL, { method: "PUT" }));
    expect(res.status).toBe(401);
    expect(outside().received("/fn/register")).toEqual([]);
  });

  it("a signed out-of-band sync (what `inngest start --sdk-url` sends) registers every function", async () => {
    const body = JSON.stringify({ url: SERVE_URL });
    const res = await cloudApp.request(
      new Request(SERVE_URL, { method: "PUT", headers: { "content-type": "application/json", "x-inngest-signature": signatureHeader(body, SIGNING_KEY) }, body }),
    );
    expect(res.status).toBe(200);
    const [registration] = outside().received("/fn/register");
    expect((registration?.body as { functions: { id: string }[] }).functions.map((f) => f.id).sort()).toEqual(expectedSlugs);
  });

  it.each(["POST", "PUT"])("a %s whose body is not JSON gets 400 (not the SDK's 500), and nothing runs or registers", async (method) => {
    const res = await cloudApp.request(new Request(SERVE_URL, { method, headers: { "content-type": "application/json" }, body: '{"event": ' }));
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('{"event": ');
    expect(outside().received("/fn/register")).toEqual([]);
    expect(outside().received("/rendition")).toEqual([]);
  });

  it("an unsigned POST is rejected with 401 and nothing runs", async () => {
    await expect(execute()).rejects.toThrow(/unexpected HTTP 401/);
    expect(outside().received("/rendition")).toEqual([]);
  });

  it("a POST signed with the wrong key is rejected with 401 and nothing runs", async () => {
    await expect(execute("signkey-test-0000000000000000000000000000000000000000000000000000000000000000")).rejects.toThrow(/unexpected HTTP 401/);
    expect(outside().received("/rendition")).toEqual([]);
  });

  it("a correctly signed POST runs the function", async () => {
    const run = await execute(SIGNING_KEY);
    expect(run.status).toBe("Completed");
    expect(outside().received("/rendition").length).toBeGreaterThanOrEqual(3);
  });
});
