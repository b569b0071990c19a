import { randomUUID } from "node:crypto";
import { assetProcessedFixtures, assetUploadedFixtures, invoiceIssuedFixtures, reminderScheduledFixtures } from "@studio/events/fixtures";
import { eventually } from "@studio/dev-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maxInFlight, mostWithin } from "../testing/in-flight.ts";
import { type Received } from "../testing/outside-services.ts";
import { endedRun, redeployWorker, runResult, startWorkerStack, type WorkerStack } from "./stack.ts";

// Every flow-control promise of the worker, observed on the real Dev Server and measured at the
// local test services (which record when each call arrived and was answered). Limits and periods
// are shortened through the environment so the suite takes seconds.
const RENDITION_RUNS_PER_PERIOD = 3; // RENDITION_RATE 9 calls / 3 sizes
const RENDITION_PERIOD_MS = 4000;
const EMAIL_CONCURRENCY = 2;
const BATCH_SIZE = 3;
const BATCH_TIMEOUT_MS = 3000;
const DIGEST_CRON = "TZ=America/New_York 30 8 * * FRI";
const CLIENTS = { a: "client_fc_a", b: "client_fc_b", c: "client_fc_c" } as const;

const figures: string[] = [];
const figure = (line: string) => figures.push(line);

describe("worker flow control on the real Dev Server", () => {
  let w: WorkerStack;
  beforeAll(async () => {
    w = await startWorkerStack({
      apps: ["worker"],
      worker: {
        RENDITION_RATE: `${RENDITION_RUNS_PER_PERIOD * 3}/${RENDITION_PERIOD_MS / 1000}s`,
        EMAIL_CONCURRENCY: String(EMAIL_CONCURRENCY),
        INDEX_BATCH_SIZE: String(BATCH_SIZE),
        INDEX_BATCH_TIMEOUT: `${BATCH_TIMEOUT_MS / 1000}s`,
        INVOICE_REMINDER_INTERVAL: "10s",
        INVOICE_MAX_REMINDERS: "2",
        DIGEST_CRON: DIGEST_CRON,
        DIGEST_CLIENTS: `${CLIENTS.a}=a@fc.example,${CLIENTS.b}=b@fc.example,${CLIENTS.c}=c@fc.example`,
      },
    });
  });
  afterAll(async () => {
    console.info(`[figures] worker flow control:\n  ${figures.join("\n  ")}`);
    await w?.stop();
  });

  const send = (name: string, data: unknown, extra: { id?: string; ts?: number } = {}) => w.stack.api.send({ name, data, ...extra }).then(([id]) => id!);
  const upload = (assetId: string, projectId: string) =>
    send("studio/asset.uploaded", { ...assetUploadedFixtures.valid[0], assetId, projectId, sourceUrl: `https://uploads.example.com/${assetId}.png` });
  const body = <T>(r: Received) => r.body as T;
  const emailsTo = (to: string) => w.services.received("/email").filter((r) => body<{ to: string }>(r).to === to);
  const teamMessages = () => w.services.received("/webhook").map((r) => ({ text: body<{ text: string }>(r).text, at: r.at }));
  const invoice = (overrides: Record<string, unknown>) => ({ ...invoiceIssuedFixtures.valid[0], invoiceId: `invoice_${randomUUID()}`, ...overrides });
  const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

  it(`concurrency 2 per projectId (process-asset): never more than 2 rendition calls of one project at once, and 2 reached`, async () => {
    w.services.reset();
    w.services.slow("/rendition", 1500);
    const p1 = `project_c1_${randomUUID()}`;
    const p2 = `project_c2_${randomUUID()}`;
    const assets = [
      [`asset_${randomUUID()}`, p1],
      [`asset_${randomUUID()}`, p1],
      [`asset_${randomUUID()}`, p2],
    ] as const;
    const events = await Promise.all(assets.map(([a, p]) => upload(a, p)));
    for (const e of events) expect((await endedRun(w.stack, e, 90_000)).status).toBe("COMPLETED");
    const projectOf = new Map<string, string>(assets);
    const calls = (project: string) => w.services.received("/rendition").filter((r) => projectOf.get(body<{ assetId: string }>(r).assetId) === project);
    expect(calls(p1)).toHaveLength(6);
    expect(maxInFlight(calls(p1))).toBe(2);
    expect(maxInFlight(calls(p2))).toBe(2);
    // Per key, not global: the two projects' calls overlapped.
    const all = maxInFlight(w.services.received("/rendition"));
    expect(all).toBeGreaterThan(2);
    figure(`concurrency 2 per project: max in flight ${maxInFlight(calls(p1))} over ${calls(p1).length} calls of one project (3 parallel sizes × 2 runs); ${all} across two projects`);
  });

  it(`throttle ${RENDITION_RUNS_PER_PERIOD} runs per ${RENDITION_PERIOD_MS / 1000}s (process-asset, from RENDITION_RATE): the first runs start at once, the rest spaced out, none dropped`, async () => {
    w.services.reset();
    const assets = Array.from({ length: 7 }, () => `asset_${randomUUID()}`);
    const sentAt = Date.now();
    // One project each, so the per-project concurrency plays no part.
    const events = await Promise.all(assets.map((a) => upload(a, `project_${a}`)));
    for (const e of events) expect((await endedRun(w.stack, e, 90_000)).status).toBe("COMPLETED");
    // When each run started, from its trace.
    const starts = await Promise.all(
      events.map(async (e) => {
        const [run] = await w.stack.api.runsForEvent(e);
        const { runTrace } = await w.stack.api.graphql<{ runTrace: { startedAt: string } }>("query($id: String!) { runTrace(runID: $id) { startedAt } }", { id: run!.run_id });
        return Date.parse(runTrace.startedAt);
      }),
    );
    // Inngest's throttle is a GCRA bucket: `limit` runs may start at once, then one every
    // period ÷ limit, so over time no more than `limit` start per period on average.
    const sorted = [...starts].sort((a, b) => a - b);
    const interval = RENDITION_PERIOD_MS / RENDITION_RUNS_PER_PERIOD;
    figure(
      `throttle ${RENDITION_RUNS_PER_PERIOD}/${RENDITION_PERIOD_MS / 1000}s: 7 runs sent at once started at +${sorted.map((t) => t - sentAt).join(", +")} ms ` +
        `(${RENDITION_RUNS_PER_PERIOD} at once, then at least ${Math.round(interval)} ms apart), all completed`,
    );
    for (let k = RENDITION_RUNS_PER_PERIOD; k < sorted.length; k++) {
      expect(sorted[k]! - sorted[0]!).toBeGreaterThanOrEqual((k - RENDITION_RUNS_PER_PERIOD + 1) * interval - 250);
    }
    expect(mostWithin(starts, RENDITION_PERIOD_MS)).toBeLessThan(starts.length);
  });

  it(`batchEvents: up to ${BATCH_SIZE} events, or what came within ${BATCH_TIMEOUT_MS / 1000}s, per projectId (index-assets)`, async () => {
    w.services.reset();
    const pa = `project_ba_${randomUUID()}`;
    const pb = `project_bb_${randomUUID()}`;
    const processed = (projectId: string) => ({ name: "studio/asset.processed", data: { ...assetProcessedFixtures.valid[0], assetId: `asset_${randomUUID()}`, projectId } });
    const sentAt = Date.now();
    await w.stack.api.send([pa, pa, pa, pa, pa, pb, pb].map(processed));
    const about = (p: string) => () => teamMessages().filter((m) => m.text.includes(`ready in project ${p}:`));
    const a = await w.services.waitFor("two announcements for the first project", () => about(pa)().length >= 2 && about(pa)(), 30_000);
    const b = await w.services.waitFor("one announcement for the second project", () => about(pb)().length >= 1 && about(pb)(), 30_000);
    const sizes = (ms: { text: string }[]) => ms.map((m) => Number(/^(\d+) assets? ready/.exec(m.text)?.[1])).sort();
    expect(sizes(a)).toEqual([2, 3]);
    expect(sizes(b)).toEqual([2]);
    // The full batch went at once; the partial ones waited for the batch timeout.
    const full = a.find((m) => m.text.startsWith("3 assets"))!;
    const partials = [...a.filter((m) => m.text.startsWith("2 assets")), ...b];
    for (const m of partials) expect(m.at - sentAt).toBeGreaterThanOrEqual(BATCH_TIMEOUT_MS - 250);
    expect(full.at).toBeLessThan(Math.min(...partials.map((m) => m.at)));
    // Each message names its own project's assets only.
    expect(teamMessages().filter((m) => m.text.includes(pa) && m.text.includes(pb))).toEqual([]);
    figure(
      `batchEvents ${BATCH_SIZE}/${BATCH_TIMEOUT_MS / 1000}s per project: 5+2 events gave batches ${JSON.stringify(sizes(a))} and ${JSON.stringify(sizes(b))}; ` +
        `full batch after ${full.at - sentAt} ms, partial ones after ${partials.map((m) => m.at - sentAt).join(", ")} ms`,
    );
  });

  it(`one email concurrency of ${EMAIL_CONCURRENCY} shared by send-reminder, send-digest and chase-invoice`, async () => {
    w.services.reset();
    w.services.slow("/email", 1500);
    const now = new Date().toISOString();
    const reminders = Array.from({ length: 3 }, (_, i) => ({
      ...reminderScheduledFixtures.valid[0],
      reminderId: `reminder_${randomUUID()}`,
      sendAt: now,
      encrypted: { ...reminderScheduledFixtures.valid[0].encrypted, to: `r${i}@fc.example` },
    }));
    const invoices = [invoice({ dueDate: yesterday(), encrypted: { billingName: "FC", billingEmail: "inv@fc.example" } })];
    const ids = await Promise.all([
      ...reminders.map((r) => send("studio/reminder.scheduled", r)),
      send("studio/digest.requested", { clientId: CLIENTS.a, weekStarting: "2027-03-29" }),
      send("studio/digest.requested", { clientId: CLIENTS.b, weekStarting: "2027-03-29" }),
      ...invoices.map((i) => send("studio/invoice.issued", i)),
    ]);
    await w.services.waitFor("six emails answered", () => w.services.received("/email").filter((r) => r.doneAt).length >= 6, 60_000);
    const emails = w.services.received("/email");
    expect(emails).toHaveLength(6);
    expect(maxInFlight(emails)).toBe(EMAIL_CONCURRENCY);
    figure(`email concurrency ${EMAIL_CONCURRENCY} across 3 functions: max in flight ${maxInFlight(emails)} over ${emails.length} emails (3 reminders, 2 digests, 1 invoice reminder)`);
    for (const id of ids.slice(0, 5)) expect((await endedRun(w.stack, id)).status).toBe("COMPLETED");
    await send("studio/invoice.paid", { invoiceId: invoices[0]!.invoiceId, paidAt: now });
  });

  it("priority: under contention for the email budget, a large invoice's reminder overtakes smaller ones queued before it", async () => {
    w.services.reset();
    w.services.slow("/email", 2000);
    const due = yesterday();
    // Two reminders hold both email slots; four small invoices queue up; then the large one comes.
    const blockers = ["blocker1@fc.example", "blocker2@fc.example"].map((to) => ({
      name: "studio/reminder.scheduled",
      data: { ...reminderScheduledFixtures.valid[0], reminderId: `reminder_${randomUUID()}`, sendAt: new Date().toISOString(), encrypted: { ...reminderScheduledFixtures.valid[0].encrypted, to } },
    }));
    await w.stack.api.send(blockers);
    await w.services.waitFor("both email slots taken", () => w.services.received("/email").length >= EMAIL_CONCURRENCY, 30_000);
    const small = Array.from({ length: 4 }, (_, i) => invoice({ dueDate: due, total: { amount: 1000, currency: "EUR" }, encrypted: { billingName: "S", billingEmail: `small${i}@fc.example` } }));
    const large = invoice({ dueDate: due, total: { amount: 2_000_000, currency: "EUR" }, encrypted: { billingName: "L", billingEmail: "large@fc.example" } });
    await w.stack.api.send(small.map((data) => ({ name: "studio/invoice.issued", data })));
    await new Promise((r) => setTimeout(r, 500));
    await send("studio/invoice.issued", large);
    const firstReminders = () => w.services.received("/email").filter((r) => body<{ subject: string }>(r).subject.startsWith("Reminder 1"));
    await w.services.waitFor("every first reminder", () => firstReminders().length >= 5, 60_000);
    const order = firstReminders().map((r) => body<{ to: string }>(r).to.split("@")[0]!);
    figure(`priority (+120 s for ≥ 10,000.00): queued last, the large invoice's reminder was email ${order.indexOf("large") + 1} of 5 (${order.join(", ")}), overtaking ${order.slice(order.indexOf("large") + 1).length} small invoices queued before it`);
    // First in first out would send it last; it overtook at least two of the four.
    expect(order.slice(order.indexOf("large") + 1).length).toBeGreaterThanOrEqual(2);
    for (const i of [...small, large]) await send("studio/invoice.paid", { invoiceId: i.invoiceId, paidAt: new Date().toISOString() });
  });

  it("cancelOn invoice.paid ends a chase that sleeps until the due date; a payment after a reminder ends it as paid", async () => {
    w.services.reset();
    const sleeping = invoice({ dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), encrypted: { billingName: "Z", billingEmail: "sleeping@fc.example" } });
    const overdue = invoice({ dueDate: yesterday(), encrypted: { billingName: "Z", billingEmail: "overdue@fc.example" } });
    const sleepingId = await send("studio/invoice.issued", sleeping);
    const overdueId = await send("studio/invoice.issued", overdue);
    const [run] = await eventually("the sleeping chase", async () => {
      const listed = await w.stack.api.runsForEvent(sleepingId);
      return listed.length > 0 && listed;
    });
    await w.services.waitFor("the overdue reminder", () => emailsTo("overdue@fc.example")[0], 30_000);
    await send("studio/invoice.paid", { invoiceId: sleeping.invoiceId, paidAt: new Date().toISOString() });
    await send("studio/invoice.paid", { invoiceId: overdue.invoiceId, paidAt: new Date().toISOString() });
    expect((await w.stack.api.waitForRun(run!.run_id)).status).toBe("CANCELLED");
    expect(emailsTo("sleeping@fc.example")).toEqual([]);
    // After a reminder the payment meets both the wait and cancelOn; whichever Inngest matches
    // first ends the run (as paid, or cancelled), and no further reminder goes out.
    const paid = await endedRun(w.stack, overdueId);
    const how = paid.status === "COMPLETED" ? ((await runResult<{ outcome: string }>(w.stack, paid.runId)).outcome) : paid.status;
    expect(["paid", "CANCELLED"]).toContain(how);
    await new Promise((r) => setTimeout(r, 1500));
    expect(emailsTo("overdue@fc.example")).toHaveLength(1);
    // A chase's cancellation is not an intake's: intake-brief-cancelled (filtered on intake-brief's slug) did nothing.
    expect(teamMessages().filter((m) => m.text.startsWith("Intake of brief"))).toEqual([]);
    figure(`cancelOn: invoice.paid during the sleep until the due date → run CANCELLED, 0 reminders; after the first reminder → ended ${how}, 1 reminder`);
  });

  it("a reminder sent with a future ts does nothing before then; one sent early sleeps until sendAt (sleepUntil)", async () => {
    w.services.reset();
    const sendAt = new Date(Date.now() + 5000);
    const reminder = (to: string) => ({
      ...reminderScheduledFixtures.valid[0],
      reminderId: `reminder_${randomUUID()}`,
      sendAt: sendAt.toISOString(),
      encrypted: { ...reminderScheduledFixtures.valid[0].encrypted, to },
    });
    const scheduled = await send("studio/reminder.scheduled", reminder("scheduled@fc.example"), { ts: sendAt.getTime() });
    const early = await send("studio/reminder.scheduled", reminder("early@fc.example"));
    // The early one is running (asleep in sleepUntil); the scheduled one's run waits in the queue
    // for its ts and has run no step.
    const runOf = (eventId: string) =>
      eventually("the reminder's run", async () => {
        const [run] = await w.stack.api.runsForEvent(eventId);
        return run;
      });
    const [earlyRun, scheduledRun] = [await runOf(early), await runOf(scheduled)];
    await eventually("the early run to sleep", async () => (await w.stack.api.status(earlyRun.run_id)) === "RUNNING");
    expect(await w.stack.api.status(scheduledRun.run_id)).toBe("QUEUED");
    expect(w.services.received("/email")).toEqual([]);
    await w.services.waitFor("both reminders", () => emailsTo("scheduled@fc.example")[0] && emailsTo("early@fc.example")[0], 30_000);
    const late = (to: string) => emailsTo(to)[0]!.at - sendAt.getTime();
    expect(late("scheduled@fc.example")).toBeGreaterThanOrEqual(0);
    expect(late("early@fc.example")).toBeGreaterThanOrEqual(0);
    figure(`future ts / sleepUntil: nothing before sendAt; emails ${late("scheduled@fc.example")} ms (ts) and ${late("early@fc.example")} ms (sleepUntil) after it`);
  });

  it("the weekly cron fans out one digest.requested per client; send-digest's rate limit (1 per client per 24h) drops the repeats", async () => {
    w.services.reset();
    // The engine registered the schedule from DIGEST_CRON, zone included.
    const registered = (await w.stack.api.functions()).find((f) => f.slug === "studio-worker-weekly-digest");
    expect(JSON.stringify(registered)).toContain(JSON.stringify(DIGEST_CRON).slice(1, -1));
    const since = Date.now();
    // Run the cron function now, as the dashboard's "Invoke" does.
    await w.stack.api.graphql("mutation { invokeFunction(functionSlug: \"studio-worker-weekly-digest\", data: {}) }");
    const requested = await w.stack.api.waitForEvents("studio/digest.requested", (e) => (e.ts ?? 0) >= since - 1000, { count: 3 });
    const clients = requested.map((e) => e.data["clientId"]).sort();
    expect(clients).toEqual([CLIENTS.a, CLIENTS.b, CLIENTS.c]);
    expect(new Set(requested.map((e) => e.id)).size).toBe(3);
    for (const e of requested) expect(e.id).toBe(`studio/digest.requested@1:${String(e.data["clientId"])}:${String(e.data["weekStarting"])}`);
    // a and b had their digest in the email test: the rate limit drops theirs; c gets one.
    await w.services.waitFor("c's digest", () => emailsTo("c@fc.example")[0], 30_000);
    await new Promise((r) => setTimeout(r, 3000));
    expect(emailsTo("a@fc.example")).toEqual([]);
    expect(emailsTo("b@fc.example")).toEqual([]);
    expect(emailsTo("c@fc.example")).toHaveLength(1);
    figure(`cron fan-out: 1 invocation → ${requested.length} digest.requested (one per client, dedupe ids); rate limit 1/24h per client: clients a, b got 1 email over 2 requests each, c 1 over 1`);
  });

  it("a chase keeps the reminder count and interval it started with across a deploy that changes them", async () => {
    w.services.reset();
    const before = invoice({ dueDate: yesterday(), encrypted: { billingName: "D", billingEmail: "before@fc.example" } });
    const beforeId = await send("studio/invoice.issued", before);
    await w.services.waitFor("the first reminder", () => emailsTo("before@fc.example")[0], 30_000);
    const down = Date.now();
    await redeployWorker(w, { INVOICE_MAX_REMINDERS: "1", INVOICE_REMINDER_INTERVAL: "2s" });
    figure(`redeploy (new version started, synced, old one stopped) took ${Date.now() - down} ms while the chase waited`);
    const after = invoice({ dueDate: yesterday(), encrypted: { billingName: "D", billingEmail: "after@fc.example" } });
    const afterId = await send("studio/invoice.issued", after);
    const [old, fresh] = [await endedRun(w.stack, beforeId), await endedRun(w.stack, afterId)];
    expect([old.status, fresh.status]).toEqual(["COMPLETED", "COMPLETED"]);
    expect(await runResult(w.stack, old.runId)).toMatchObject({ outcome: "escalated", reminders: 2 });
    expect(await runResult(w.stack, fresh.runId)).toMatchObject({ outcome: "escalated", reminders: 1 });
    const subjects = (to: string) => emailsTo(to).map((r) => body<{ subject: string }>(r).subject.slice(0, 15));
    expect(subjects("before@fc.example")).toEqual(["Reminder 1 of 2", "Reminder 2 of 2"]);
    expect(subjects("after@fc.example")).toEqual(["Reminder 1 of 1"]);
  });
});
