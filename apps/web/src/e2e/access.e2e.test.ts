import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { appIds, briefApproved, briefSubmitted, invoicePaid } from "@studio/events";
import { fixtures } from "@studio/events/fixtures";
import { createDecryptor, DEV_ONLY_ENCRYPTION_KEY } from "@studio/middleware";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessRules } from "../auth/access-rules.ts";
import { addUser, createToken, fillBriefForm, launchBrowser, openPage, screenshot, signIn } from "./browser.ts";
import { startEventApiSwitch, type EventApiSwitch } from "./start-event-api-switch.ts";
import { startStudio, warmUp, type Studio } from "./start-studio.ts";

/** A GitHub OAuth client (not a real one: nothing is sent to GitHub). */
const GITHUB = { clientId: `Iv1.e2e-${Date.now()}`, clientSecret: "e2e-github-client-secret-not-real" };

/**
 * Sign-in, roles and API tokens on the real console (next dev, its own database) with a real Dev
 * Server, driven in real Chromium: signed out nothing opens; an admin adds an operator and a
 * viewer; the operator submits and approves a brief under their own name; the viewer sees no form
 * and is refused by the actions; a machine marks an invoice paid with an API token. OAuth is on by
 * env for GitHub only. The app reaches the Dev Server through a local proxy whose event API can be
 * switched off, for the send that fails and is retried from the item's page.
 */
describe("sign-in, roles and API tokens", () => {
  let studio: Studio;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const run = randomBytes(3).toString("hex");
  const operator = { name: "Grace Hopper", email: `grace-${run}@studio.test`, password: `operator-pw-${run}-x`, role: "operator" as const };
  const viewer = { name: "Vera Viewer", email: `vera-${run}@studio.test`, password: `viewer-pw-${run}-xx`, role: "viewer" as const };

  let dataDir = "";
  let gate: EventApiSwitch;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "web-access-"));
    gate = await startEventApiSwitch();
    studio = await startStudio({
      apps: [],
      env: (urls) => {
        gate.target = urls.devServer;
        return {
          web: {
            INNGEST_DEV: gate.url,
            STUDIO_DATA_DIR: dataDir,
            STUDIO_NEXT_DIST_DIR: ".next/e2e-access",
            GITHUB_CLIENT_ID: GITHUB.clientId,
            GITHUB_CLIENT_SECRET: GITHUB.clientSecret,
            // Blank is "not set" (env.ts): Google stays off even if the machine's env has it.
            GOOGLE_CLIENT_ID: "",
            GOOGLE_CLIENT_SECRET: "",
          },
        };
      },
    });
    await warmUp(studio.web, ["/sign-in", "/admin", "/briefs/new", "/briefs/warm-up", "/invoices/warm-up"]);
    browser = await launchBrowser();
  }, 600_000); // a cold `next dev` compiles each page on first use: minutes on a busy 2-core machine
  afterAll(async () => {
    await browser?.close();
    await studio?.stop();
    await gate?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    return page;
  };
  const sample = (p: string) => p.replace(/\[(\w+)\]/g, "sample_1");

  it("signed out, every page redirects to sign-in and every route that is not the way in answers 401", async () => {
    for (const page of Object.keys(accessRules.pages).filter((p) => p !== "/sign-in")) {
      const res = await fetch(`${studio.web}${sample(page)}`, { redirect: "manual" });
      expect([307, 303, 302], `${page} answered ${res.status}`).toContain(res.status);
      expect(new URL(res.headers.get("location")!, studio.web).pathname, page).toBe("/sign-in");
    }
    const guarded = Object.entries(accessRules.routes).filter(([, rule]) => rule.who !== "anyone" && rule.who !== "inngest");
    expect(guarded.length).toBeGreaterThanOrEqual(3);
    for (const [key] of guarded) {
      const [method, path] = key.split(" ") as [string, string];
      const res = await fetch(`${studio.web}${path.replace("[event]", "invoice.paid")}`, { method, headers: { "content-type": "application/json" }, body: "{}" });
      expect(res.status, key).toBe(401);
    }
    const page = await newPage();
    await page.goto(`${studio.web}/briefs/new`);
    await page.waitForURL(/\/sign-in\?next=%2Fbriefs%2Fnew/);
    expect(await page.getByTestId("dev-admin-hint").innerText()).toContain("admin@studio.local");
    await screenshot(page, "access-1-sign-in");
  }, 600_000); // the first request to each page compiles it

  let admin: Page;
  let token = "";

  it("the seeded admin signs in, adds an operator and a viewer, and creates a token for invoice.paid", async () => {
    admin = await newPage();
    await signIn(admin, studio.web, undefined, "/admin");
    await addUser(admin, studio.web, operator);
    await addUser(admin, studio.web, viewer);
    token = await createToken(admin, studio.web, "payment provider", ["events:invoice.paid"]);
    expect(token).toMatch(/^studio_/);
    await admin.reload();
    const users = await admin.getByTestId("users").innerText();
    expect(users).toContain(operator.email);
    expect(users).toContain(viewer.email);
    expect(await admin.getByTestId("api-tokens").innerText()).toMatch(/payment provider[\s\S]*events:invoice\.paid/);
    expect(await admin.getByTestId("api-tokens").innerText()).not.toContain(token); // shown once, not listed
    await screenshot(admin, "access-2-admin");
  });

  let briefId = "";

  it("an operator submits a brief, approves it, and the page names them as the approver", async () => {
    const page = await newPage();
    await signIn(page, studio.web, operator, "/briefs/new");
    // An operator is offered every form: the four start cards (a viewer gets none, below).
    await page.goto(`${studio.web}/`, { waitUntil: "domcontentloaded" });
    expect(await page.locator('a[href$="/new"]').count()).toBe(4);
    await openPage(page, `${studio.web}/briefs/new`);
    briefId = await page.locator('input[name="briefId"]').inputValue();
    await fillBriefForm(page, {
      title: "Signed-in brief",
      clientId: "client_acme",
      dueDate: "2027-03-31",
      budget: "9000",
      contactName: "Ada Lovelace",
      contactEmail: "ada@example.com",
      description: "Sent by a signed-in operator.",
    });
    await page.getByRole("button", { name: "Submit brief" }).click();
    await page.waitForURL(new RegExp(`/briefs/${briefId}\\?sent=submitted`));
    await page.getByRole("button", { name: "Approve brief" }).waitFor({ timeout: 30_000 });
    await page.locator('form.console-form[data-hydrated="true"]').first().waitFor();
    expect(await page.getByLabel("Approved by").count()).toBe(0); // no name to type: it is the session's
    await page.getByRole("button", { name: "Approve brief" }).click();
    await page.waitForURL(/\?sent=approved/);
    const approvals = async () => (await studio.api.events(briefApproved.name)).filter((e) => e.data.briefId === briefId);
    await expect.poll(async () => (await approvals()).length, { timeout: 15_000 }).toBe(1);
    const approverId = (await approvals())[0]!.data.approvedBy;
    expect(approverId).not.toBe(operator.name);
    await expect.poll(() => page.getByTestId("approved-by").textContent(), { timeout: 15_000 }).toBe(operator.name);
    const audit = page.getByTestId("audit-entry");
    await expect.poll(() => audit.count()).toBe(2);
    expect(await audit.nth(0).innerText()).toMatch(new RegExp(`${operator.name} sent studio/brief.submitted[\\s\\S]*event id studio/brief.submitted@1:${briefId}`));
    expect(await audit.nth(1).innerText()).toMatch(new RegExp(`${operator.name} sent studio/brief.approved`));
    await screenshot(page, "access-3-approved-by-operator");
  });

  it("a viewer sees the brief but no form, cannot open a form page, and the actions answer 403", async () => {
    const page = await newPage();
    await signIn(page, studio.web, viewer, `/briefs/${briefId}`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Signed-in brief");
    expect(await page.locator("form.console-form").count()).toBe(0);
    // No link leads a viewer to a form page they would be refused.
    await page.goto(`${studio.web}/briefs`, { waitUntil: "domcontentloaded" });
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Briefs");
    expect(await page.locator('a[href^="/briefs/new"]').count()).toBe(0);
    await page.goto(`${studio.web}/`, { waitUntil: "domcontentloaded" });
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Studio operations");
    expect(await page.locator('a[href$="/new"]').count()).toBe(0);
    const newBrief = await page.goto(`${studio.web}/briefs/new`);
    expect(newBrief?.status()).toBe(403);
    expect(await page.getByTestId("forbidden").count()).toBe(1);
    await screenshot(page, "access-4-viewer-forbidden");

    // The form as an operator's browser has it, submitted with the viewer's session: the server
    // action itself refuses (the forms being hidden is not what protects it).
    const operatorPage = await newPage();
    await signIn(operatorPage, studio.web, operator, "/briefs/new");
    await openPage(operatorPage, `${studio.web}/briefs/new`);
    await operatorPage.context().clearCookies();
    await operatorPage.context().addCookies(await page.context().cookies());
    await fillBriefForm(operatorPage, {
      title: "Forged",
      clientId: "client_acme",
      dueDate: "2027-03-31",
      budget: "1",
      contactName: "Eve",
      contactEmail: "eve@example.com",
      description: "A viewer must not send this.",
    });
    const forgedId = await operatorPage.locator('input[name="briefId"]').inputValue();
    const [response] = await Promise.all([
      // The page posts its own server action too (the live-progress token, allowed for viewers):
      // only the POST that carries this form's fields is the forged submission.
      operatorPage.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/briefs/new") && (r.request().postData() ?? "").includes("A viewer must not send this.")),
      operatorPage.getByRole("button", { name: "Submit brief" }).click(),
    ]);
    expect(response.status()).toBe(403);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await studio.api.events("studio/brief.submitted")).filter((e) => e.data.briefId === forgedId)).toEqual([]);
  });

  it("a machine marks an invoice paid with the API token; without it, with another scope or revoked it is refused", async () => {
    const invoiceId = `invoice_token_${run}`;
    const post = (key: string, body: unknown, bearer?: string) =>
      fetch(`${studio.web}/api/events/${key}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: JSON.stringify(body),
      });
    const paid = { ...fixtures.invoicePaid.valid[0], invoiceId };
    expect((await post("invoice.paid", paid)).status).toBe(401);
    expect((await post("invoice.issued", { ...fixtures.invoiceIssued.valid[0], invoiceId }, token)).status).toBe(403);
    const sent = await post("invoice.paid", paid, token);
    expect(sent.status).toBe(202);
    const { eventId } = (await sent.json()) as { eventId: string };
    await expect.poll(async () => (await studio.api.events(invoicePaid.name)).filter((e) => e.data.invoiceId === invoiceId).length, { timeout: 15_000 }).toBe(1);

    await openPage(admin, `${studio.web}/invoices/${invoiceId}`);
    const entry = admin.getByTestId("audit-entry").first();
    await entry.waitFor();
    expect(await entry.innerText()).toMatch(new RegExp(`payment provider \\(API token\\) sent studio/invoice.paid[\\s\\S]*${eventId.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));

    await openPage(admin, `${studio.web}/admin`);
    const revoke = admin.locator('form[aria-label="Revoke payment provider"][data-hydrated="true"]');
    await revoke.waitFor();
    await revoke.getByRole("button", { name: "Revoke" }).click();
    // The page is rendered again: the token's row now says when it was revoked, with no button.
    await expect.poll(() => admin.getByTestId("api-tokens").innerText(), { timeout: 30_000 }).toMatch(/payment provider[^\n]*revoked/);
    expect((await post("invoice.paid", { ...paid, decisionId: `again_${run}` }, token)).status).toBe(401);
  });

  /** What an authorize URL must carry for this app's GitHub client. */
  const expectGitHubAuthorize = (href: string) => {
    const url = new URL(href);
    expect(`${url.origin}${url.pathname}`).toBe("https://github.com/login/oauth/authorize");
    expect(url.searchParams.get("client_id")).toBe(GITHUB.clientId);
    expect(url.searchParams.get("redirect_uri")).toBe(`${studio.web}/api/auth/callback/github`);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("state")).toMatch(/\S{16,}/);
    expect(url.searchParams.get("scope")?.split(" ")).toEqual(expect.arrayContaining(["read:user", "user:email"]));
    expect(href).not.toContain(GITHUB.clientSecret);
    return url;
  };

  it("offers GitHub on the sign-in page, and its button leads to GitHub's authorize endpoint", async () => {
    const page = await newPage();
    // The browser must not leave the machine: the request to GitHub is seen, then dropped.
    await page.route("https://github.com/**", (route) => route.abort());
    await page.goto(`${studio.web}/sign-in?next=${encodeURIComponent("/briefs")}`, { waitUntil: "domcontentloaded" });
    await page.locator('form[aria-label="Sign in"][data-hydrated="true"]').waitFor();
    const github = page.getByRole("button", { name: "Sign in with GitHub" });
    await github.waitFor();
    expect(await page.getByRole("button", { name: /Sign in with/ }).allInnerTexts()).toEqual(["Sign in with GitHub"]);
    await screenshot(page, "oauth-providers-1-sign-in");

    const toGitHub = page.waitForRequest((request) => request.url().startsWith("https://github.com/"));
    await github.click();
    const url = expectGitHubAuthorize((await toGitHub).url());
    // better-auth keeps the state it issued (with where to go next) in a signed cookie of this app.
    const cookies = await page.context().cookies(studio.web);
    expect(cookies.map((c) => c.name)).toEqual(expect.arrayContaining([expect.stringMatching(/state/)]));
    console.info(`[figures] web oauth: sign-in page offers 1 provider (GitHub); its button → ${url.origin}${url.pathname} with client_id, redirect_uri ${url.searchParams.get("redirect_uri")}`);
  });

  it("answers a social sign-in over HTTP: GitHub with its authorize URL, Google refused (not configured)", async () => {
    const start = (provider: string) =>
      fetch(`${studio.web}/api/auth/sign-in/social`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: studio.web },
        body: JSON.stringify({ provider, callbackURL: "/" }),
      });
    const github = await start("github");
    expect(github.status).toBe(200);
    const body = (await github.json()) as { url?: string; redirect?: boolean };
    expect(body.redirect).toBe(true);
    expectGitHubAuthorize(body.url ?? "");
    expect(github.headers.getSetCookie().some((c) => /state/.test(c.split("=")[0]!))).toBe(true);

    const google = await start("google");
    expect(google.status).toBe(404);
    const refused = (await google.json()) as { code?: string; url?: string };
    expect(refused.code).toBe("PROVIDER_NOT_FOUND");
    expect(refused.url).toBeUndefined();
    console.info(`[figures] web oauth: POST /api/auth/sign-in/social github → ${github.status} with the authorize URL; google (no env) → ${google.status} ${refused.code}`);
  });

  it("records a brief while the event API is down, sends it once on Retry, and a second Retry sends nothing", async () => {
    const page = await newPage();
    await signIn(page, studio.web, operator, "/briefs/new");
    const briefId = await page.locator('input[name="briefId"]').inputValue();
    const eventId = `${briefSubmitted.name}@1:${briefId}`;
    const mine = async () => (await studio.api.events(briefSubmitted.name)).filter((e) => e.id === eventId);
    // The earlier cases' sends went through the same proxy: count from here.
    const start = { refused: gate.refused, forwarded: gate.forwarded };
    const refused = () => gate.refused - start.refused;
    const forwarded = () => gate.forwarded - start.forwarded;

    // Down: the operator submits; the SDK's own attempts are all refused.
    gate.up = false;
    await fillBriefForm(page, {
      title: "Outage-proof brief",
      clientId: "client_retry",
      dueDate: "2027-05-31",
      budget: "4200",
      contactName: "Grace Hopper",
      contactEmail: "grace@example.com",
      description: "Submitted while Inngest's event API answered 503.",
    });
    await page.getByRole("button", { name: "Submit brief" }).click();
    await page.waitForURL(new RegExp(`/briefs/${briefId}\\?sent=submitted`));
    const notSent = page.getByTestId("not-sent");
    await notSent.waitFor();
    const item = notSent.locator(`[data-testid="not-sent-event"][data-event-id="${eventId}"]`);
    expect(await item.innerText()).toMatch(/503.*\(1 attempt\)/s);
    expect(await page.getByTestId("sent-notice").count()).toBe(0); // not confirmed as sent
    // Nothing lost: the brief is recorded and shown from the console's own database.
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Outage-proof brief");
    const refusedBySubmit = refused();
    expect(refusedBySubmit).toBeGreaterThanOrEqual(1);
    expect(forwarded()).toBe(0);
    expect(await mine()).toEqual([]);

    // Retry while still down: refused again, still offered, one more attempt counted.
    await item.getByRole("button", { name: "Retry" }).click();
    await page.waitForURL(/\?retried=/);
    await expect.poll(() => item.innerText()).toMatch(/\(2 attempts\)/);
    const refusedInAll = refused();
    expect(refusedInAll).toBeGreaterThan(refusedBySubmit);
    await screenshot(page, "retry-send-1-not-sent");

    // A second tab keeps the page with its Retry button, for a stale retry later.
    const stale = await page.context().newPage();
    stale.setDefaultTimeout(60_000);
    await openPage(stale, `${studio.web}/briefs/${briefId}`);
    await stale.getByTestId("not-sent").getByRole("button", { name: "Retry" }).waitFor();

    // Up: a double-click on Retry.
    gate.up = true;
    await item.getByRole("button", { name: "Retry" }).dblclick();
    await expect.poll(() => page.getByTestId("not-sent").count(), { timeout: 30_000 }).toBe(0);
    const [stored] = await studio.api.waitForEvents(briefSubmitted.name, (e) => e.id === eventId);
    const runs = await studio.api.waitForRuns(stored!.internal_id!);
    expect(runs.map((r) => r.status)).toEqual(["COMPLETED"]);
    const projection = `${appIds.web}-project-brief-submitted`;
    expect(await studio.api.functionOf(runs[0]!.run_id)).toBe(projection);
    // The console applied the brief when it recorded it; the delivered event finds it applied.
    // (Run results are encrypted at rest; this app runs with the dev-only key.)
    const result = await createDecryptor([DEV_ONLY_ENCRYPTION_KEY])((await studio.api.output(runs[0]!.run_id)).data);
    expect(result).toEqual({ applied: false, reason: "already projected" });
    await screenshot(page, "retry-send-2-sent");

    // The stale tab's Retry: the event is already sent, so nothing goes out.
    await stale.getByTestId("not-sent").getByRole("button", { name: "Retry" }).click();
    await stale.waitForURL(/\?retried=/);
    expect(await stale.getByTestId("not-sent").count()).toBe(0);
    await stale.close();

    // Every run of any copy has been scheduled by the time the first one ended (see web-console's
    // dedupe test); only then are copies and runs counted.
    const copies = await mine();
    const allRuns = (await Promise.all(copies.map((c) => studio.api.runsForEvent(c.internal_id!)))).flat();
    expect(copies.map((c) => c.internal_id)).toEqual([stored!.internal_id]);
    expect(allRuns.map((r) => r.run_id)).toEqual([runs[0]!.run_id]);
    expect(forwarded()).toBe(1);
    expect(refused()).toBe(refusedInAll);
    console.info(
      `[figures] web retry-send: event API down → ${refusedBySubmit} sends refused on submit (the SDK's attempts), ${refusedInAll - refusedBySubmit} more on a Retry while down (2 attempts recorded); ` +
        `up → Retry double-clicked + a stale second Retry → ${forwarded()} send forwarded, ${copies.length} stored event under ${eventId}, ` +
        `${allRuns.length} ${projection} run (COMPLETED, already projected)`,
    );
  });
});
