import { randomUUID } from "node:crypto";
import { briefAnalysedV2, briefUpdated } from "@studio/events";
import { createStudioClient, decryptAll } from "@studio/middleware";
import { collectLogLines, testEnv, TEST_ENCRYPTION_KEY } from "@studio/middleware/testing";
import { eventually, startStack, type Stack } from "@studio/dev-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelTestServer, type ModelTestServer } from "../testing/model-test-server.ts";
import { startRequestSink, type RequestSink } from "../testing/request-sink.ts";

// What reaches Inngest of a model call, read back from a real Dev Server (its API, then every file
// it wrote): the client's brief text (the prompt), the model's answer and the provider key.
// `wrap` (the default in cloud mode) must leave none of them; `infer` (the explicit opt-in there)
// stores them, which is why it needs AI_INFER_PLAINTEXT. A failure alert goes to the team channel
// with its credentials (the webhook URL's secret path and WEBHOOK_TOKEN): those must never be
// stored either, whatever the transport, since the app posts the alert itself.
const ANSWER = "three key visuals and a short looping animation"; // in the recorded model answer

let models: ModelTestServer;
let team: RequestSink;
beforeAll(async () => {
  models = await startModelTestServer();
  team = await startRequestSink();
});
afterAll(async () => {
  await models?.stop();
  await team?.stop();
});

/** The AI app with `transport`, one re-analysis of a brief whose text is unique, and everything stored. */
async function analyseOnce(transport: "wrap" | "infer") {
  const apiKey = `sk-planted-${randomUUID()}`;
  const secretText = `Client plan ${randomUUID()}: a launch at the Lisbon flagship store.`;
  const hookPath = `/webhook/T0${randomUUID().replaceAll("-", "")}`;
  const webhookToken = `team-token-${randomUUID()}`;
  let stack: Stack | undefined;
  try {
    stack = await startStack({
      apps: ["ai"],
      persist: true,
      env: {
        ai: {
          AI_PROVIDER: "openai-compatible",
          AI_BASE_URL: models.baseUrl,
          AI_MODEL: "studio-primary",
          AI_API_KEY: apiKey,
          AI_TRANSPORT: transport,
          REANALYSE_DEBOUNCE: "1s",
          WEBHOOK_URL: `${team.url}${hookPath}`,
          WEBHOOK_TOKEN: webhookToken,
          STUDIO_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
          LOG_LEVEL: "warn",
        },
      },
    });
    // Sent as the web app sends it: data.encrypted leaves the producer encrypted.
    const producer = createStudioClient({
      id: "e2e-producer",
      env: testEnv({ INNGEST_DEV: stack.devServer.url, LOG_LEVEL: "silent" }),
      logDestination: collectLogLines().destination,
    });
    const briefId = `brief_${randomUUID()}`;
    const since = new Date();
    const { ids } = await producer.send(briefUpdated.create({ briefId, revision: 1, encrypted: { title: "Launch", description: secretText } }));
    const [reanalyse] = await stack.api.waitForRuns(ids[0]!, { timeoutMs: 60_000 });
    expect(reanalyse?.status).toBe("COMPLETED");
    const [analyse] = await stack.api.runIdsOf("studio-ai-analyse-brief", new Date(since.getTime() - 1000));
    const [analysed] = await stack.api.waitForEvents(briefAnalysedV2.name, (e) => e.data["briefId"] === briefId);
    const viaApi = JSON.stringify([await stack.api.runRecord(reanalyse!.run_id), await stack.api.runRecord(analyse!), analysed]);
    // A tagging no model will do: tag-asset fails for good and its failure handler alerts the team.
    const assetId = `asset_${randomUUID()}`;
    models.script((req) => JSON.stringify(req.body).includes(assetId), [{ status: 400, headers: { "content-type": "application/json" }, body: { error: { message: "image refused" } } }]);
    const [processedId] = await stack.api.send({
      name: "studio/asset.processed",
      data: { assetId, projectId: "project_transport", renditions: [{ size: "web", url: `https://cdn.example.com/${assetId}/a.webp`, width: 1600 }] },
    });
    const [tagRun] = await stack.api.waitForRuns(processedId!, { timeoutMs: 60_000 });
    const alert = await eventually("the failure alert", () => Promise.resolve(team.received.find((r) => JSON.stringify(r.body).includes(assetId))), 60_000);
    const [failureRun] = await stack.api.runIdsOf("studio-ai-tag-asset-failure", since);
    await stack.api.waitForRun(failureRun!, { timeoutMs: 30_000 });
    const onDisk = await stack.devServer.stopAndReadStore();
    const call = models.chatRequests().find((r) => JSON.stringify(r.body).includes(secretText));
    return { apiKey, secretText, viaApi, onDisk, analysed: analysed!, call, alert, tagRun: tagRun!, hookPath, webhookToken };
  } finally {
    await stack?.stop();
  }
}

/** The failure alert went from the app with its token, and neither the token nor the webhook URL is stored. */
function expectAlertCredentialsNotStored({ onDisk, alert, tagRun, hookPath, webhookToken }: Awaited<ReturnType<typeof analyseOnce>>) {
  expect(tagRun.status).toBe("FAILED");
  expect(alert.path).toBe(hookPath);
  expect(alert.headers.authorization).toBe(`Bearer ${webhookToken}`);
  expect(alert.headers["user-agent"]).not.toBe("Inngest"); // the app made the call, not Inngest (a step.fetch)
  expect(onDisk).toContain("studio-ai-tag-asset-failure"); // the store holds the failure handler's run
  expect(onDisk).not.toContain(webhookToken);
  expect(onDisk).not.toContain(hookPath);
}

describe("the model call's prompt, answer and key in what Inngest stores", () => {
  it("wrap (the cloud default): none of them, neither through the API nor on disk; nor the failure alert's credentials", async () => {
    const result = await analyseOnce("wrap");
    const { apiKey, secretText, viaApi, onDisk, analysed, call } = result;
    expectAlertCredentialsNotStored(result);
    // The call really happened, from the app itself, with the key and the text.
    expect(call?.headers["user-agent"]).not.toBe("Inngest");
    expect(call?.headers.authorization).toBe(`Bearer ${apiKey}`);
    for (const stored of [viaApi, onDisk]) {
      expect(stored).not.toContain(secretText);
      expect(stored).not.toContain(ANSWER);
      expect(stored).not.toContain(apiKey);
    }
    // The analysis event carries the answer, encrypted (v2), and it is intact for the key holder.
    expect(analysed.data["encrypted"]).toMatchObject({ __ENCRYPTED__: true });
    expect(JSON.stringify(await decryptAll(analysed.data["encrypted"], [TEST_ENCRYPTION_KEY]))).toContain(ANSWER);
  });

  it("infer (an explicit opt-in in cloud mode): Inngest makes the call and stores text, answer and key in plaintext; the failure alert's credentials still not", async () => {
    const result = await analyseOnce("infer");
    const { apiKey, secretText, onDisk, call } = result;
    expectAlertCredentialsNotStored(result);
    expect(call?.headers["user-agent"]).toBe("Inngest");
    expect(onDisk).toContain(secretText);
    expect(onDisk).toContain(ANSWER);
    expect(onDisk).toContain(apiKey);
  });
});
