// The only place the web app's end-to-end tests read process.env.
export const e2eEnv = {
  /** Debian's Chromium (`apt-get install chromium`); `npx playwright install` is not used. */
  chromium: process.env.STUDIO_E2E_CHROMIUM || "/usr/bin/chromium",
  /** Print every app and Dev Server log line while the suite runs. */
  verbose: process.env.STUDIO_E2E_VERBOSE === "1",
};
