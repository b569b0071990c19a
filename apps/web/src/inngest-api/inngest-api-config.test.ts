import { describe, expect, it } from "vitest";
import { inngestApiConfig } from "./inngest-api-config.ts";

describe("inngestApiConfig", () => {
  it("reads the local Dev Server without auth", () => {
    expect(inngestApiConfig({ INNGEST_DEV: "1" })).toEqual({ baseUrl: "http://localhost:8288", isDev: true });
    expect(inngestApiConfig({ INNGEST_DEV: "http://127.0.0.1:9999/" })).toEqual({ baseUrl: "http://127.0.0.1:9999", isDev: true });
  });

  it("reads Inngest Cloud with the signing key, and refuses to without one", () => {
    expect(inngestApiConfig({ INNGEST_SIGNING_KEY: "signkey-prod-1", INNGEST_ENV: "branch-a" })).toEqual({
      baseUrl: "https://api.inngest.com",
      isDev: false,
      signingKey: "signkey-prod-1",
      inngestEnv: "branch-a",
    });
    expect(() => inngestApiConfig({})).toThrow(/INNGEST_SIGNING_KEY is not set/);
  });
});
