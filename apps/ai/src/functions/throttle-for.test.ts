import { describe, expect, it } from "vitest";
import { throttleFor } from "./throttle-for.ts";

// What the throttle does to runs is proven on the Dev Server (ai-app.e2e.test.ts); this is the
// option it builds from AI_THROTTLE.
describe("throttleFor", () => {
  it("counts each provider in its own bucket, the key a CEL string literal", () => {
    expect(throttleFor({ limit: 20, period: "1m" }, "openai")).toEqual({ throttle: { limit: 20, period: "1m", key: '"openai"' } });
    expect(throttleFor({ limit: 1, period: "1s" }, 'we"ird')).toEqual({ throttle: { limit: 1, period: "1s", key: '"we\\"ird"' } });
  });

  it('sets no throttle for AI_THROTTLE=off', () => {
    expect(throttleFor(undefined, "openai")).toEqual({});
  });
});
