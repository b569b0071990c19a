import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { appIds, briefApproved, createWithDedupe, dedupeId, diagnosticsPinged, invoicePaid, workflowProgress } from "@studio/events";
import { fixtures } from "@studio/events/fixtures";
import { Inngest } from "inngest";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStudioClient, decryptAll, DEV_ONLY_ENCRYPTION_KEY, LOCAL_OUTBOX_TOKEN } from "@studio/middleware";
import { testEnv } from "@studio/middleware/testing";
import { type StoredEvent } from "@studio/dev-server";
import { fillBriefForm, fillInvoiceForm, launchBrowser, openPage, screenshot, signIn } from "./browser.ts";
import { startStudio, warmUp, type Studio } from "./start-studio.ts";

/**
 * The web app on its own against a real Dev Server (no worker or AI app): forms, the JSON
 * producer API, live progress over Inngest realtime (published here as the worker would), the
 * runs list and the outbox, driven in real Chromium.
 */
/** The all-scopes API token the web app creates on a developer machine from STUDIO_DEV_API_TOKEN. */
const API_TOKEN = `studio_e2e-web-console-${Date.now()}`;
const asMachine = { "content-type": "application/json", authorization: `Bearer ${API_TOKEN}` };

describe("web console against the Dev Server", () => {
  let studio: Studio;
  let browser: Browser;
  let page: Page;
  let outboxDir: string;

  beforeAll(async () => {
    outboxDir = await mkdtemp(path.join(tmpdir(), "web-outbox-"));
    studio = await startStudio({
      apps: [],
      env: () => ({ web: { STUDIO_DATA_DIR: outboxDir, STUDIO_NEXT_DIST_DIR: ".next/e2e-web-console", STUDIO_DEV_API_TOKEN: API_TOKEN } }),
    });
    await warmUp(studio.web, ["/", "/briefs/new", "/briefs/warm-up", "/reminders/new", "/reminders/warm-up", "/invoices/new", "/invoices/warm-up", "/assets/new", "/assets/warm-up", "/runs", "/outbox"]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    await signIn(page, studio.web); // the local admin the web app seeds on a developer machine
  }, 600_000); // a cold `next dev` compiles each warmed-up page: minutes while the gate runs other suites

  afterAll(async () => {
    await browser?.close();
    await studio?.stop();
    await rm(outboxDir, { recursive: true, force: true });
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
