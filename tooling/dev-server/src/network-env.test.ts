import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { NETWORK_ENV, toolingEnv } from "./env.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "network-env-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A value for each network setting that is plausible for its kind and unique to this test. */
function markers(): Record<string, string> {
  const ca = path.join(scratch, "corporate-ca.pem");
  copyFileSync("/etc/ssl/certs/ca-certificates.crt", ca); // a real bundle, so Node loads it without a warning
  return Object.fromEntries(
    NETWORK_ENV.map((name) => {
      if (name === "NODE_EXTRA_CA_CERTS" || /^(npm_config_cafile|NPM_CONFIG_CAFILE|SSL_CERT_FILE)$/.test(name)) return [name, ca];
      if (name === "SSL_CERT_DIR") return [name, scratch];
      if (/strict_ssl/i.test(name)) return [name, "true"];
      if (/proxy/i.test(name) && !/no_?proxy/i.test(name)) return [name, `http://127.0.0.1:9/${name}`];
      return [name, `marker-${name}`];
    }),
  );
}

describe("the network settings", () => {
  // What broke the fresh-machine build: turbo's strict env mode dropped NODE_EXTRA_CA_CERTS, and
  // pnpm behind the TLS-inspecting proxy then hung. This runs a real turbo task whose command
  // starts a child the way provisioning does, and reads what that child saw.
  // pnpm, which runs the task's script, folds npm_config_x and NPM_CONFIG_X into one setting, so
  // each spelling gets a run of its own (as a user sets one of them).
  it.each([
    ["npm_config_*", /^NPM_CONFIG_/],
    ["NPM_CONFIG_*", /^npm_config_/],
  ])("reach a child that the tooling starts inside a turbo task (%s spelling)", async (_, leaveOut) => {
    const values = Object.fromEntries(Object.entries(markers()).filter(([name]) => !leaveOut.test(name)));
    const turbo = path.join(toolingEnv.repoRoot, "node_modules/.bin/turbo");
    const out = path.join(scratch, `seen-${Date.now()}.json`);
    await promisify(execFile)(
      turbo,
      ["run", "env-probe", "--filter=@studio/dev-server", "--output-logs=errors-only", "--ui=stream", "--", out],
      {
        cwd: toolingEnv.repoRoot,
        env: { PATH: toolingEnv.path, HOME: scratch, TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1", DO_NOT_TRACK: "1", ...values },
        timeout: 150_000,
      },
    );
    const seen = JSON.parse(readFileSync(out, "utf8")) as Record<string, string | null>;
    expect(Object.fromEntries(Object.keys(values).map((name) => [name, seen[name]]))).toEqual(values);
  }, 180_000);
});
