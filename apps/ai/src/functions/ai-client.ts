import type { inngest } from "../client.ts";

/** The app's Inngest client type; functions are built on it (tests pass the same client). */
export type AiClient = typeof inngest;
