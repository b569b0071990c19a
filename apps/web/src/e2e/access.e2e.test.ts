import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { briefApproved, invoicePaid } from "@studio/events";
import { fixtures } from "@studio/events/fixtures";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessRules } from "../auth/access-rules.ts";
import { addUser, createToken, fillBriefForm, launchBrowser, openPage, screenshot, signIn } from "./browser.ts";
import { startStudio, warmUp, type Studio } from "./start-studio.ts";

/**
 * Sign-in, roles and API tokens on the real console (next dev, its own database) with a real Dev
 * Server, driven in real Chromium: signed out nothing opens; an admin adds an operator and a
 * viewer; the operator submits and approves a brief under their own name; the viewer sees no form
 * and is refused by the actions; a machine marks an invoice paid with an API token.
 */
describe("sign-in, roles and API tokens", () => {
  let studio: Studio;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const run = randomBytes(3).toString("hex");
  const operator = { name: "Grace Hopper", email: `grace-${run}@studio.test`, password: `operator-pw-${run}-x`, role: "operator" as const };
  const viewer = { name: "Vera Viewer", email: `vera-${run}@studio.test`, password: `viewer-pw-${run}-xx`, role: "viewer" as const };

  let dataDir = "";

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "web-access-"));
    studio = await startStudio({ apps: [], env: () => ({ web: { STUDIO_DATA_DIR: dataDir, STUDIO_NEXT_DIST_DIR: ".next/e2e-access" } }) });
    await warmUp(studio.web, ["/sign-in", "/admin", "/briefs/new", "/briefs/warm-up", "/invoices/warm-up"]);
    browser = await launchBrowser();
  }, 600_000); // a cold `next dev` compiles each page on first use: minutes on a busy 2-core machine
  afterAll(async () => {
    await browser?.close();
    await studio?.stop();
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
});
