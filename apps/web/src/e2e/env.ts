// The only place the web app's end-to-end tests read process.env.
export const e2eEnv = {
  /** Print every app and Dev Server log line while the suite runs. */
  verbose: process.env.STUDIO_E2E_VERBOSE === "1",
};
