// The only place this package reads process.env.
const env = process.env;

export const faultsEnv = {
  /** PATH for the child processes started with a clean environment (the conformance runner). */
  path: env.PATH ?? "",
  /** How many events the load scenario sends (default 1000; at least 1000 for the documented figures). */
  loadEvents: Number(env.STUDIO_E2E_LOAD_EVENTS || 1000),
};
