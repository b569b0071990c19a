import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deploymentEnvFor } from "./deployment-env.ts";
import { inngestStartArgs } from "./inngest-start-args.ts";

const doc = readFileSync(path.resolve(import.meta.dirname, "../../../docs/deploy/self-hosting.md"), "utf8");

/** The flags of the `inngest start` command in the doc's sh block, in order. */
function documentedFlags(): string[] {
  const block = /```sh\n(inngest start[\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error("docs/deploy/self-hosting.md has no ```sh block starting with `inngest start`");
  return [...block.matchAll(/(^|\s)(--[a-z-]+)/g)].map((m) => m[2]!);
}

describe("docs/deploy/self-hosting.md", () => {
  it("shows the engine's command line with the flags the self-hosted suite runs it with, in order", () => {
    const args = inngestStartArgs({
      port: 1,
      signingKey: "ab",
      eventKeys: ["k"],
      sdkUrls: ["http://worker/api/inngest", "http://ai/api/inngest"],
      postgresUrl: "postgres://x",
      redisUrl: "redis://x",
      connectPorts: [2, 3, 4],
    });
    expect(args[0]).toBe("start");
    expect(documentedFlags()).toEqual(args.filter((a) => a.startsWith("--")));
  });

  it("lists exactly the variables the suite gives every app", () => {
    const section = doc.split("## The apps' settings")[1]?.split("\n## ")[0] ?? "";
    const listed = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    const env = deploymentEnvFor("http://127.0.0.1:1", { signingKey: "ab", eventKey: "k", encryptionKey: "e" });
    expect(listed.sort()).toEqual(Object.keys(env).sort());
  });
});
