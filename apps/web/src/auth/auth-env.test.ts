import { LOCAL_OUTBOX_TOKEN, parseEnv } from "@studio/middleware";
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { appDatabase } from "../db/app-database.ts";
import { type Database } from "../db/open-database.ts";
import { apiToken } from "../db/schema/api-token.ts";
import { authUser } from "../db/schema/auth-user.ts";
import { webEnvSchema } from "../env.ts";
import { appAuth } from "./auth.ts";
import { type StudioAuth } from "./create-studio-auth.ts";
import { DEV_AUTH_SECRET } from "./dev-auth-secret.ts";
import { verifyApiToken } from "./api-tokens/verify-api-token.ts";
import { seedDevAccess } from "./seed-dev-access.ts";
import { useTestDatabaseAsAppDatabase } from "../testing/app-test-database.ts";

let db: Database;
let auth: StudioAuth;
beforeAll(async () => {
  useTestDatabaseAsAppDatabase();
  [db, auth] = await Promise.all([appDatabase(), appAuth()]);
}, 120_000); // opens the embedded database (migrations) and hashes a password, on a busy machine

const SECRET = "k3Jv9Qm1x0bW7cZr2Lp8Ys5Tn4Ha6Ud3Fe0Gi9Oj1Kw=";
const problems = (env: Record<string, string>) => {
  try {
    parseEnv("web", webEnvSchema, env);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
};

describe("sign-in configuration", () => {
  it("a deployed console refuses to start without BETTER_AUTH_SECRET and BETTER_AUTH_URL, naming both", () => {
    const deployments: Array<Record<string, string>> = [{ NODE_ENV: "production" }, { VERCEL_ENV: "preview" }];
    for (const deployed of deployments) {
      const text = problems(deployed);
      expect(text).toMatch(/BETTER_AUTH_SECRET is not set \(a deployed console \((NODE_ENV=production|VERCEL_ENV=preview)\) signs sessions with it/);
      expect(text).toMatch(/BETTER_AUTH_URL is not set \(a deployed console/);
      expect(text).toContain("openssl rand -base64 32");
    }
    expect(problems({ NODE_ENV: "production", BETTER_AUTH_SECRET: DEV_AUTH_SECRET, BETTER_AUTH_URL: "https://studio.example.com" })).toMatch(/public dev-only value/);
    expect(problems({ NODE_ENV: "production", BETTER_AUTH_SECRET: "short", BETTER_AUTH_URL: "https://studio.example.com" })).toMatch(/BETTER_AUTH_SECRET is invalid: must be at least 32 characters/);
    expect(problems({ NODE_ENV: "production", BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: "https://studio.example.com" })).toBe("");
  });

  it("a developer machine needs none of it", () => {
    expect(problems({})).toBe("");
    expect(problems({ NODE_ENV: "development" })).toBe("");
  });

  it("an OAuth provider needs its client id and secret together", () => {
    expect(problems({ GITHUB_CLIENT_ID: "Iv1.abc" })).toMatch(/GITHUB_CLIENT_SECRET is not set \(GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET go together/);
    expect(problems({ GOOGLE_CLIENT_SECRET: "s" })).toMatch(/GOOGLE_CLIENT_ID is not set/);
    expect(problems({ GOOGLE_CLIENT_ID: "id.apps.googleusercontent.com", GOOGLE_CLIENT_SECRET: "s" })).toBe("");
  });

  it("seeds the local admin and the dev tokens once on a developer machine; nothing where deployed", async () => {
    const users = async () => (await db.select({ n: count() }).from(authUser))[0]!.n;
    const tokens = async () => (await db.select({ n: count() }).from(apiToken))[0]!.n;
    const before = { users: await users(), tokens: await tokens() };
    // env.ts gives no dev admin (and so no dev access at all) where the app is deployed.
    expect(await seedDevAccess(auth, db, { admin: undefined, apiToken: "dev-token-of-twenty-chars" })).toEqual({ admin: "skipped", tokens: [] });
    expect({ users: await users(), tokens: await tokens() }).toEqual(before);

    const local = { admin: { email: "seed-admin@studio.local", password: "seeded-password-1" }, apiToken: "studio_dev-token-for-scripts" };
    expect((await seedDevAccess(auth, db, local)).admin).toBe("seeded");
    expect((await seedDevAccess(auth, db, local)).admin).toBe("present");
    expect({ users: await users(), tokens: await tokens() }).toEqual({ users: before.users + 1, tokens: before.tokens + 2 });
    const { user } = await auth.api.signInEmail({ body: local.admin });
    expect(user).toMatchObject({ email: local.admin.email, role: "admin" });
    const bearer = (t: string) => new Headers({ authorization: `Bearer ${t}` });
    expect((await verifyApiToken(db, bearer(local.apiToken), "events:invoice.paid")).ok).toBe(true);
    expect((await verifyApiToken(db, bearer(LOCAL_OUTBOX_TOKEN), "outbox:webhook")).ok).toBe(true);
    expect(await verifyApiToken(db, bearer(LOCAL_OUTBOX_TOKEN), "events:invoice.paid")).toMatchObject({ ok: false, status: 403 });
  });
});
