import { randomUUID } from "node:crypto";
import { assetUploadedFixtures } from "@studio/events/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endedRun, runResult, startWorkerStack, type WorkerStack } from "../e2e/stack.ts";

// process-asset against the real Dev Server (retries 1s apart, as the test server runs it), with a
// local HTTP server as the rendition service whose answers each test scripts.
describe("process-asset end to end", () => {
  let w: WorkerStack;
  beforeAll(async () => {
    w = await startWorkerStack();
  });
  afterAll(async () => {
    await w?.stop();
  });

  const upload = async (assetId: string) => {
    const data = { ...assetUploadedFixtures.valid[0], assetId, projectId: `project_${assetId}` };
    const [eventId] = await w.stack.api.send({ name: "studio/asset.uploaded", data });
    return eventId!;
  };
  const renditionCalls = (assetId: string, size?: string) =>
    w.services
      .received("/rendition")
      .filter((r) => (r.body as { assetId: string; size: string }).assetId === assetId)
      .filter((r) => !size || (r.body as { size: string }).size === size);

  it("retries a rendition that fails twice, then completes", async () => {
    const assetId = `asset_${randomUUID()}`;
    w.services.script("/rendition", [{ status: 503, body: "busy" }, { status: 500, body: "oops" }], (r) => {
      const body = r.body as { assetId: string; size: string };
      return body.assetId === assetId && body.size === "web";
    });
    const eventId = await upload(assetId);
    const run = await endedRun(w.stack, eventId);
    expect(run.status).toBe("COMPLETED");
    // The failing size was asked three times (two retries); the others once each.
    expect(renditionCalls(assetId, "web")).toHaveLength(3);
    expect(renditionCalls(assetId, "thumb")).toHaveLength(1);
    expect(renditionCalls(assetId, "print")).toHaveLength(1);
    const result = await runResult<{ outcome: string; renditions: { size: string }[] }>(w.stack, run.runId);
    expect(result.outcome).toBe("processed");
    expect(result.renditions.map((r) => r.size)).toEqual(["thumb", "web", "print"]);
    // The service was called with its key.
    expect(renditionCalls(assetId)[0]?.headers.authorization).toBe("Bearer test-rendition-key");
  });

  it("a permanent failure (4xx) runs the failure handler, which emits automation.failed", async () => {
    const assetId = `asset_${randomUUID()}`;
    w.services.script("/rendition", [{ status: 422, body: { error: "unsupported colour profile" } }], (r) => {
      const body = r.body as { assetId: string; size: string };
      return body.assetId === assetId && body.size === "print";
    });
    const eventId = await upload(assetId);
    const run = await endedRun(w.stack, eventId);
    expect(run.status).toBe("FAILED");
    // No retry for a 4xx.
    expect(renditionCalls(assetId, "print")).toHaveLength(1);

    const [failed] = await w.stack.api.waitForEvents("studio/automation.failed", (e) => e.data.runId === run.runId);
    expect(failed!.data).toMatchObject({
      app: "studio-worker",
      functionId: "process-asset",
      trigger: { name: "studio/asset.uploaded" },
      compensated: false,
    });
    expect((failed!.data.error as { message: string }).message).toContain("rendition rejected the request with HTTP 422");
    await w.services.waitFor("the team alert", () =>
      w.services.received("/webhook").find((r) => (r.body as { text: string }).text.includes(`process-asset failed for asset ${assetId}`)),
    );
  });
});
