import { chromium, type Browser } from "playwright-core";
import { toolingEnv } from "./env.ts";

/**
 * Real headless Chromium for browser tests: the system's package (`apt-get install chromium`) or
 * `STUDIO_E2E_CHROMIUM`, driven by playwright-core (`npx playwright install` needs downloads).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: toolingEnv.chromium, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
}
