import { randomBytes } from "node:crypto";
import { startStack, type AppName, type Stack } from "@studio/dev-server";
import { TEST_ENCRYPTION_KEY } from "@studio/middleware/testing";
import { startSideEffects, type SideEffects } from "./side-effects.ts";

/**
 * An API token with every scope for the web app's JSON API (POST /api/events/<event>): the web app
 * creates it at start from STUDIO_DEV_API_TOKEN, as it does on any developer machine.
 */
export const WEB_API_TOKEN = `studio_faults-${randomBytes(16).toString("hex")}`;
/** Headers of a machine posting JSON to the web app with WEB_API_TOKEN. */
export const webApiHeaders = { "content-type": "application/json", authorization: `Bearer ${WEB_API_TOKEN}` };

export type FaultStack = { stack: Stack; fx: SideEffects; stop: () => Promise<void> };

type AppEnv = Partial<Record<AppName, Record<string, string>>>;

/**
 * The apps as real processes behind a real Dev Server (dev mode), with every outside service (and
 * the AI app's model) pointed at one local side-effects service that counts what happened. All
 * apps share one encryption key (the worker encrypts what it hands the AI app). `env` adds or
 * overrides variables per app; `urls` gives it the stack's URLs (e.g. the Dev Server's).
 */
export async function startFaultStack(opts: {
  apps: AppName[];
  env?: (fx: SideEffects, urls: { devServer: string } & Partial<Record<AppName, string>>) => AppEnv;
  /** Seconds between the Dev Server's retries (default 1; crash suites need time to restart an app). */
  retryIntervalSeconds?: number;
  readyTimeoutMs?: number;
}): Promise<FaultStack> {
  const fx = await startSideEffects();
  const shared = { STUDIO_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, LOG_LEVEL: "warn" };
  let stack: Stack;
  try {
    stack = await startStack({
      apps: opts.apps,
      readyTimeoutMs: opts.readyTimeoutMs,
      ...(opts.retryIntervalSeconds ? { devServer: { retryIntervalSeconds: opts.retryIntervalSeconds } } : {}),
      env: (urls) => {
        const extra = opts.env?.(fx, urls) ?? {};
        return {
          // Its own Next output folder, so this suite can run beside `pnpm dev` or another suite.
          web: { ...shared, STUDIO_NEXT_DIST_DIR: ".next/faults", STUDIO_DEV_API_TOKEN: WEB_API_TOKEN, ...extra.web },
          worker: { ...shared, ...fx.workerEnv, ...extra.worker },
          ai: { ...shared, ...fx.aiEnv("infer"), ...extra.ai },
        };
      },
    });
  } catch (error) {
    await fx.stop();
    throw error;
  }
  return {
    stack,
    fx,
    stop: async () => {
      await stack.stop();
      await fx.stop();
    },
  };
}
