import { describe, expect, it } from "vitest";
import { runFunction } from "../testing/run-function.ts";
import { ping } from "./ping.ts";

describe("ping", () => {
  it("answers with the worker's app id and the ping id", async () => {
    const { result, error } = await runFunction(ping, { events: [{ name: "studio/diagnostics.pinged", data: { pingId: "p1" } }] });
    expect(error).toBeUndefined();
    expect(result).toEqual({ app: "studio-worker", pingId: "p1" });
  });
});
