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
