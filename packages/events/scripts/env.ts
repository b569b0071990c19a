// The only place the events scripts read the environment.
const baseRef = process.env.EVENTS_BASE_REF?.trim();
export const env = {
  /**
   * The base branch the gate must compare with, or undefined outside CI. In CI (CI=true), or
   * whenever EVENTS_BASE_REF is set (`.ci/run` sets it), the base is required: missing, it fails.
   */
  base: baseRef || (["1", "true"].includes((process.env.CI ?? "").toLowerCase()) ? "origin/main" : undefined),
};
