// The only place this package reads process.env.
const env = process.env;

export const deployCheckEnv = {
  /** Handed to the served function: it gets nothing else from this process's environment. */
  path: env.PATH ?? "",
  /** Everything, for the Vercel CLI (it runs the install and build commands, which need the toolchain and network settings). */
  all: (): NodeJS.ProcessEnv => ({ ...env }),
};
