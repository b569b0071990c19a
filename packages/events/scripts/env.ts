// The only place the events scripts read the environment.
export const env = {
  /** CI also compares with the default branch (when that ref exists). */
  ci: ["1", "true"].includes((process.env.CI ?? "").toLowerCase()),
  /** The default branch ref to compare with in CI. */
  baseRef: process.env.EVENTS_BASE_REF ?? "origin/main",
};
