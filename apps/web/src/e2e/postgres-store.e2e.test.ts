import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { briefSubmitted, dedupeId } from "@studio/events";
import { fixtures } from "@studio/events/fixtures";
import { startPostgres, type Postgres } from "@studio/dev-server";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillBriefForm, launchBrowser, openPage, screenshot, signIn } from "./browser.ts";
import { startStudio, warmUp, type Studio } from "./start-studio.ts";

const exec = promisify(execFile);
const webDir = path.resolve(import.meta.dirname, "../..");
const SEEDED = 55;

/**
 * The console on its production driver: a real PostgreSQL server started here (initdb into a temp
 * folder, a free port on 127.0.0.1), migrated by the deploy step (`db:migrate`), node-postgres
 * through DATABASE_URL, the projections run by a real Dev Server. Proves what PGlite cannot:
 * the pg driver, the migrations on a server, and lists that page past 50 items.
 */
describe("web console on a real Postgres server", () => {
  let pg: Postgres;
  let studio: Studio;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    [pg, dataDir] = await Promise.all([startPostgres({ database: "studio_web" }), mkdtemp(path.join(tmpdir(), "web-pg-"))]);
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.stop();
    await pg?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const migrate = () =>
    exec(process.execPath, ["bin/db-migrate.ts"], { cwd: webDir, env: { DATABASE_URL: pg.url, LOG_LEVEL: "silent" }, timeout: 120_000 });
  const count = async (table: string) => Number(await pg.sql(`select count(*) from ${table}`));

  it("is migrated by the deploy step, which says what it applied and is a no-op the second time", async () => {
    const first = await migrate();
    expect(first.stdout).toMatch(/Postgres database studio_web at 127\.0\.0\.1:\d+: applied \d+ migration\(s\)/);
    expect(first.stdout + first.stderr).not.toContain(pg.password);
    expect(await pg.sql("select count(*) > 0 from drizzle.__drizzle_migrations")).toBe("t");
    expect((await migrate()).stdout).toMatch(/up to date/);
    expect(await count("briefs")).toBe(0);
  });

  it("keeps the read model in Postgres: projections of events sent to the Dev Server", async () => {
    studio = await startStudio({
      apps: [],
      env: () => ({ web: { DATABASE_URL: pg.url, STUDIO_DATA_DIR: dataDir, STUDIO_NEXT_DIST_DIR: ".next/e2e-postgres" } }),
    });
    const base = fixtures.briefSubmitted.valid[0];
    const t0 = Date.parse("2026-11-01T09:00:00Z");
    const events = Array.from({ length: SEEDED }, (_, i) => {
      const data = { ...base, briefId: `pg_brief_${String(i).padStart(3, "0")}`, clientId: i % 5 === 0 ? "client_globex" : "client_acme" };
      return { name: briefSubmitted.name, id: dedupeId(briefSubmitted, data), ts: t0 + i * 60_000, data };
    });
    await studio.api.send(events);
    await expect.poll(() => count("briefs"), { timeout: 120_000, interval: 1000 }).toBe(SEEDED);
    // The embedded database was never used: the app ran on DATABASE_URL only.
    expect(await pg.sql("select count(*) from projected_events where item_kind = 'brief'")).toBe(String(SEEDED));
    expect(await pg.sql("select personal::text like '%__ENCRYPTED__%' from briefs limit 1")).toBe("t");
  });

  it("lists every brief, 50 a page, newest first, with filters", async () => {
    await warmUp(studio.web, ["/briefs", "/briefs/new", "/briefs/warm-up"]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    await signIn(page, studio.web); // the local admin, seeded into this Postgres database too
    await openPage(page, `${studio.web}/briefs`);
    const rows = page.locator('[data-testid="brief-list"] tbody tr');
    expect(await page.getByTestId("pager-position").innerText()).toBe(`Page 1 of 2 · ${SEEDED} items`);
    expect(await rows.count()).toBe(50);
    expect(await rows.first().locator("td").first().innerText()).toBe(`pg_brief_${String(SEEDED - 1).padStart(3, "0")}`);
    await page.getByRole("link", { name: "Older →" }).click();
    await page.waitForURL(/page=2/);
    expect(await rows.count()).toBe(SEEDED - 50);
    expect(await rows.last().locator("td").first().innerText()).toBe("pg_brief_000");
    expect(await page.getByTestId("projection-lag").innerText()).toMatch(/last event applied at/);
    await screenshot(page, "postgres-store-1-page-2");

    await openPage(page, `${studio.web}/briefs?q=client_globex`);
    expect(await page.getByTestId("pager-position").innerText()).toBe(`Page 1 of 1 · ${SEEDED / 5} items`);
  }, 300_000); // compiles three pages, launches Chromium and waits for 55 projections: minutes while the gate runs other suites

  it("records a brief sent from the form in Postgres before sending it, and shows it at once", async () => {
    await openPage(page, `${studio.web}/briefs/new`);
    const briefId = await page.locator('input[name="briefId"]').inputValue();
    await fillBriefForm(page, {
      title: "Postgres-backed brief",
      clientId: "client_initech",
      dueDate: "2027-05-31",
      budget: "900",
      contactName: "Grace Hopper",
      contactEmail: "grace@example.com",
      description: "Proves the form's write path on the production driver.",
    });
    await page.getByRole("button", { name: "Submit brief" }).click();
    await page.waitForURL(new RegExp(`/briefs/${briefId}\\?sent=submitted`));
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Postgres-backed brief");
    expect(await page.locator(".facts").first().innerText()).toContain("Grace Hopper <grace@example.com>");
    expect(await pg.sql(`select status from outgoing_events where item_id = '${briefId}'`)).toBe("sent");
    expect(await pg.sql(`select count(*) from briefs where brief_id = '${briefId}' and personal::text not like '%grace@example.com%'`)).toBe("1");
    await screenshot(page, "postgres-store-2-brief");
  });

  it("creates the first admin of a deployment with the create-admin step, who can sign in and open the admin page", async () => {
    const ada = { email: "ada@studio.example", password: "ada-admin-password-1" };
    const createAdmin = (args: string[], password?: string) =>
      exec(process.execPath, ["bin/create-admin.ts", ...args], {
        cwd: webDir,
        env: { DATABASE_URL: pg.url, LOG_LEVEL: "silent", ...(password ? { STUDIO_NEW_ADMIN_PASSWORD: password } : {}) },
        timeout: 120_000,
      });
    const missing = await createAdmin(["--email", ada.email]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(missing?.code).toBe(1);
    expect(missing?.stderr).toContain("give --email and --name");
    const created = await createAdmin(["--email", ada.email, "--name", "Ada Lovelace"], ada.password);
    expect(created.stdout).toMatch(/Created admin Ada Lovelace <ada@studio\.example> \(password set; Postgres database studio_web at 127\.0\.0\.1:\d+\)/);
    expect(created.stdout + created.stderr).not.toContain(ada.password);
    expect(await pg.sql(`select role from auth_user where email = '${ada.email}'`)).toBe("admin");

    const adaPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    adaPage.setDefaultTimeout(60_000);
    await signIn(adaPage, studio.web, ada, "/admin");
    expect(await adaPage.getByRole("heading", { level: 1 }).innerText()).toBe("Admin");
    await adaPage.close();

    // Run again for someone who exists: made an admin, no second account.
    await pg.sql(`update auth_user set role = 'viewer' where email = '${ada.email}'`);
    expect((await createAdmin(["--email", ada.email, "--name", "Ada Lovelace"])).stdout).toMatch(/ada@studio\.example is now an admin/);
    expect(await pg.sql(`select role || ':' || count(*) over () from auth_user where email = '${ada.email}'`)).toBe("admin:1");
  });
});
