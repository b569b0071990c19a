import { mkdir } from "node:fs/promises";
import path from "node:path";
import { launchChromium } from "@studio/dev-server/browser";
import { type Browser, type Page } from "playwright-core";

/** Screenshots of browser tests land here (gitignored; CI keeps them as artifacts). */
export const artifactsDir = path.resolve(import.meta.dirname, "../../test-results");

/** Real headless Chromium (see launchChromium). */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** Saves a full-page screenshot as test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Opens a page and waits until its forms are hydrated (server actions only work after that). */
export async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: "domcontentloaded" });
  const forms = page.locator("form.console-form");
  if ((await forms.count()) > 0) await page.locator('form.console-form[data-hydrated="true"]').first().waitFor();
}

/** The brief form's fields, as typed by an operator. */
export interface BriefFormValues {
  title: string;
  clientId: string;
  dueDate: string;
  budget: string;
  contactName: string;
  contactEmail: string;
  description: string;
}

/** Fills the new-brief form field by field, by label (does not submit it). */
export async function fillBriefForm(page: Page, values: BriefFormValues): Promise<void> {
  await page.getByLabel("Title").fill(values.title);
  await page.getByLabel("Client id").fill(values.clientId);
  await page.getByLabel("Due date").fill(values.dueDate);
  await page.getByLabel("Budget").fill(values.budget);
  await page.getByLabel("Client contact name").fill(values.contactName);
  await page.getByLabel("Client contact email").fill(values.contactEmail);
  await page.getByLabel("Description").fill(values.description);
}

/** The new-invoice form's fields, as typed by an operator (the client id may come prefilled from a project). */
export interface InvoiceFormValues {
  clientId?: string;
  total: string;
  dueDate: string;
  billingName: string;
  billingEmail: string;
}

/** Fills the new-invoice form by label (does not submit it). */
export async function fillInvoiceForm(page: Page, values: InvoiceFormValues): Promise<void> {
  if (values.clientId !== undefined) await page.getByLabel("Client id").fill(values.clientId);
  await page.getByLabel("Total").fill(values.total);
  await page.getByLabel("Due date").fill(values.dueDate);
  await page.getByLabel("Billing name").fill(values.billingName);
  await page.getByLabel("Billing email").fill(values.billingEmail);
}

/** The local admin the web app seeds on a developer machine (and so in every browser suite). */
export const DEV_ADMIN = { email: "admin@studio.local", password: "studio-admin-local" };

/** Signs in on /sign-in with an email and password, and waits to land on `next` (default "/"). */
export async function signIn(page: Page, web: string, who: { email: string; password: string } = DEV_ADMIN, next = "/"): Promise<void> {
  await page.goto(`${web}/sign-in?next=${encodeURIComponent(next)}`, { waitUntil: "domcontentloaded" });
  await page.locator('form[aria-label="Sign in"][data-hydrated="true"]').waitFor();
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname === next.split("?")[0]);
}

/** On /admin (signed in as an admin): adds a user with a role and a password. */
export async function addUser(page: Page, web: string, user: { name: string; email: string; password: string; role: "viewer" | "operator" | "admin" }): Promise<void> {
  await page.goto(`${web}/admin`, { waitUntil: "domcontentloaded" });
  const form = page.locator('form[aria-label="Add a user"][data-hydrated="true"]');
  await form.waitFor();
  await form.getByLabel("Name").fill(user.name);
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Password").fill(user.password);
  await form.getByLabel("Role").selectOption(user.role);
  await form.getByRole("button", { name: "Add user" }).click();
  await form.getByRole("status").filter({ hasText: `Added ${user.name}` }).waitFor();
}

/** On /admin (signed in as an admin): creates an API token for `scopes` and returns it (shown once). */
export async function createToken(page: Page, web: string, name: string, scopes: string[]): Promise<string> {
  await page.goto(`${web}/admin`, { waitUntil: "domcontentloaded" });
  const form = page.locator('form[aria-label="Create a token"][data-hydrated="true"]');
  await form.waitFor();
  await form.getByLabel("Name").fill(name);
  for (const scope of scopes) await form.getByLabel(scope, { exact: true }).check();
  await form.getByRole("button", { name: "Create token" }).click();
  return (await form.getByTestId("new-api-token").innerText()).trim();
}
