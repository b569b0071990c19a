#!/usr/bin/env node
// The Inngest Dev Server, provided and started the same way for `pnpm dev`, tests and CI.
//   studio-dev-server provision   provide the binary (npm inngest-cli, else a Go build; cached) and print its path
//   studio-dev-server dev         provide it, run it on 127.0.0.1:8288 for the three local apps, print where to look
//   studio-dev-server env-probe <file>   write which network settings a child started by the tooling sees (network-env.test.ts)
import { writeFileSync } from "node:fs";
import { APPS, DEFAULT_PORTS, devServerApi, INNGEST_VERSION, missingUiReason, provisionInngestBinary, startDevServer } from "../src/index.ts";
import { NETWORK_ENV } from "../src/env.ts";
import { runWatched } from "../src/provision/run-watched.ts";

const command = process.argv[2] ?? "dev";

if (command === "provision" || command === "ensure") {
  await provision();
} else if (command === "dev") {
  await dev();
} else if (command === "env-probe") {
  const script = `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(NETWORK_ENV)}.map((k) => [k, process.env[k] ?? null]))))`;
  const { stdout } = await runWatched({ step: "probe the environment", cmd: process.execPath, args: ["-e", script], env: {}, timeoutMs: 120_000, attempts: 1 });
  // To a file, not our stdout: turbo's log capture is not part of what is being checked.
  writeFileSync(process.argv[3] ?? "/dev/stdout", stdout);
} else {
  console.error(`Unknown command "${command}". Use: studio-dev-server provision | dev | env-probe`);
  process.exit(2);
}

async function provision(): Promise<string> {
  const started = Date.now();
  try {
    const result = await provisionInngestBinary();
    if (command !== "dev") console.log(result.path);
    process.stderr.write(
      `[provision] inngest v${INNGEST_VERSION}: ${result.path} (${result.how}${result.ui ? "" : ", WITHOUT its web UI"}; ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
    );
    return result.path;
  } catch (error) {
    process.stderr.write(`\n[provision] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

async function dev() {
  const bin = await provision();
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
  const uiProblem = missingUiReason(bin);
  console.log(
    [
      "",
      "  Studio+233 is running:",
      `    Operator UI (web)    ${urls.web}`,
      `    Sign in              ${urls.web}/sign-in as admin@studio.local, password studio-admin-local (a local admin the web app`,
      "                         seeds on this machine only; STUDIO_DEV_ADMIN_EMAIL / _PASSWORD in apps/web/.env.local change it)",
      `    Inngest Dev Server   ${server.url}   (API: ${server.url}/v1, GraphQL: ${server.url}/v0/gql)`,
      ...(uiProblem ? [`    (its web UI could not be built, so its pages are blank: ${uiProblem.split("\n")[0]}; the next \`./pnpm dev\` tries again)`] : []),
      `    worker app           ${urls.worker}/api/inngest`,
      `    ai app               ${urls.ai}/api/inngest`,
      `    ${fns.length} functions registered: ${fns.map((f) => f.slug).sort().join(", ")}`,
      "  Ctrl-C stops everything.",
      "",
    ].join("\n"),
  );
  await new Promise(() => {}); // run until a signal arrives
}
