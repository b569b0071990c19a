#!/usr/bin/env node
// The Inngest Dev Server, provided and started the same way for `pnpm dev`, tests and CI.
//   studio-dev-server ensure   provide the binary (npm inngest-cli, else a Go build; cached) and print its path
//   studio-dev-server dev      run it on 127.0.0.1:8288 for the three local apps and print where to look
import path from "node:path";
import { APPS, DEFAULT_PORTS, devServerApi, ensureInngestBinary, INNGEST_VERSION, missingUiReason, startDevServer } from "../src/index.ts";

const command = process.argv[2] ?? "dev";

if (command === "ensure") {
  const started = Date.now();
  const bin = await ensureInngestBinary();
  console.log(bin);
  process.stderr.write(`[dev-server] inngest v${INNGEST_VERSION} available (${((Date.now() - started) / 1000).toFixed(1)}s)\n`);
} else if (command === "dev") {
  await dev();
} else {
  console.error(`Unknown command "${command}". Use: studio-dev-server ensure | dev`);
  process.exit(2);
}

async function dev() {
  const urls = {
    web: `http://127.0.0.1:${DEFAULT_PORTS.web}`,
    worker: `http://127.0.0.1:${DEFAULT_PORTS.worker}`,
    ai: `http://127.0.0.1:${DEFAULT_PORTS.ai}`,
  };
  const server = await startDevServer({
    port: DEFAULT_PORTS.devServer,
    apps: Object.values(urls).map((u) => `${u}/api/inngest`),
    poll: true, // the apps start alongside and restart on change: keep re-syncing them
    fast: false,
    onLog: (line) => {
      if (/"level":"(WARN|ERROR)"/.test(line)) console.log(line);
    },
    readyTimeoutMs: 60_000,
  });
  const shutdown = () => void server.stop().then(() => process.exit(0));
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);

  const api = devServerApi(server.url);
  console.log(`Inngest Dev Server v${INNGEST_VERSION} listening on ${server.url}; waiting for the apps to register ...`);
  const ids = Object.values(APPS).map((a) => a.appId);
  for (;;) {
    try {
      await api.waitForApps(ids, 10 * 60_000);
      break;
    } catch {
      console.log("still waiting for the apps to register (is one of them failing to start? see its log lines above)");
    }
  }
  const fns = await api.functions();
  const bin = await ensureInngestBinary();
  const uiProblem = missingUiReason(bin);
  console.log(
    [
      "",
      "  Studio+233 is running:",
      `    Operator UI (web)    ${urls.web}`,
      `    Inngest Dev Server   ${server.url}   (API: ${server.url}/v1, GraphQL: ${server.url}/v0/gql)`,
      ...(uiProblem
        ? [`    (its web UI could not be built, so its pages are blank: ${uiProblem.split("\n")[0]}; delete ${path.dirname(bin)} to rebuild)`]
        : []),
      `    worker app           ${urls.worker}/api/inngest`,
      `    ai app               ${urls.ai}/api/inngest`,
      `    ${fns.length} functions registered: ${fns.map((f) => f.slug).sort().join(", ")}`,
      "  Ctrl-C stops everything.",
      "",
    ].join("\n"),
  );
  await new Promise(() => {}); // run until a signal arrives
}
