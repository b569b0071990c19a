import { defineConfig, mergeConfig, type ViteUserConfig } from "vitest/config";

const E2E = "src/**/*.e2e.test.ts";
const DEPLOY = "src/**/*.deploy.test.ts";

/** Unit tests: fast, in-process, no servers. `*.e2e.test.ts` and `*.deploy.test.ts` files are left to `e2eConfig` and `deployConfig`. */
export function unitConfig(overrides: ViteUserConfig = {}): ViteUserConfig {
  return mergeConfig(
    defineConfig({
      test: {
        include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
        exclude: [E2E, DEPLOY, "**/node_modules/**", "**/dist/**"],
        // A bound on a hung test, not a measure of speed (timings are benchmarks): tests that start a
        // child process took 15-30 s when the 2-core machine ran the whole gate beside other work.
        testTimeout: 60_000,
        hookTimeout: 60_000,
        restoreMocks: true,
      },
    }),
    overrides,
  );
}

/**
 * End-to-end tests: talk to a real Inngest Dev Server and real app processes, which each suite
 * starts in its beforeAll (startStack). Files run one at a time: each starts a whole system.
 */
export function e2eConfig(overrides: ViteUserConfig = {}): ViteUserConfig {
  return mergeConfig(
    defineConfig({
      test: {
        include: [E2E],
        testTimeout: 120_000,
        // Provisioning (the Inngest build) is a step of its own before any suite starts, so a hook
        // waits only for the processes it starts itself (a cold Next.js compile is the slowest).
        hookTimeout: 240_000,
        fileParallelism: false,
      },
    }),
    overrides,
  );
}

/**
 * Deploy checks (the `deploy:check` task): each app's `vercel build` with the pinned CLI, the
 * output checked and a built function served. The app's env is read in dev mode (a test imports
 * the app's settings); the served function gets its own, cloud-mode environment.
 */
export function deployConfig(overrides: ViteUserConfig = {}): ViteUserConfig {
  return mergeConfig(
    defineConfig({
      test: {
        include: [DEPLOY],
        env: { INNGEST_DEV: "1", LOG_LEVEL: "silent" },
        testTimeout: 120_000,
        // A cold `vercel build` (the root install and the app's turbo build) on a loaded 2-core machine.
        hookTimeout: 600_000,
        fileParallelism: false,
      },
    }),
    overrides,
  );
}
