import { defineConfig } from "vitest/config";
import { unitConfig } from "@studio/vitest-config";

// Unit tests run against a Dev-mode client with the offline model and no probing, so nothing on
// this machine (an Ollama, a key in the shell) changes what they see. Tests that need a provider
// build their own model plan. Failure alerts are addressed to a port nothing listens on: unit
// tests build reportFailure for a local channel of their own (createReportFailure).
export default defineConfig(
  unitConfig({
    test: {
      env: { INNGEST_DEV: "1", LOG_LEVEL: "silent", AI_PROVIDER: "offline", AI_LOCAL_PROBE_URLS: "none", OPENAI_API_KEY: "", ANTHROPIC_API_KEY: "", AI_BASE_URL: "", WEBHOOK_URL: "http://127.0.0.1:9/team-hook" },
    },
  }),
);
