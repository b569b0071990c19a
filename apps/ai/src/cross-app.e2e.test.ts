import { randomUUID } from "node:crypto";
import { analyseBriefReturnSchema, projectCreated } from "@studio/events";
import { briefSubmittedFixtures } from "@studio/events/fixtures";
import { eventually, startStack, type Stack } from "@studio/dev-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recorded } from "./providers/fixtures/index.ts";
import { endedRun, endedRunById } from "./testing/e2e-runs.ts";
import { startModelTestServer, type ModelTestServer } from "./testing/model-test-server.ts";
import { startRequestSink, type RequestSink } from "./testing/request-sink.ts";

// The cross-app contract for real: the worker's intake-brief invokes `analyse-brief` in this app
// through the contract's referenceFunction; the Dev Server routes the invoke, runs the model call
// (step.ai.infer) against the local OpenAI-compatible test server, and hands the typed result back.
let models: ModelTestServer;
let sink: RequestSink;
let stack: Stack;

beforeAll(async () => {
  models = await startModelTestServer();
  sink = await startRequestSink();
  stack = await startStack({
    apps: ["worker", "ai"],
    env: {
      worker: {
        LOG_LEVEL: "warn",
        WEBHOOK_URL: `${sink.url}/webhook`,
        EMAIL_API_URL: `${sink.url}/email`,
        APPROVAL_REMINDER_AFTER: "30s",
        APPROVAL_TIMEOUT: "60s",
      },
      ai: { LOG_LEVEL: "warn", AI_PROVIDER: "openai-compatible", AI_BASE_URL: models.baseUrl, AI_MODEL: "studio-primary" },
    },
  });
});

afterAll(async () => {
  await stack?.stop();
  await sink?.stop();
  await models?.stop();
});

describe("worker → ai across apps", () => {
  it("intake-brief invokes analyse-brief and uses its typed result", async () => {
    const started = new Date(Date.now() - 1000);
    const briefId = `brief_${randomUUID()}`;
    const description = `Three key visuals and a short loop for social (${briefId}).`;
    const [submittedId] = await stack.api.send({
      name: "studio/brief.submitted",
      data: { ...briefSubmittedFixtures.valid[0], briefId, encrypted: { ...briefSubmittedFixtures.valid[0].encrypted, description } },
    });

    // The worker formats the AI result into its team message: the recorded model answer's numbers.
    const expected = JSON.parse(recorded.openai.briefAnalysis.body.choices[0]!.message.content) as { summary: string; estimate: { hours: number } };
    const message = await eventually(`the team message for ${briefId}`, () =>
      Promise.resolve(sink.received.map((r) => (r.body as { text?: string }).text ?? "").find((t) => t.includes(`New brief ${briefId}`))),
    );
    expect(message).toContain(`AI estimate ~${expected.estimate.hours}h, 2 deliverables, 2 risks`);

    // The model call was made once, by the Dev Server (user agent "Inngest"), with the brief's text.
    const calls = models.chatRequests().filter((r) => JSON.stringify(r.body).includes(briefId));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ path: "/v1/chat/completions", model: "studio-primary", task: "brief" });
    expect(calls[0]!.headers["user-agent"]).toBe("Inngest");

    // The invoked run in the AI app returned the contract's type, with the model that answered.
    const [analyseRunId] = await eventually("the analyse-brief run in the AI app", async () => {
      const ids = await stack.api.runIdsOf("studio-ai-analyse-brief", started);
      return ids.length > 0 && ids;
    });
    const analyse = await endedRunById(stack, analyseRunId!);
    expect(analyse.status).toBe("COMPLETED");
    expect(analyseBriefReturnSchema.parse(analyse.result)).toMatchObject({
      briefId,
      revision: 0,
      analysis: { summary: expected.summary },
      model: { provider: "openai-compatible", name: "gpt-4o-mini-2024-07-18", offline: false },
      usage: { inputTokens: 412, outputTokens: 96 },
    });

    await stack.api.send({ name: "studio/brief.approved", data: { briefId, approvedBy: "op_e2e" } });
    const run = await endedRun(stack, submittedId!);
    expect(run.status).toBe("COMPLETED");
    expect(run.result).toMatchObject({ outcome: "approved", briefId });

    const [project] = await stack.api.waitForEvents(projectCreated.name, (e) => e.data["briefId"] === briefId);
    // The analysis reached the project's run, but not this plaintext event: no summary in it.
    expect(project?.data).not.toHaveProperty("summary");
    expect(JSON.stringify(project?.data)).not.toContain(expected.summary);
  });
});
