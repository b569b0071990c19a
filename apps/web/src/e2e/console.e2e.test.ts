import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { appIds, briefApproved, briefSubmitted, createWithDedupe, dedupeId, diagnosticsPinged, invoicePaid, workflowProgress } from "@studio/events";
import { fixtures } from "@studio/events/fixtures";
import { Inngest } from "inngest";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDecryptor, createStudioClient, decryptAll, DEV_ONLY_ENCRYPTION_KEY, LOCAL_OUTBOX_TOKEN } from "@studio/middleware";
import { testEnv } from "@studio/middleware/testing";
import { type StoredEvent } from "@studio/dev-server";
import { accessRules } from "../auth/access-rules.ts";
import { addUser, createToken, fillBriefForm, fillInvoiceForm, launchBrowser, openPage, screenshot, signIn } from "./browser.ts";
import { startEventApiSwitch, type EventApiSwitch } from "./start-event-api-switch.ts";
import { startStudio, warmUp, type Studio } from "./start-studio.ts";

/**
 * The console on its own (next dev, its own database) against a real Dev Server, no worker or AI
 * app, driven in real Chromium. One stack for both suites below: each `next dev` compiles every
 * page it serves, which is most of a suite's time on a busy 2-core machine, so they share one.
 * - "web console": forms, the JSON producer API, decisions re-sent, live progress over Inngest
 *   realtime (published here as the worker would), the runs list and the outbox.
 * - "sign-in, roles and API tokens": signed out nothing opens; an admin adds an operator and a
 *   viewer; the operator submits and approves a brief under their own name; the viewer sees no form
 *   and is refused by the actions; a machine marks an invoice paid with an API token; OAuth on by
 *   env for GitHub only; a send the event API refuses, retried from the item's page.
 * The app reaches the Dev Server through a local proxy whose event API can be switched off (for
 * that last case; it passes everything else through, WebSockets included).
 */

/** A GitHub OAuth client (not a real one: nothing is sent to GitHub). */
const GITHUB = { clientId: `Iv1.e2e-${Date.now()}`, clientSecret: "e2e-github-client-secret-not-real" };
/** The all-scopes API token the web app creates on a developer machine from STUDIO_DEV_API_TOKEN. */
const API_TOKEN = `studio_e2e-web-console-${Date.now()}`;
const asMachine = { "content-type": "application/json", authorization: `Bearer ${API_TOKEN}` };

let studio: Studio;
let gate: EventApiSwitch;
let dataDir = "";

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "web-console-"));
  gate = await startEventApiSwitch();
  studio = await startStudio({
    apps: [],
    env: (urls) => {
      gate.target = urls.devServer;
      return {
        web: {
          INNGEST_DEV: gate.url,
          STUDIO_DATA_DIR: dataDir,
          STUDIO_NEXT_DIST_DIR: ".next/e2e-console",
          STUDIO_DEV_API_TOKEN: API_TOKEN,
          GITHUB_CLIENT_ID: GITHUB.clientId,
          GITHUB_CLIENT_SECRET: GITHUB.clientSecret,
          // Blank is "not set" (env.ts): Google stays off even if the machine's env has it.
          GOOGLE_CLIENT_ID: "",
          GOOGLE_CLIENT_SECRET: "",
        },
      };
    },
  });
  await warmUp(studio.web, [
    "/",
    "/sign-in",
    "/admin",
    "/briefs/new",
    "/briefs/warm-up",
    "/reminders/new",
    "/reminders/warm-up",
    "/invoices/new",
    "/invoices/warm-up",
    "/assets/new",
    "/assets/warm-up",
    "/runs",
    "/outbox",
  ]);
}, 600_000); // a cold `next dev` compiles each page on first use: minutes on a busy 2-core machine
afterAll(async () => {
  await studio?.stop();
  await gate?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("web console against the Dev Server", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    await signIn(page, studio.web); // the local admin the web app seeds on a developer machine
  });
  afterAll(async () => {
    await browser?.close();
  });

  const storedEvents = (name: string) => studio.api.events(name);

  let briefId = "";

  it("names each bad field of a brief and sends nothing", async () => {
    await openPage(page, `${studio.web}/briefs/new`);
    briefId = await page.locator('input[name="briefId"]').inputValue();
    await fillBriefForm(page, {
      title: "Spring campaign key visuals",
      clientId: "client_acme",
      dueDate: "2027-03-31",
      budget: "12.345",
      contactName: "Ada Lovelace",
      contactEmail: "ada-at-example",
      description: "Three key visuals and a short loop for social.",
    });
    await page.getByRole("button", { name: "Submit brief" }).click();

    const summary = page.locator("form [role=alert]");
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Nothing was sent/);
    await expect.poll(() => page.getByLabel("Budget").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Client contact email").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Title").getAttribute("aria-invalid")).toBeNull();
    expect(await page.getByLabel("Client contact email").inputValue()).toBe("ada-at-example"); // nothing lost
    await screenshot(page, "web-console-1-invalid-brief");
    expect((await storedEvents("studio/brief.submitted")).filter((e) => e.data.briefId === briefId)).toEqual([]);
  });

  it("sends a corrected brief once (even on a double-click) and opens its live view", async () => {
    await page.getByLabel("Budget").fill("12500");
    await page.getByLabel("Client contact email").fill("ada@example.com");
    await page.getByRole("button", { name: "Submit brief" }).dblclick();
    await page.waitForURL(new RegExp(`/briefs/${briefId}\\?sent=submitted`));
    await page.getByTestId("sent-notice").waitFor();

    const mine = async () => (await storedEvents("studio/brief.submitted")).filter((e) => e.data.briefId === briefId);
    await expect.poll(async () => (await mine()).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    const sent = await mine();
    // Every copy carries the contract's dedupe id, so Inngest starts intake once.
    expect(new Set(sent.map((e) => e.id))).toEqual(new Set([`studio/brief.submitted@1:${briefId}`]));
    expect(sent[0]?.data).toMatchObject({ briefId, clientId: "client_acme", budget: { amount: 1_250_000, currency: "EUR" }, dueDate: "2027-03-31" });
    expect(JSON.stringify(sent[0]?.data.encrypted)).toContain("__ENCRYPTED__"); // personal data is encrypted at rest
    // The page shows the brief once Inngest lists it, refreshing itself until then.
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText(), { timeout: 15_000 }).toBe("Spring campaign key visuals");
    expect(await page.getByTestId("sent-notice").getAttribute("data-recorded")).toBe("true");
    expect(await page.locator(".facts").first().innerText()).toContain("Ada Lovelace <ada@example.com>"); // decrypted for the operator
  });

  it("shows progress the moment a workflow publishes it (Inngest realtime through the Dev Server)", async () => {
    const status = page.getByTestId("live-status");
    await expect.poll(() => status.getAttribute("data-status"), { timeout: 60_000 }).toBe("open");
    const publisher = new Inngest({ id: "e2e-publisher", isDev: true, baseUrl: studio.devServerUrl });
    const channel = workflowProgress({ subject: `brief:${briefId}` });
    const at = () => new Date().toISOString();
    await publisher.realtime.publish(channel.progress, { workflow: "intake-brief", step: "record", label: "Brief recorded", state: "done", at: at() });
    await page.locator('[data-step="record"][data-state="done"]').waitFor({ timeout: 10_000 });
    await publisher.realtime.publish(channel.progress, { workflow: "intake-brief", step: "analyse", label: "AI analysis", state: "started", at: at() });
    await page.locator('[data-step="analyse"][data-state="started"]').waitFor({ timeout: 10_000 });
    await publisher.realtime.publish(channel.result, {
      workflow: "analyse-brief",
      outcome: "completed",
      at: at(),
      data: { analysis: fixtures.briefAnalysed.valid[0].analysis },
    });
    await page.getByTestId("live-result").getByTestId("analysis").waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("analysis").innerText()).toContain(fixtures.briefAnalysed.valid[0].analysis.summary);
    await screenshot(page, "web-console-2-live-progress");
  });

  it("approves the brief from its page", async () => {
    await page.getByRole("button", { name: "Approve brief" }).click();
    await page.waitForURL(/\?sent=approved/);
    await page.getByTestId("sent-notice").waitFor();
    const approved = async () => (await storedEvents(briefApproved.name)).filter((e) => e.data.briefId === briefId);
    await expect.poll(async () => (await approved()).length, { timeout: 15_000 }).toBe(1);
    const approvals = await approved();
    // The form minted the decision's id when it was shown; the event's id carries it, so a second,
    // deliberate approval from a new form would not be dropped as a re-send of this one. The
    // approver is the signed-in user (the seeded admin's id), not a typed name.
    const decisionId = String(approvals[0]?.data.decisionId);
    expect(decisionId).toMatch(/^decision_/);
    const approvedBy = approvals[0]?.data.approvedBy;
    expect(approvedBy).toMatch(/\S/);
    const sent = { briefId, approvedBy, decisionId };
    expect(approvals.map((e) => [e.id, e.data])).toEqual([[dedupeId(briefApproved, sent as never), sent]]);
    // Inngest lists an event a moment after accepting it: the page shows the approval as sent at
    // once (never "Awaiting approval" with the form again) and updates itself once it is listed.
    expect(await page.getByTestId("brief-status").innerText()).toMatch(/Approval sent|Approved/);
    expect(await page.getByRole("button", { name: "Approve brief" }).count()).toBe(0);
    await expect.poll(() => page.getByTestId("brief-status").innerText(), { timeout: 15_000 }).toBe("Approved, creating project");
    expect(await page.getByTestId("sent-notice").getAttribute("data-recorded")).toBe("true");
    expect(await page.getByTestId("approved-by").innerText()).toBe("Local admin");
  });

  it("drops a re-send of the approval (same decisionId) and delivers a second, deliberate one (new decisionId)", async () => {
    const projection = `${appIds.web}-project-brief-approved`;
    const [first] = (await storedEvents(briefApproved.name)).filter((e) => e.data.briefId === briefId);
    const decision = briefApproved.schema.parse(first!.data);
    const [firstRun] = await studio.api.waitForRuns(first!.internal_id!);
    expect(await studio.api.functionOf(firstRun!.run_id)).toBe(projection);

    // The same decision again, as producers repeat it: a machine retrying through the JSON API
    // gets the first event's id back, and a producer sending it straight to Inngest with the
    // contract's dedupe id (as the worker would) reuses that id too.
    const retried = await fetch(`${studio.web}/api/events/brief.approved`, { method: "POST", headers: asMachine, body: JSON.stringify(decision) });
    expect(retried.status).toBe(202);
    expect(((await retried.json()) as { eventId: string }).eventId).toBe(first!.id);
    const producer = createStudioClient({ id: "e2e-producer", env: testEnv({ INNGEST_DEV: studio.devServerUrl, LOG_LEVEL: "silent" }) });
    const repeat = createWithDedupe(briefApproved, decision);
    expect(repeat.id).toBe(first!.id);
    const [repeatCopy] = (await producer.send(repeat)).ids;

    // A second, deliberate approval, sent after the repeat: a new decision, so a new event id.
    const second = { briefId, approvedBy: "op_second_approver", decisionId: `decision_e2e_${Date.now()}` };
    const deliberate = createWithDedupe(briefApproved, second);
    expect(deliberate.id).not.toBe(first!.id);
    const [secondCopy] = (await producer.send(deliberate)).ids;
    const secondRuns = await studio.api.waitForRuns(secondCopy!);
    expect(secondRuns.map((r) => r.status)).toEqual(["COMPLETED"]);
    expect(await studio.api.functionOf(secondRuns[0]!.run_id)).toBe(projection);
    // The run itself applied it (the console did not send it, so had not recorded it); run
    // outputs are stored encrypted, here with the key the web app uses on a developer machine.
    const output = await decryptAll((await studio.api.output(secondRuns[0]!.run_id)).data, [DEV_ONLY_ENCRYPTION_KEY]);
    expect(output).toEqual({ applied: true, itemKind: "brief", itemId: briefId });

    // Once the later event's run has ended, a run of the repeat would have been scheduled too.
    const stored = await studio.api.waitForEvents(briefApproved.name, (e) => e.data.briefId === briefId, { count: 3 });
    const copiesOf = (id: string) => stored.filter((e) => e.id === id);
    const runsOf = async (copies: StoredEvent[]) => (await Promise.all(copies.map((c) => studio.api.runsForEvent(c.internal_id!)))).flat();
    expect(copiesOf(first!.id).map((e) => e.internal_id).sort()).toEqual([first!.internal_id, repeatCopy].sort());
    expect(await studio.api.runsForEvent(repeatCopy!)).toEqual([]);
    const firstDecisionRuns = await runsOf(copiesOf(first!.id));
    expect(firstDecisionRuns.map((r) => r.run_id)).toEqual([firstRun!.run_id]);
    expect(copiesOf(deliberate.id!).map((e) => e.data)).toEqual([second]);

    // The read model keeps the newest decision: the page names the second approver.
    await expect
      .poll(async () => {
        await openPage(page, `${studio.web}/briefs/${briefId}`);
        return page.getByTestId("approved-by").innerText();
      }, { timeout: 15_000 })
      .toBe(second.approvedBy);
    console.info(
      `[figures] web decision dedupe: approval sent 3 times with one decisionId (page, API retry → same id ${first!.id}, direct re-send) → ` +
        `${copiesOf(first!.id).length} stored copies under 1 id, ${firstDecisionRuns.length} ${projection} run (the repeat's: ${(await studio.api.runsForEvent(repeatCopy!)).length}); ` +
        `second decision (new decisionId, id ${deliberate.id}) → ${copiesOf(deliberate.id!).length} event, ${secondRuns.length} more run (COMPLETED, applied); page shows approver ${second.approvedBy}`,
    );
  });

  it("accepts contract data on the JSON API and rejects a bad payload with 400 naming the field", async () => {
    const post = (key: string, body: unknown) =>
      fetch(`${studio.web}/api/events/${key}`, { method: "POST", headers: asMachine, body: JSON.stringify(body) });
    const bad = fixtures.invoiceIssued.invalid.badEmail;
    const rejected = await post("invoice.issued", bad.data);
    expect(rejected.status).toBe(400);
    expect(((await rejected.json()) as { fields: Array<{ path: string }> }).fields.map((f) => f.path)).toEqual([bad.path]);
    const invoice = { ...fixtures.invoiceIssued.valid[0], invoiceId: `invoice_e2e_${Date.now()}` };
    const accepted = await post("invoice.issued", invoice);
    expect(accepted.status).toBe(202);
    // The Dev Server lists an event shortly after accepting it.
    await expect
      .poll(async () => (await storedEvents("studio/invoice.issued")).filter((e) => e.data.invoiceId === invoice.invoiceId).length, { timeout: 15_000 })
      .toBe(1);
    expect((await storedEvents("studio/invoice.issued")).some((e) => e.data.invoiceId === fixtures.invoiceIssued.valid[0].invoiceId)).toBe(false);
  });

  it("schedules a reminder for a future time, read in the operator's time zone", async () => {
    const paris = await browser.newContext({ timezoneId: "Europe/Paris", viewport: { width: 1280, height: 900 } });
    const page = await paris.newPage();
    page.setDefaultTimeout(60_000);
    await signIn(page, studio.web);
    await openPage(page, `${studio.web}/reminders/new`);
    const reminderId = await page.locator('input[name="reminderId"]').inputValue();
    await page.getByLabel("Send at").fill("2030-01-15T09:30");
    await page.getByLabel("Channel").selectOption("email");
    await page.getByLabel("Email address").fill("ada@example.com");
    await page.getByLabel("Subject").fill("Kick-off tomorrow");
    await page.getByLabel("Message").fill("A reminder that the kick-off is tomorrow at 10:00.");
    await page.getByRole("button", { name: "Schedule reminder" }).click();
    await page.waitForURL(new RegExp(`/reminders/${reminderId}\\?sent=scheduled`));
    // 09:30 in Paris in January is 08:30 UTC; the event is delivered then (its ts).
    const sendAt = "2030-01-15T08:30:00.000Z";
    await expect
      .poll(async () => (await storedEvents("studio/reminder.scheduled")).filter((e) => e.data.reminderId === reminderId).map((e) => [e.id, e.data.sendAt, e.ts]), { timeout: 15_000 })
      .toEqual([[`studio/reminder.scheduled@2:${reminderId}`, sendAt, Date.parse(sendAt)]]);
    await paris.close();
  });

  let invoiceId = "";

  it("issues an invoice and marks it paid from its page", async () => {
    await openPage(page, `${studio.web}/invoices/new`);
    invoiceId = await page.locator('input[name="invoiceId"]').inputValue();
    await fillInvoiceForm(page, { clientId: "client_acme", total: "4800.00", dueDate: "2027-04-30", billingName: "Acme Accounts Payable", billingEmail: "ap@acme.example" });
    await page.getByRole("button", { name: "Issue invoice" }).click();
    await page.waitForURL(new RegExp(`/invoices/${invoiceId}\\?sent=issued`));
    await page.locator('form.console-form[data-hydrated="true"]').waitFor();
    await page.getByRole("button", { name: "Mark as paid" }).click();
    await page.waitForURL(/\?sent=paid/);
    expect(await page.getByTestId("invoice-status").innerText()).toMatch(/Payment sent|Paid/);
    await expect.poll(() => page.getByTestId("invoice-status").innerText(), { timeout: 15_000 }).toBe("Paid");
    await expect
      .poll(async () => (await storedEvents("studio/invoice.paid")).filter((e) => e.data.invoiceId === invoiceId).length, { timeout: 15_000 })
      .toBe(1);
    const issued = (await storedEvents("studio/invoice.issued")).find((e) => e.data.invoiceId === invoiceId);
    expect(issued?.data).toMatchObject({ clientId: "client_acme", total: { amount: 480_000, currency: "EUR" }, dueDate: "2027-04-30" });
  });

  it("on the JSON API, a retried payment decision is sent once and a corrected one (new decisionId) gets its own event and run", async () => {
    const post = (data: unknown) => fetch(`${studio.web}/api/events/invoice.paid`, { method: "POST", headers: asMachine, body: JSON.stringify(data) });
    const [first] = (await storedEvents(invoicePaid.name)).filter((e) => e.data.invoiceId === invoiceId);
    const decision = invoicePaid.schema.parse(first!.data);
    const retried = await post(decision);
    expect(retried.status).toBe(202);
    expect(((await retried.json()) as { eventId: string }).eventId).toBe(first!.id);
    // A correction of the payment date is a new decision (a fresh id, as a new form would mint).
    const corrected = { invoiceId, paidAt: "2027-04-20T10:00:00.000Z", decisionId: `decision_e2e_paid_${Date.now()}` };
    const accepted = await post(corrected);
    expect(accepted.status).toBe(202);
    const correctedId = ((await accepted.json()) as { eventId: string }).eventId;
    expect(correctedId).toBe(dedupeId(invoicePaid, corrected));
    expect(correctedId).not.toBe(first!.id);
    const stored = await studio.api.waitForEvents(invoicePaid.name, (e) => e.data.invoiceId === invoiceId, { count: 2 });
    expect(stored.map((e) => e.id).sort()).toEqual([first!.id, correctedId].sort());
    const runs = await Promise.all(stored.map((e) => studio.api.waitForRuns(e.internal_id!)));
    const slugs = await Promise.all(runs.flat().map((r) => studio.api.functionOf(r.run_id)));
    expect(slugs).toEqual([`${appIds.web}-project-invoice-paid`, `${appIds.web}-project-invoice-paid`]);
    expect(runs.flat().map((r) => r.status)).toEqual(["COMPLETED", "COMPLETED"]);
    // The read model keeps the newest decision: the page shows the corrected date.
    await openPage(page, `${studio.web}/invoices/${invoiceId}`);
    expect(await page.locator(".notice--ok").innerText()).toBe("Paid at 20 Apr 2027, 10:00:00 UTC.");
    console.info(
      `[figures] web decision dedupe (JSON API): invoice.paid retried with its decisionId → same id, ${stored.filter((e) => e.id === first!.id).length} event and ` +
        `${runs[stored.findIndex((e) => e.id === first!.id)]!.length} projection run; corrected (new decisionId) → ${stored.length} events, ${runs.flat().length} runs in all (1 each); page shows the corrected paidAt`,
    );
  });

  it("withdraws a brief: shown as sent at once, then Withdrawn, with no decision left to take", async () => {
    const withdrawnId = `brief_withdraw_${Date.now()}`;
    const submitted = await fetch(`${studio.web}/api/events/brief.submitted`, {
      method: "POST",
      headers: asMachine,
      body: JSON.stringify({ ...fixtures.briefSubmitted.valid[0], briefId: withdrawnId }),
    });
    expect(submitted.status).toBe(202);
    await openPage(page, `${studio.web}/briefs/${withdrawnId}`);
    await page.getByRole("button", { name: "Withdraw brief" }).waitFor({ timeout: 15_000 });
    await page.locator('form.console-form[data-hydrated="true"]').first().waitFor();
    await page.getByLabel("Reason").fill("Client paused the campaign.");
    await page.getByRole("button", { name: "Withdraw brief" }).click();
    await page.waitForURL(/\?sent=withdrawn/);
    expect(await page.getByTestId("brief-status").innerText()).toMatch(/Withdrawal sent|Withdrawn/);
    expect(await page.locator("form.console-form").count()).toBe(0);
    await expect.poll(() => page.getByTestId("brief-status").innerText(), { timeout: 15_000 }).toBe("Withdrawn");
    expect(await page.getByText("Withdrawn: Client paused the campaign.").count()).toBe(1);
  });

  it("registers an asset and shows it on its page once Inngest lists it", async () => {
    await openPage(page, `${studio.web}/assets/new?projectId=project_e2e`);
    const assetId = await page.locator('input[name="assetId"]').inputValue();
    await page.getByLabel("File name").fill("hero-visual.png");
    await page.getByLabel("Content type").fill("image/png");
    await page.getByLabel("Size in bytes").fill("2048000");
    await page.getByLabel("Uploaded file URL").fill("https://uploads.example.com/hero-visual.png");
    await page.getByRole("button", { name: "Register asset" }).click();
    await page.waitForURL(new RegExp(`/assets/${assetId}\\?sent=registered`));
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText(), { timeout: 15_000 }).toBe("hero-visual.png");
    expect(await page.getByTestId("sent-notice").getAttribute("data-recorded")).toBe("true");
    expect(await page.locator(".facts").first().innerText()).toMatch(/project_e2e[\s\S]*image\/png[\s\S]*2,048,000 bytes/);
    const stored = (await storedEvents("studio/asset.uploaded")).filter((e) => e.data.assetId === assetId);
    expect(stored.map((e) => e.id)).toEqual([`studio/asset.uploaded@1:${assetId}`]);
  });

  it("lists recent runs with the status the Inngest API reports", async () => {
    const [eventId] = await studio.api.send(diagnosticsPinged.create(fixtures.diagnosticsPinged.valid[0]));
    await studio.api.waitForRuns(eventId!, { timeoutMs: 60_000 });
    await openPage(page, `${studio.web}/runs`);
    const run = page.locator('[data-testid="run"][data-function="studio-web-ping"]').first();
    await run.waitFor();
    expect(await run.getAttribute("data-status")).toBe("Completed");
    await screenshot(page, "web-console-3-runs");
  });

  it("keeps what the worker would send to Slack or email in the local outbox, and shows it", async () => {
    // With the outbox token the worker and the AI app send on a developer machine.
    const outbox = { "content-type": "application/json", authorization: `Bearer ${LOCAL_OUTBOX_TOKEN}` };
    const hook = await fetch(`${studio.web}/api/outbox/webhook`, { method: "POST", headers: outbox, body: JSON.stringify({ text: "New brief from client_acme" }) });
    const mail = await fetch(`${studio.web}/api/outbox/email`, {
      method: "POST",
      headers: outbox,
      body: JSON.stringify({ to: "ada@example.com", subject: "We received your brief", text: "Thanks, Ada." }),
    });
    expect([hook.status, mail.status]).toEqual([201, 201]);
    await openPage(page, `${studio.web}/outbox`);
    const text = await page.locator("main").innerText();
    expect(text).toMatch(/local stand-in for Slack and email/);
    expect(text).toContain("New brief from client_acme");
    expect(text).toContain("We received your brief");
    expect(text).toContain("ada@example.com");
    await screenshot(page, "web-console-4-outbox");
  });
});

describe("sign-in, roles and API tokens", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const run = randomBytes(3).toString("hex");
  const operator = { name: "Grace Hopper", email: `grace-${run}@studio.test`, password: `operator-pw-${run}-x`, role: "operator" as const };
  const viewer = { name: "Vera Viewer", email: `vera-${run}@studio.test`, password: `viewer-pw-${run}-xx`, role: "viewer" as const };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
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
