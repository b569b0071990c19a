import { assetUploadedFixtures } from "@studio/events/fixtures";
import { beforeEach, describe, expect, it } from "vitest";
import { outside } from "../testing/current-services.ts";
import { runFunction, expectError } from "../testing/run-function.ts";
import { processAsset } from "./process-asset.ts";

const asset = assetUploadedFixtures.valid[0];
const trigger = { name: "studio/asset.uploaded", data: asset };
const run = (data = asset) => runFunction(processAsset, { events: [{ name: trigger.name, data }] });
const calls = (size?: string) =>
  outside()
    .received("/rendition")
    .filter((r) => !size || (r.body as { size: string }).size === size);

describe("process-asset", () => {
  beforeEach(() => outside().reset());

  it("renders every size in parallel and emits asset.processed", async () => {
    const { result, error, ctx } = await run();
    expect(error).toBeUndefined();
    expect(calls().map((r) => r.body)).toEqual(
      expect.arrayContaining(["thumb", "web", "print"].map((size) => ({ assetId: asset.assetId, sourceUrl: asset.sourceUrl, size }))),
    );
    // (@inngest/test may run a parallel step's body more than once; the e2e test counts real calls.)
    expect(calls()[0]?.headers.authorization).toBe("Bearer test-rendition-key");
    // One step per size, each with its own id, so each is retried on its own.
    for (const size of ["thumb", "web", "print"]) expect(ctx.step.run).toHaveBeenCalledWith(`render-${size}`, expect.any(Function));
    const renditions = ["thumb", "web", "print"].map((size) => ({
      size,
      url: `${outside().url}/files/${asset.assetId}/${size}.png`,
      width: { thumb: 320, web: 1600, print: 4000 }[size],
    }));
    expect(result).toEqual({ outcome: "processed", assetId: asset.assetId, renditions });
    expect(outside().events()).toEqual([
      expect.objectContaining({
        name: "studio/asset.processed",
        id: `studio/asset.processed@1:${asset.assetId}`,
        data: { assetId: asset.assetId, projectId: asset.projectId, renditions },
      }),
    ]);
    const states = outside().published().map((p) => p.data["state"] ?? p.data["outcome"]);
    expect(states).toEqual(["started", "done", "completed"]);
  });

  it("skips files that are not images, without calling the service", async () => {
    const { result, error } = await run({ ...asset, contentType: "application/pdf", fileName: "brief.pdf" });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ outcome: "skipped", reason: "application/pdf is not an image" });
    expect(calls()).toEqual([]);
    expect(outside().events()).toEqual([]);
  });

  it("a 4xx from the rendition service fails the run without retry", async () => {
    outside().always("/rendition", { status: 400, body: { error: "source is not reachable" } }, (r) => (r.body as { size: string }).size === "web");
    const { error } = await run();
    expectError(error, "NonRetriableError", "rendition rejected the request with HTTP 400");
    expect(outside().events()).toEqual([]);
  });

  it("a 429 with Retry-After (an HTTP date) becomes a RetryAfterError", async () => {
    const sentAt = Date.now();
    const at = new Date(sentAt + 90_000).toUTCString();
    outside().always("/rendition", { status: 429, headers: { "retry-after": at } }, (r) => (r.body as { size: string }).size === "print");
    const { error } = await run();
    expectError(error, "RetryAfterError", /rendition is rate limiting \(HTTP 429\); retrying after \d+s/);
    // The wait is counted from when the answer was read, so it shrinks by however long the run took
    // to get there (seconds on a loaded machine); never longer than the date says.
    const seconds = Number(/after (\d+)s/.exec(String((error as { message?: unknown }).message))?.[1]);
    const elapsed = Math.ceil((Date.now() - sentAt) / 1000);
    expect(seconds).toBeLessThanOrEqual(90);
    expect(seconds).toBeGreaterThanOrEqual(89 - elapsed);
  });

  it("a 5xx is a normal error (Inngest retries that size)", async () => {
    outside().always("/rendition", { status: 503, body: "overloaded" }, (r) => (r.body as { size: string }).size === "thumb");
    const { error } = await run();
    expect(error).toMatchObject({ name: "Error", message: "rendition failed with HTTP 503 (a 10-character text/plain answer, not quoted)" });
  });

  it("a 2xx without { url, width } is treated as a service glitch and retried", async () => {
    outside().always("/rendition", { status: 200, body: { ok: true } }, (r) => (r.body as { size: string }).size === "thumb");
    const { error } = await run();
    expectError(error, "Error", "rendition answered 2xx without a usable { url, width } for thumb");
  });
});
