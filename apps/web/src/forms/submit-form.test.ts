import { dedupeId } from "@studio/events";
import { fixtures } from "@studio/events/fixtures";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startWebTestClient, type WebTestClient } from "../testing/web-test-client.ts";
import { approveBriefForm } from "./definitions/approve-brief.ts";
import { issueInvoiceForm } from "./definitions/issue-invoice.ts";
import { markInvoicePaidForm } from "./definitions/mark-invoice-paid.ts";
import { registerAssetForm } from "./definitions/register-asset.ts";
import { scheduleReminderForm } from "./definitions/schedule-reminder.ts";
import { submitBriefForm } from "./definitions/submit-brief.ts";
import { updateBriefForm } from "./definitions/update-brief.ts";
import { withdrawBriefForm } from "./definitions/withdraw-brief.ts";
import { type SessionUser } from "../auth/actor.ts";
import { type FormField } from "./form-field.ts";
import { type StudioForm } from "./studio-form.ts";
import { submitForm } from "./submit-form.ts";

const NOW = new Date("2026-06-01T12:00:00.000Z");

/** The signed-in operator whose id the contract example carries as its approver (approvedBy comes from the session). */
const signedInAs = (data: unknown): SessionUser => ({
  id: (data as { approvedBy?: string }).approvedBy ?? "operator_grace",
  name: "Grace Hopper",
  email: "grace@studio.test",
  role: "operator",
});

let t: WebTestClient;
beforeAll(async () => {
  t = await startWebTestClient();
});
afterAll(() => t.stop());
beforeEach(() => {
  t.sink.events.length = 0;
});

/** What a person would type to produce `data`: the reverse of each field's kind. */
function typed(fields: readonly FormField[], data: unknown, tzOffset = 0): FormData {
  const form = new FormData();
  form.set("tzOffset", String(tzOffset));
  for (const field of fields) {
    const value = field.name.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], data);
    if (value === undefined) continue;
    if (field.kind === "money") form.set(field.name, ((value as number) / 100).toFixed(2));
    else if (field.kind === "instant") form.set(field.name, new Date(Date.parse(value as string) - tzOffset * 60_000).toISOString().slice(0, 16));
    else form.set(field.name, typeof value === "string" ? value : JSON.stringify(value));
  }
  return form;
}

/** `data` with instants in the one spelling a form produces (toISOString, milliseconds included). */
function normalised(fields: readonly FormField[], data: unknown): unknown {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const field of fields) if (field.kind === "instant" && typeof copy[field.name] === "string") copy[field.name] = new Date(copy[field.name] as string).toISOString();
  return copy;
}

const forms: Array<[string, StudioForm, { valid: readonly unknown[] }]> = [
  ["submit brief", submitBriefForm, fixtures.briefSubmitted],
  ["edit brief", updateBriefForm, fixtures.briefUpdated],
  ["approve brief", approveBriefForm, fixtures.briefApproved],
  ["withdraw brief", withdrawBriefForm, fixtures.briefWithdrawn],
  ["register asset", registerAssetForm, fixtures.assetUploaded],
  ["issue invoice", issueInvoiceForm, fixtures.invoiceIssued],
  ["mark invoice paid", markInvoicePaidForm, fixtures.invoicePaid],
  ["schedule reminder", scheduleReminderForm, fixtures.reminderScheduledV2],
];

describe("console forms", () => {
  for (const [label, form, fx] of forms) {
    it(`${label}: what a person types for the contract's example sends exactly that event, once`, async () => {
      for (const data of fx.valid) {
        t.sink.events.length = 0;
        const outcome = await submitForm(t.client, form, typed(form.fields, data), NOW, signedInAs(data));
        expect(outcome).toMatchObject({ ok: true });
        const received = await t.received();
        expect(received).toHaveLength(1);
        expect(received[0]).toMatchObject({ name: form.event.name, id: dedupeId(form.event, data as never), data: normalised(form.fields, data) });
      }
    });
  }

  it("reads the budget in major units and sends minor units", async () => {
    const form = typed(submitBriefForm.fields, fixtures.briefSubmitted.valid[0]);
    form.set("budget.amount", "12 500.5");
    const outcome = await submitForm(t.client, submitBriefForm, form, NOW);
    expect(outcome.ok).toBe(true);
    expect((await t.received())[0]?.data).toMatchObject({ budget: { amount: 1_250_050, currency: "EUR" } });
  });

  it("a double submit of the same form sends the same event id (Inngest keeps the first)", async () => {
    const form = typed(submitBriefForm.fields, fixtures.briefSubmitted.valid[0]);
    await Promise.all([submitForm(t.client, submitBriefForm, form, NOW), submitForm(t.client, submitBriefForm, form, NOW)]);
    const ids = t.sink.events.map((e) => e.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids)).toEqual(new Set(["studio/brief.submitted@1:brief_01"]));
  });

  it("a double submit of the same edit sends the same event id (the revision is in the form)", async () => {
    const form = typed(updateBriefForm.fields, fixtures.briefUpdated.valid[0]);
    await Promise.all([submitForm(t.client, updateBriefForm, form, NOW), submitForm(t.client, updateBriefForm, form, NOW)]);
    expect(new Set(t.sink.events.map((e) => e.id))).toEqual(new Set([dedupeId(updateBriefForm.event, fixtures.briefUpdated.valid[0])]));
  });

  it("an edit with a blank title leaves the title out; a blank description is refused naming it", async () => {
    const form = typed(updateBriefForm.fields, fixtures.briefUpdated.valid[0]);
    form.set("encrypted.title", "  ");
    expect((await submitForm(t.client, updateBriefForm, form, NOW)).ok).toBe(true);
    expect((await t.received())[0]?.data).toEqual({ ...fixtures.briefUpdated.valid[0], encrypted: { description: fixtures.briefUpdated.valid[0].encrypted.description } });
    t.sink.events.length = 0;
    form.set("encrypted.description", "");
    const refused = await submitForm(t.client, updateBriefForm, form, NOW);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(Object.keys(refused.state.fieldErrors)).toEqual(["encrypted.description"]);
    expect(t.sink.events).toEqual([]);
  });

  it("names every bad field, keeps what was typed and sends nothing", async () => {
    const form = typed(submitBriefForm.fields, fixtures.briefSubmitted.valid[0]);
    form.set("title", "");
    form.set("budget.amount", "12.345");
    form.set("encrypted.contactEmail", "ada-at-example");
    form.set("dueDate", "2027-02-30");
    const outcome = await submitForm(t.client, submitBriefForm, form, NOW);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.state.status).toBe("invalid");
    expect(Object.keys(outcome.state.fieldErrors).sort()).toEqual(["budget.amount", "dueDate", "encrypted.contactEmail", "title"]);
    expect(outcome.state.fieldErrors["budget.amount"]).toMatch(/two decimals/);
    expect(outcome.state.message).toMatch(/Nothing was sent/);
    expect(outcome.state.values["encrypted.contactEmail"]).toBe("ada-at-example");
    expect(outcome.state.values["encrypted.description"]).toBe(fixtures.briefSubmitted.valid[0].encrypted.description);
    expect(t.sink.events).toEqual([]);
  });

  it("refuses a reminder in the past, and reads the time in the browser's time zone", async () => {
    const past = typed(scheduleReminderForm.fields, { ...fixtures.reminderScheduledV2.valid[0], sendAt: "2026-05-31T08:00:00.000Z" });
    const refused = await submitForm(t.client, scheduleReminderForm, past, NOW);
    expect(refused).toMatchObject({ ok: false, state: { fieldErrors: { sendAt: "Pick a time in the future." } } });
    expect(t.sink.events).toEqual([]);

    // 09:00 typed in UTC+2 (getTimezoneOffset() = -120) is 07:00Z.
    const form = typed(scheduleReminderForm.fields, fixtures.reminderScheduledV2.valid[0]);
    form.set("sendAt", "2027-04-01T09:00");
    form.set("tzOffset", "-120");
    const sent = await submitForm(t.client, scheduleReminderForm, form, NOW);
    expect(sent.ok).toBe(true);
    expect(t.sink.events[0]).toMatchObject({ ts: Date.parse("2027-04-01T07:00:00.000Z"), data: { sendAt: "2027-04-01T07:00:00.000Z" } });
  });

  it("schedules a reminder typed by channel (v2): only the chosen channel's target is sent, and a missing one is named", async () => {
    const [email, webhook] = fixtures.reminderScheduledV2.valid;
    // A webhook reminder with an address left in the email input: the address is not sent.
    const form = typed(scheduleReminderForm.fields, webhook);
    form.set("encrypted.target.address", "ada@example.com");
    const sent = await submitForm(t.client, scheduleReminderForm, form, NOW);
    expect(sent.ok).toBe(true);
    const [received] = await t.received();
    expect(received).toMatchObject({ v: "2" });
    expect((received?.data as typeof webhook).encrypted.target).toEqual({ channel: "webhook", url: webhook.encrypted.target.url });
    // An email reminder whose address is blank: refused, naming the address input.
    t.sink.events.length = 0;
    const blank = typed(scheduleReminderForm.fields, email);
    blank.delete("encrypted.target.address");
    const refused = await submitForm(t.client, scheduleReminderForm, blank, NOW);
    expect(refused).toMatchObject({ ok: false });
    if (!refused.ok) expect(Object.keys(refused.state.fieldErrors)).toEqual(["encrypted.target.address"]);
    expect(t.sink.events).toEqual([]);
  });

  it("marks an invoice paid now when no time is given", async () => {
    const form = new FormData();
    form.set("invoiceId", "invoice_2027_001");
    const outcome = await submitForm(t.client, markInvoicePaidForm, form, NOW);
    expect(outcome.ok).toBe(true);
    expect((await t.received())[0]?.data).toEqual({ invoiceId: "invoice_2027_001", paidAt: NOW.toISOString() });
  });

  it("says what to check, and keeps the values, when Inngest cannot be reached", async () => {
    const down = await startWebTestClient();
    await down.stop();
    const outcome = await submitForm(down.client, approveBriefForm, typed(approveBriefForm.fields, fixtures.briefApproved.valid[0]), NOW, signedInAs(fixtures.briefApproved.valid[0]));
    expect(outcome).toMatchObject({ ok: false, state: { status: "failed", values: { briefId: "brief_01" } } });
    if (!outcome.ok) expect(outcome.state.message).toMatch(/safe to try again/);
  });

  it("takes the approver from the session, whatever the browser posts as approvedBy", async () => {
    const form = typed(approveBriefForm.fields, fixtures.briefApproved.valid[0]);
    form.set("approvedBy", "someone_else"); // a forged input
    const outcome = await submitForm(t.client, approveBriefForm, form, NOW, signedInAs({ approvedBy: "user_grace" }));
    expect(outcome.ok).toBe(true);
    expect((await t.received())[0]?.data).toMatchObject({ briefId: "brief_01", approvedBy: "user_grace" });
    await expect(submitForm(t.client, approveBriefForm, form, NOW)).rejects.toThrow(/takes data from the session/);
  });
});
