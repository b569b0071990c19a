import { beforeEach, describe, expect, it } from "vitest";
import { outside } from "../testing/current-services.ts";
import { importWithEnv } from "../testing/import-with-env.ts";
import { runFunction } from "../testing/run-function.ts";
import { weeklyDigest } from "./weekly-digest.ts";

describe("weekly-digest", () => {
  beforeEach(() => outside().reset());

  it("fans out one digest.requested per client, with dedupe ids for the week", async () => {
    const { result, error } = await runFunction(weeklyDigest, { events: [{ name: "inngest/scheduled.timer", data: {} }] });
    expect(error).toBeUndefined();
    const { weekStarting } = result as { weekStarting: string };
    expect(new Date(`${weekStarting}T12:00:00Z`).getUTCDay()).toBe(1); // a Monday
    expect(result).toEqual({ requested: 2, weekStarting });
    expect(outside().events()).toEqual([
      expect.objectContaining({
        name: "studio/digest.requested",
        id: `studio/digest.requested@1:client_acme:${weekStarting}`,
        data: { clientId: "client_acme", weekStarting },
      }),
      expect.objectContaining({
        name: "studio/digest.requested",
        id: `studio/digest.requested@1:client_globex:${weekStarting}`,
        data: { clientId: "client_globex", weekStarting },
      }),
    ]);
  });

  it("requests nothing when no clients are configured", async () => {
    const { weeklyDigest: withoutClients } = await importWithEnv({ DIGEST_CLIENTS: "" }, () => import("./weekly-digest.ts"));
    const { result, error } = await runFunction(withoutClients, { events: [{ name: "inngest/scheduled.timer", data: {} }] });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ requested: 0 });
    expect(outside().events()).toEqual([]);
  });

});
