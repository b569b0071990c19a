import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./browser.ts";
import { startStudio, warmUp, type Studio } from "./start-studio.ts";

/**
 * OAuth sign-in is switched on by its env (docs/web.md, "Signing in"): the web app runs with a
 * GitHub client configured and no Google client. GitHub is offered and its sign-in starts at
 * GitHub's authorize endpoint with this client id and the app's callback URL; Google is neither
 * offered nor accepted. (No full sign-in: better-auth's GitHub provider exchanges the code at
 * github.com itself, which a test cannot stand in for.)
 */
const GITHUB = { clientId: `Iv1.e2e-${Date.now()}`, clientSecret: "e2e-github-client-secret-not-real" };

describe("OAuth providers, on by env", () => {
  let studio: Studio;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "web-oauth-"));
    studio = await startStudio({
      apps: [],
      env: () => ({
        web: {
          STUDIO_DATA_DIR: dataDir,
          STUDIO_NEXT_DIST_DIR: ".next/e2e-oauth-providers",
          GITHUB_CLIENT_ID: GITHUB.clientId,
          GITHUB_CLIENT_SECRET: GITHUB.clientSecret,
          // Blank is "not set" (env.ts): Google stays off even if the machine's env has it.
          GOOGLE_CLIENT_ID: "",
          GOOGLE_CLIENT_SECRET: "",
        },
      }),
    });
    await warmUp(studio.web, ["/sign-in"]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.stop();
    await rm(dataDir, { recursive: true, force: true });
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
});
