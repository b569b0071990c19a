import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { appDatabase } from "../db/app-database.ts";
import { type Database } from "../db/open-database.ts";
import { signedIn, type TestUser } from "../testing/signed-in.ts";
import { accessRules, type Access } from "./access-rules.ts";
import { createApiToken } from "./api-tokens/create-api-token.ts";
import { revokeApiToken } from "./api-tokens/revoke-api-token.ts";
import { withRequestHeaders } from "./request-headers.ts";
import { ROLES, type Role } from "./roles.ts";
import { useTestDatabaseAsAppDatabase } from "../testing/app-test-database.ts";

// Every page, server action and route handler is found from the files, so one added without a
// rule in access-rules.ts fails here; then each rule is checked on the real handler, called with
// the real session cookie of a user of each role (and with none).

const webRoot = path.resolve(import.meta.dirname, "../..");
const appDir = path.join(webRoot, "app");
const filesUnder = (dir: string, pattern: RegExp) => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => pattern.test(f));
const urlOf = (file: string) => `/${path.dirname(file).split(path.sep).filter((s) => s !== "." && !/^\(.*\)$/.test(s)).join("/")}`;

const pages = filesUnder(appDir, /(^|\/)page\.tsx?$/).map((file) => ({ file, path: urlOf(file) }));
const routes = filesUnder(appDir, /(^|\/)route\.tsx?$/).flatMap((file) =>
  exportedNames(readFileSync(path.join(appDir, file), "utf8"))
    .filter((name) => /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(name))
    .map((method) => ({ file, method, key: `${method} ${urlOf(file)}` })),
);
const actionsDir = path.join(webRoot, "src/actions");
const actions = filesUnder(actionsDir, /\.tsx?$/)
  .filter((file) => /^\s*["']use server["']/.test(readFileSync(path.join(actionsDir, file), "utf8")))
  .flatMap((file) => exportedNames(readFileSync(path.join(actionsDir, file), "utf8")).map((name) => ({ file, name })));

/** `export async function X`, `export const X =` and `export const { X, Y } =`. */
function exportedNames(source: string): string[] {
  const named = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+(\w+)/g)].map((m) => m[1]!);
  const destructured = [...source.matchAll(/export\s+const\s*\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(",").map((n) => n.trim().split(/\s*:\s*/).pop()!));
  return [...new Set([...named, ...destructured])].filter(Boolean);
}

describe("every page, action and route has an access rule", () => {
  it("pages: found from app/**/page.tsx, each in accessRules.pages (and no rule for a page that is gone)", () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.map((p) => p.path).sort()).toEqual(Object.keys(accessRules.pages).sort());
  });
  it("server actions: every export of a \"use server\" file in src/actions, each in accessRules.actions", () => {
    expect(actions.length).toBeGreaterThan(8);
    expect(actions.map((a) => a.name).sort()).toEqual(Object.keys(accessRules.actions).sort());
  });
  it("route handlers: every exported method of app/**/route.ts, each in accessRules.routes", () => {
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(accessRules.routes).sort());
  });
});

type Who = Role | "signed out";
const WHO: Who[] = ["signed out", ...ROLES];
let users: Record<Role, TestUser>;
let db: Database;
const headersOf = (who: Who) => (who === "signed out" ? new Headers() : new Headers(users[who].cookie));

beforeAll(async () => {
  useTestDatabaseAsAppDatabase();
  db = await appDatabase();
  users = { viewer: await signedIn("viewer"), operator: await signedIn("operator"), admin: await signedIn("admin") };
}, 120_000); // opens the embedded database (migrations) and signs three users in

/** How Next would answer what a page or action threw (its interrupts carry a digest). */
function outcome(error: unknown): string {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return digest.split(";")[1]!;
  if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return `redirect ${digest.split(";")[2]}`;
  return "allowed"; // anything else was thrown after the guard let the call through
}

/** What a user rule means for each caller; undefined for rules that are not about users. */
function expected(rule: Access, who: Who, signedOutAnswer: string): string {
  if (rule.who !== "user") return "allowed";
  if (who === "signed out") return signedOutAnswer;
  return ROLES.indexOf(who) >= ROLES.indexOf(rule.role) ? "allowed" : "403";
}

describe("each action's rule holds (signed out: 401, without the role: 403)", () => {
  for (const { file, name } of actions) {
    const rule = accessRules.actions[name as keyof typeof accessRules.actions] as Access;
    it.each(WHO)(`${name} (${file}), called %s`, async (who) => {
      const mod = (await import(path.join(actionsDir, file))) as Record<string, (...args: unknown[]) => Promise<unknown>>;
      // Empty input: an allowed call gets as far as refusing it, and nothing is sent.
      const args = name === "progressToken" ? ["not-a-subject"] : name === "retrySend" ? [new FormData()] : [{ status: "idle", fieldErrors: {}, values: {} }, new FormData()];
      // signOut ends the session it is called with: give it a session of its own.
      const headers = name === "signOut" && who !== "signed out" ? (await signedIn(who)).cookie : headersOf(who);
      const got = await withRequestHeaders(headers, () => mod[name]!(...args)).then(() => "allowed", outcome);
      expect(got.startsWith("redirect") ? "allowed" : got).toBe(expected(rule, who, "401"));
    });
  }
});

describe("each page's rule holds (signed out: redirect to sign-in, without the role: 403)", () => {
  for (const page of pages) {
    const rule = accessRules.pages[page.path as keyof typeof accessRules.pages] as Access;
    it.each(WHO)(`${page.path}, opened %s`, async (who) => {
      const mod = (await import(path.join(appDir, page.file))) as { default: (props: unknown) => Promise<unknown> };
      const params = Object.fromEntries([...page.path.matchAll(/\[(\w+)\]/g)].map((m) => [m[1]!, "item_1"]));
      const props = { params: Promise.resolve(params), searchParams: Promise.resolve({}) };
      const got = await withRequestHeaders(headersOf(who), () => mod.default(props)).then(() => "allowed", outcome);
      if (page.path === "/sign-in") expect(got).toBe(who === "signed out" ? "allowed" : "redirect /"); // signed in: straight on
      else if (who === "signed out") expect(got.split("?")[0]).toBe("redirect /sign-in");
      else expect(got).toBe(expected(rule, who, "redirect"));
    });
  }
});

describe("each route's rule holds", () => {
  let tokens: { invoicePaid: string; outbox: string; revoked: string };
  beforeAll(async () => {
    const mint = (scopes: string[]) => createApiToken(db, { name: `test ${scopes.join(" ")}`, scopes, createdBy: users.admin.id });
    const revoked = await mint(["events:invoice.paid", "outbox:webhook", "outbox:email"]);
    await revokeApiToken(db, revoked.id, users.admin.id);
    tokens = { invoicePaid: (await mint(["events:invoice.paid"])).token, outbox: (await mint(["outbox:webhook", "outbox:email"])).token, revoked: revoked.token };
  });

  const call = async (route: (typeof routes)[number], headers: Record<string, string>) => {
    const mod = (await import(path.join(appDir, route.file))) as Record<string, (request: Request, context: unknown) => Promise<Response>>;
    const url = `http://web.test${route.key.split(" ")[1]!.replace("[event]", "invoice.paid").replace("[...all]", "get-session")}`;
    const request = new Request(url, { method: route.method, headers: { "content-type": "application/json", ...headers }, ...(route.method === "GET" ? {} : { body: "{}" }) });
    const res = await mod[route.method]!(request, { params: Promise.resolve({ event: "invoice.paid", all: ["get-session"] }) });
    return res.status;
  };

  for (const route of routes) {
    const rule = accessRules.routes[route.key as keyof typeof accessRules.routes] as Access;
    if (rule.who === "token") {
      it(`${route.key}: 401 without a token, with only a session, or with a revoked token; 403 with a token of another scope; through with its scope`, async () => {
        const scoped = rule.scope.startsWith("events:") ? tokens.invoicePaid : tokens.outbox;
        const other = rule.scope.startsWith("events:") ? tokens.outbox : tokens.invoicePaid;
        expect(await call(route, {})).toBe(401);
        expect(await call(route, { cookie: users.admin.cookie.get("cookie")! })).toBe(401);
        expect(await call(route, { authorization: `Bearer ${tokens.revoked}` })).toBe(401);
        expect(await call(route, { authorization: "Bearer studio_not-a-token" })).toBe(401);
        expect(await call(route, { authorization: `Bearer ${other}` })).toBe(403);
        expect([401, 403]).not.toContain(await call(route, { authorization: `Bearer ${scoped}` }));
      });
    } else if (rule.who === "anyone") {
      it(`${route.key}: open (${rule.why})`, async () => {
        expect(await call(route, {})).not.toBe(403);
      });
    } else {
      // Only Inngest's signed requests: the SDK checks them, as packages/faults doors.faults.test.ts proves.
      it.skip(`${route.key}: ${rule.who}${"why" in rule ? ` — ${rule.why}` : ""}`, () => {});
    }
  }
});
