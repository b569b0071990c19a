import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { appDatabase } from "../../db/app-database.ts";
import { type Database } from "../../db/open-database.ts";
import { apiToken } from "../../db/schema/api-token.ts";
import { signedIn, type TestUser } from "../../testing/signed-in.ts";
import { createApiToken, TOKEN_PREFIX } from "./create-api-token.ts";
import { listApiTokens } from "./list-api-tokens.ts";
import { revokeApiToken } from "./revoke-api-token.ts";
import { tokenHash } from "./token-hash.ts";
import { verifyApiToken } from "./verify-api-token.ts";
import { useTestDatabaseAsAppDatabase } from "../../testing/app-test-database.ts";

let admin: TestUser;
let db: Database;
beforeAll(async () => {
  useTestDatabaseAsAppDatabase();
  db = await appDatabase();
  admin = await signedIn("admin", "Token Admin");
}, 120_000); // opens the embedded database (migrations) and hashes a password, on a busy machine

const bearer = (token: string) => new Headers({ authorization: `Bearer ${token}` });

describe("API tokens", () => {
  it("are random, shown once and stored only as their SHA-256", async () => {
    const a = await createApiToken(db, { name: "payment provider", scopes: ["events:invoice.paid"], createdBy: admin.id });
    const b = await createApiToken(db, { name: "payment provider", scopes: ["events:invoice.paid"], createdBy: admin.id });
    expect(a.token).toMatch(new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`));
    expect(a.token).not.toBe(b.token);
    const [row] = await db.select().from(apiToken).where(eq(apiToken.id, a.id));
    expect(row?.tokenHash).toBe(tokenHash(a.token));
    expect(JSON.stringify(row)).not.toContain(a.token.slice(TOKEN_PREFIX.length));
    const listed = (await listApiTokens(db)).find((t) => t.id === a.id);
    expect(listed).toMatchObject({ name: "payment provider", scopes: ["events:invoice.paid"], start: a.token.slice(0, TOKEN_PREFIX.length + 4), revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(row!.tokenHash);
  });

  it("allow exactly their scopes: 403 naming what the token may do otherwise", async () => {
    const { token } = await createApiToken(db, { name: "bank feed", scopes: ["events:invoice.paid"], createdBy: admin.id });
    expect(await verifyApiToken(db, bearer(token), "events:invoice.paid")).toMatchObject({ ok: true, token: { name: "bank feed" } });
    const other = await verifyApiToken(db, bearer(token), "events:brief.approved");
    expect(other).toEqual({ ok: false, status: 403, error: expect.stringMatching(/bank feed.*events:brief\.approved.*allowed: events:invoice\.paid/) as unknown });
  });

  it("answer 401 when missing, malformed or unknown", async () => {
    expect(await verifyApiToken(db, new Headers(), "events:invoice.paid")).toMatchObject({ ok: false, status: 401, error: expect.stringMatching(/Authorization: Bearer/) as unknown });
    expect(await verifyApiToken(db, new Headers({ authorization: "Basic abc" }), "events:invoice.paid")).toMatchObject({ ok: false, status: 401 });
    expect(await verifyApiToken(db, bearer(`${TOKEN_PREFIX}guessed`), "events:invoice.paid")).toMatchObject({ ok: false, status: 401 });
  });

  it("stop working the moment they are revoked, and note when they were last used", async () => {
    const created = await createApiToken(db, { name: "old integration", scopes: ["events:invoice.paid"], createdBy: admin.id });
    expect((await verifyApiToken(db, bearer(created.token), "events:invoice.paid")).ok).toBe(true);
    expect((await listApiTokens(db)).find((t) => t.id === created.id)?.lastUsedAt).toBeInstanceOf(Date);
    expect(await revokeApiToken(db, created.id, admin.id)).toBe(true);
    expect(await revokeApiToken(db, created.id, admin.id)).toBe(false); // already revoked
    expect(await verifyApiToken(db, bearer(created.token), "events:invoice.paid")).toMatchObject({ ok: false, status: 401, error: expect.stringMatching(/revoked/) as unknown });
    expect((await listApiTokens(db)).find((t) => t.id === created.id)?.revokedAt).toBeInstanceOf(Date);
  });

  it("refuse a token without a name, without scopes or with a scope that does not exist", async () => {
    await expect(createApiToken(db, { name: " ", scopes: ["events:invoice.paid"], createdBy: admin.id })).rejects.toThrow(/name/);
    await expect(createApiToken(db, { name: "x", scopes: [], createdBy: admin.id })).rejects.toThrow(/at least one scope/);
    await expect(createApiToken(db, { name: "x", scopes: ["events:project.created", "admin"], createdBy: admin.id })).rejects.toThrow(/Unknown scopes: events:project\.created, admin/);
  });
});
