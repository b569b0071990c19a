import { randomUUID } from "node:crypto";
import { briefAnalysedV2, briefUpdated } from "@studio/events";
import { createStudioClient, decryptAll } from "@studio/middleware";
import { collectLogLines, testEnv, TEST_ENCRYPTION_KEY } from "@studio/middleware/testing";
import { startStack, type Stack } from "@studio/dev-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelTestServer, type ModelTestServer } from "../testing/model-test-server.ts";

// What reaches Inngest of a model call, read back from a real Dev Server (its API, then every file
// it wrote): the client's brief text (the prompt), the model's answer and the provider key.
// `wrap` (the default in cloud mode) must leave none of them; `infer` (the explicit opt-in there)
// stores them, which is why it needs AI_INFER_PLAINTEXT.
const ANSWER = "three key visuals and a short looping animation"; // in the recorded model answer

let models: ModelTestServer;
beforeAll(async () => {
  models = await startModelTestServer();
});
afterAll(() => models?.stop());

/** The AI app with `transport`, one re-analysis of a brief whose text is unique, and everything stored. */
async function analyseOnce(transport: "wrap" | "infer") {
  const apiKey = `sk-planted-${randomUUID()}`;
  const secretText = `Client plan ${randomUUID()}: a launch at the Lisbon flagship store.`;
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
    const onDisk = await stack.devServer.stopAndReadStore();
    const call = models.chatRequests().find((r) => JSON.stringify(r.body).includes(secretText));
    return { apiKey, secretText, viaApi, onDisk, analysed: analysed!, call };
  } finally {
    await stack?.stop();
  }
}

describe("the model call's prompt, answer and key in what Inngest stores", () => {
  it("wrap (the cloud default): none of them, neither through the API nor on disk", async () => {
    const { apiKey, secretText, viaApi, onDisk, analysed, call } = await analyseOnce("wrap");
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

  it("infer (an explicit opt-in in cloud mode): Inngest makes the call and stores text, answer and key in plaintext", async () => {
    const { apiKey, secretText, onDisk, call } = await analyseOnce("infer");
    expect(call?.headers["user-agent"]).toBe("Inngest");
    expect(onDisk).toContain(secretText);
    expect(onDisk).toContain(ANSWER);
    expect(onDisk).toContain(apiKey);
  });
});
