import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { appIds, briefSubmitted } from "@studio/events";
import { createDecryptor, DEV_ONLY_ENCRYPTION_KEY } from "@studio/middleware";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillBriefForm, launchBrowser, openPage, screenshot, signIn } from "./browser.ts";
import { startEventApiSwitch, type EventApiSwitch } from "./start-event-api-switch.ts";
import { startStudio, warmUp, type Studio } from "./start-studio.ts";

/**
 * "Writes lose nothing" (docs/web.md, Sending events) with a real outage: the web app reaches the
 * Dev Server through a local proxy whose event API answers 503 while down. A brief submitted then
 * is recorded and shown as not sent with a Retry; once the event API is back, Retry delivers it,
 * and neither a double-click on Retry nor a stale second Retry makes a second event or run.
 */
describe("a send Inngest refused, retried from the item page", () => {
  let studio: Studio;
  let gate: EventApiSwitch;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "web-retry-send-"));
    gate = await startEventApiSwitch();
    studio = await startStudio({
      apps: [],
      env: (urls) => {
        gate.target = urls.devServer;
        return { web: { INNGEST_DEV: gate.url, STUDIO_DATA_DIR: dataDir, STUDIO_NEXT_DIST_DIR: ".next/e2e-retry-send" } };
      },
    });
    await warmUp(studio.web, ["/briefs/new", "/briefs/warm-up"]);
    browser = await launchBrowser();
    // One context: a second tab later shares the session.
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(60_000);
    await signIn(page, studio.web);
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.stop();
    await gate?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("records a brief while the event API is down, sends it once on Retry, and a second Retry sends nothing", async () => {
    await openPage(page, `${studio.web}/briefs/new`);
    const briefId = await page.locator('input[name="briefId"]').inputValue();
    const eventId = `${briefSubmitted.name}@1:${briefId}`;
    const mine = async () => (await studio.api.events(briefSubmitted.name)).filter((e) => e.id === eventId);

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
    const refusedBySubmit = gate.refused;
    expect(refusedBySubmit).toBeGreaterThanOrEqual(1);
    expect(gate.forwarded).toBe(0);
    expect(await mine()).toEqual([]);

    // Retry while still down: refused again, still offered, one more attempt counted.
    await item.getByRole("button", { name: "Retry" }).click();
    await page.waitForURL(/\?retried=/);
    await expect.poll(() => item.innerText()).toMatch(/\(2 attempts\)/);
    const refusedInAll = gate.refused;
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
    expect(gate.forwarded).toBe(1);
    expect(gate.refused).toBe(refusedInAll);
    console.info(
      `[figures] web retry-send: event API down → ${refusedBySubmit} sends refused on submit (the SDK's attempts), ${refusedInAll - refusedBySubmit} more on a Retry while down (2 attempts recorded); ` +
        `up → Retry double-clicked + a stale second Retry → ${gate.forwarded} send forwarded, ${copies.length} stored event under ${eventId}, ` +
        `${allRuns.length} ${projection} run (COMPLETED, already projected)`,
    );
  });
});
