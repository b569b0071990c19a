import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_OUTBOX_TOKEN } from "@studio/middleware";
import { fillBriefForm, fillInvoiceForm, launchBrowser, openPage, screenshot, signIn } from "./browser.ts";
import { startStudio, warmUp, type Studio } from "./start-studio.ts";

/**
 * The whole studio flow as an operator drives it, in real Chromium: the web app, the worker and
 * the AI app as real processes with a real Dev Server. The AI app uses its offline model and the
 * worker's notifications go to the web app's local outbox, so nothing leaves the machine.
 */
describe("studio flow in the browser", () => {
  let studio: Studio;
  let browser: Browser;
  let page: Page;
  let outboxDir: string;
  let briefId = "";

  beforeAll(async () => {
    outboxDir = await mkdtemp(path.join(tmpdir(), "studio-flow-outbox-"));
    studio = await startStudio({
      apps: ["worker", "ai"],
      env: ({ web }) => ({
        web: { STUDIO_DATA_DIR: outboxDir, STUDIO_NEXT_DIST_DIR: ".next/e2e-studio-flow" },
        // The outbox takes only requests with a token: the one the web app creates on a developer machine.
        worker: { WEBHOOK_URL: `${web}/api/outbox/webhook`, EMAIL_API_URL: `${web}/api/outbox/email`, WEBHOOK_TOKEN: LOCAL_OUTBOX_TOKEN, EMAIL_API_KEY: LOCAL_OUTBOX_TOKEN },
        ai: { AI_PROVIDER: "offline" },
      }),
    });
    // The outbox routes too: the worker's notify-team posts there before it publishes "waiting for
    // approval", with a 10 s timeout, and a first request that compiles the route in `next dev` on a
    // busy machine takes longer, so the step failed and waited out Inngest's retry backoff.
    await warmUp(studio.web, ["/briefs/new", "/briefs/warm-up", "/invoices/new", "/invoices/warm-up", "/outbox", "/api/outbox/webhook", "/api/outbox/email"]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    await signIn(page, studio.web); // the local admin the web app seeds on a developer machine
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.stop();
    await rm(outboxDir, { recursive: true, force: true });
  });

  const step = (key: string, state: string) => page.locator(`[data-testid="progress-steps"] [data-step="${key}"][data-state="${state}"]`);

  it("submits a brief and sees intake progress and the AI analysis arrive live", async () => {
    await openPage(page, `${studio.web}/briefs/new`);
    briefId = await page.locator('input[name="briefId"]').inputValue();
    await fillBriefForm(page, {
      title: "Spring campaign key visuals",
      clientId: "client_acme",
      dueDate: "2027-03-31",
      budget: "12500",
      contactName: "Ada Lovelace",
      contactEmail: "ada@example.com",
      description: "Three key visuals and a 15-second loop for social, in the new brand palette.",
    });
    await screenshot(page, "studio-flow-1-brief-form");
    await page.getByRole("button", { name: "Submit brief" }).click();
    await page.waitForURL(new RegExp(`/briefs/${briefId}\\?sent=submitted`));

    // Each stage appears as the worker publishes it, without reloading the page.
    await step("record", "done").waitFor({ timeout: 60_000 });
    await step("analyse", "done").waitFor({ timeout: 90_000 });
    await step("approval", "waiting").waitFor({ timeout: 90_000 });
    expect(await step("analyse", "done").innerText()).toMatch(/deliverable/);
    expect(await page.getByTestId("live-status").getAttribute("data-status")).toBe("open");
    await screenshot(page, "studio-flow-2-progress-live");

    // The run list (read from the Dev Server's API) shows intake running, once.
    await expect
      .poll(async () => page.locator('[data-testid="run"][data-function="studio-worker-intake-brief"]').count(), { timeout: 30_000 })
      .toBe(1);
    expect(await page.locator('[data-testid="run"][data-function="studio-worker-intake-brief"]').getAttribute("data-status")).toBe("Running");

    // The AI app's analysis, as the intake run received it, stays on the page (not only live).
    const analysis = page.getByTestId("analysis-panel").getByTestId("analysis");
    await analysis.waitFor({ timeout: 30_000 });
    expect(await analysis.innerText()).toMatch(/Deliverables/);
    await screenshot(page, "studio-flow-3-analysis");
  });

  it("approves the brief and sees the project created", async () => {
    await page.getByRole("button", { name: "Approve brief" }).click();
    await page.waitForURL(/\?sent=approved/);

    await step("approval", "done").waitFor({ timeout: 60_000 });
    const result = page.locator('[data-testid="live-result"][data-outcome="completed"]');
    await result.waitFor({ timeout: 60_000 });
    const projectId = await result.getByTestId("project-id").innerText();
    expect(projectId).toMatch(/\S/);

    // The page's durable view (events and runs from the API) agrees once it refreshes.
    await page.getByTestId("project-created").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("project-created").getByTestId("project-id").innerText()).toBe(projectId);
    await expect.poll(() => page.getByTestId("brief-status").innerText(), { timeout: 30_000 }).toBe("Project created");
    await expect
      .poll(async () => page.locator('[data-testid="run"][data-function="studio-worker-intake-brief"]').getAttribute("data-status"), { timeout: 60_000 })
      .toBe("Completed");
    await screenshot(page, "studio-flow-4-project-created");
  });

  it("shows the team notification the worker sent to the local outbox", async () => {
    await openPage(page, `${studio.web}/outbox`);
    await expect.poll(() => page.locator("main").innerText(), { timeout: 30_000 }).toContain(briefId);
    await screenshot(page, "studio-flow-5-outbox");
  });

  it("issues an invoice for the project; the worker chases it until it is marked paid, which ends the chase", async () => {
    await openPage(page, `${studio.web}/briefs/${briefId}`);
    await page.getByRole("link", { name: "Issue an invoice" }).click();
    await page.waitForURL(/\/invoices\/new\?/);
    await page.locator('form.console-form[data-hydrated="true"]').waitFor();
    const invoiceId = await page.locator('input[name="invoiceId"]').inputValue();
    expect(await page.getByLabel("Client id").inputValue()).toBe("client_acme"); // from the project
    await fillInvoiceForm(page, { total: "12500.00", dueDate: "2027-04-30", billingName: "Acme Accounts Payable", billingEmail: "ap@acme.example" });
    await page.getByRole("button", { name: "Issue invoice" }).click();
    await page.waitForURL(new RegExp(`/invoices/${invoiceId}\\?sent=issued`));

    // The worker's chase-invoice starts for it and sleeps until the invoice is overdue.
    let issuedId = "";
    await expect
      .poll(async () => (issuedId = (await studio.api.events("studio/invoice.issued")).find((e) => e.data.invoiceId === invoiceId)?.internal_id ?? ""), { timeout: 30_000 })
      .not.toBe("");
    let chaseRunId = "";
    // (The web app's own read-model projection runs for the event too.)
    const chaseOf = async () => {
      for (const run of await studio.api.runsForEvent(issuedId)) if ((await studio.api.functionOf(run.run_id)) === "studio-worker-chase-invoice") return run.run_id;
      return "";
    };
    await expect.poll(async () => (chaseRunId = await chaseOf()), { timeout: 30_000 }).not.toBe("");
    await expect.poll(() => studio.api.status(chaseRunId), { timeout: 30_000 }).toBe("RUNNING");

    await page.locator('form.console-form[data-hydrated="true"]').waitFor();
    await page.getByRole("button", { name: "Mark as paid" }).click();
    await page.waitForURL(/\?sent=paid/);
    await expect.poll(() => page.getByTestId("invoice-status").innerText(), { timeout: 30_000 }).toBe("Paid");
    // The payment cancels the sleeping chase (cancelOn), so no reminder goes out.
    await expect.poll(() => studio.api.status(chaseRunId), { timeout: 60_000 }).toBe("CANCELLED");
    await screenshot(page, "studio-flow-6-invoice-paid");
  });
});
