/** What the benchmarks read from their own environment (the one place this package reads process.env). */
export const benchEnv = {
  /** Fresh processes get only these from the parent, plus what each benchmark gives them. */
  basics: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
  /** Set in the child of reportOutsideStdout: the fd its report goes to. */
  reportFd: process.env.STUDIO_BENCH_REPORT_FD,
  /** The whole environment, for a child that is the same benchmark again. */
  all: () => ({ ...process.env }),
};

/**
 * Puts a deployed app's variables into this process's environment, for benchmarks that import
 * the app in process: its env.ts reads process.env once, at import, so call this first.
 */
export function useEnvironment(vars: Record<string, string>): void {
  Object.assign(process.env, vars);
}

/**
 * A child process's whole environment, exactly `vars`. (Typed through a cast so that packages
 * whose types make ProcessEnv demand NODE_ENV, as Next's do, can still type-check this file.)
 */
export function childEnv(vars: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return Object.assign(Object.create(null) as NodeJS.ProcessEnv, vars);
}
