import { randomBytes } from "node:crypto";
import { serve } from "inngest/edge";
import type { z } from "zod";
import { createStudioClient, type StudioClientEnv } from "../client.ts";
import { parseEnv } from "../config/parse-env.ts";
import { decryptAll } from "../encryption/decrypt-all.ts";
import { secretFieldNames } from "../secrets/secret.ts";
import { collectLogLines } from "./collect-log-lines.ts";
import { memorySentryTransport, type MemorySentry } from "./memory-sentry-transport.ts";
import { runThroughServeHandler } from "./run-through-serve-handler.ts";
import { startEventSink } from "./start-event-sink.ts";

/** Everything a Studio app sends out of its process, each as one text to search. */
export const LEAK_CHANNELS = [
  "log lines",
  "Sentry events",
  "what the SDK answers Inngest (step outputs, run errors)",
  "step outputs, decrypted",
  "run output, decrypted",
  "sent events, decrypted",
] as const;
export type LeakChannel = (typeof LEAK_CHANNELS)[number];

export type SecretLeakReport = {
  /** Every variable the schema declares secret, with the value(s) planted in it. */
  planted: Record<string, string[]>;
  /** "<VARIABLE> in <channel>" for every planted value found somewhere it must not be. */
  leaks: string[];
  /** Channels where the non-secret control value did NOT show up (the scan would have missed a leak there). */
  blind: LeakChannel[];
};

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

/** Values of the shapes secret variables take; the first one the variable's own schema accepts is planted. */
const candidates = (name: string): string[] => [
  `signkey-prod-${hex(32)}`,
  `planted-${name.toLowerCase()}-${hex(12)}`,
  randomBytes(32).toString("base64"),
  `https://planted${hex(12)}@o1.ingest.sentry.io/4242`,
  `https://planted-${hex(8)}.example.com/hook/${hex(12)}`,
  `${randomBytes(32).toString("base64")},${randomBytes(32).toString("base64")}`,
  `postgres://planted:${hex(12)}@db-${hex(6)}.example.com:5432/studio`,
];

function plantedStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(plantedStrings);
  return [];
}

/**
 * Plants a distinct value in every variable `schema` declares secret, starts the app's Studio
 * client from that env (parsed by parseEnv, as the app's env.ts does), and runs two functions
 * through the real serve handler that try to leak every planted value: into log lines (message
 * and fields), a Sentry message and exception, a step output, the run's result, a sent event
 * (plain and encrypted fields), a step error with a cause, and the failed run's error. Then it
 * searches everything that left the process, decrypting what is encrypted, for each value.
 *
 * A non-secret control value travels the same paths; a channel where it does not appear is
 * reported as blind, so a passing scan cannot come from a channel that captured nothing.
 *
 * `env` is the rest of a valid environment for the app (its INNGEST_DEV is replaced by a local
 * event sink). `undeclared` names plain variables to plant as well, for tests of the scan itself:
 * they are expected to leak everywhere.
 */
export async function plantSecretsAndScan(opts: {
  app: string;
  schema: z.ZodType;
  env: Record<string, string>;
  undeclared?: string[];
  /** Reuse one per test file (Sentry is process-wide). */
  sentry?: MemorySentry;
}): Promise<SecretLeakReport> {
  const shape = (opts.schema as unknown as { shape: Record<string, z.ZodType> }).shape;
  const names = secretFieldNames(opts.schema);
  if (names.length === 0) throw new Error(`${opts.app}: the env schema declares no secret variables`);

  const raw: Record<string, string> = {};
  const planted: Record<string, string[]> = {};
  for (const name of [...names, ...(opts.undeclared ?? [])]) {
    const accepted = candidates(name)
      .map((text) => ({ text, parsed: shape[name]!.safeParse(text) }))
      .find(({ parsed }) => parsed.success && plantedStrings(parsed.data).length > 0);
    if (!accepted?.parsed.success) throw new Error(`${opts.app}: found no value that ${name}'s schema accepts`);
    raw[name] = accepted.text;
    planted[name] = plantedStrings(accepted.parsed.data);
  }

  const sink = await startEventSink();
  const logs = collectLogLines();
  const sentry = opts.sentry ?? memorySentryTransport();
  sentry.clear();
  try {
    const env = parseEnv(opts.app, opts.schema, { ...opts.env, ...raw, INNGEST_DEV: sink.url, LOG_LEVEL: "trace" }) as StudioClientEnv;
    const client = createStudioClient({ id: opts.app, env, logDestination: logs.destination, sentryTransport: sentry.transport });

    const control = `control-${hex(8)}`;
    const values = Object.values(planted).flat();
    const text = `${control} ${values.join(" | ")}`;
    const leaky = client.createFunction({ id: "leak-everything", retries: 0, triggers: { event: "t/leak" } }, async ({ step, logger, sentry: s }) => {
      logger.info({ values, note: text }, `starting with ${text}`);
      const echoed = await step.run("echo", () => ({ text, values }));
      s.captureMessage(`captured ${text}`);
      await step.sendEvent("forward", { name: "t/leaked", data: { plain: text, encrypted: { text } } });
      return { echoed, text };
    });
    const failing = client.createFunction({ id: "leak-by-failing", retries: 0, triggers: { event: "t/fail" } }, async ({ step }) => {
      await step.run("throws", () => {
        throw new Error(`step failed: ${text}`, { cause: new Error(`because ${text}`) });
      });
    });
    const handler = serve({ client, functions: [leaky, failing] });
    const completed = await runThroughServeHandler({ functionSlug: `${opts.app}-leak-everything`, event: { name: "t/leak", data: {} }, maxAttempts: 1, handler });
    const failed = await runThroughServeHandler({ functionSlug: `${opts.app}-leak-by-failing`, event: { name: "t/fail", data: {} }, maxAttempts: 1, handler });
    if (completed.status !== "Completed" || failed.status !== "Failed") {
      throw new Error(`the leak runs ended ${completed.status} / ${failed.status}, expected Completed / Failed`);
    }

    const key = env.STUDIO_ENCRYPTION_KEY!;
    const channels: Record<LeakChannel, string> = {
      "log lines": logs.text(),
      "Sentry events": sentry.raw.join("\n"),
      "what the SDK answers Inngest (step outputs, run errors)": JSON.stringify([completed.responses, failed.responses]),
      "step outputs, decrypted": JSON.stringify(await decryptAll([completed.steps, failed.steps], [key])),
      "run output, decrypted": JSON.stringify(await decryptAll(completed.output, [key])),
      "sent events, decrypted": JSON.stringify(await decryptAll(sink.events, [key])),
    };
    const leaks: string[] = [];
    for (const [channel, content] of Object.entries(channels)) {
      for (const [name, plantedValues] of Object.entries(planted)) {
        if (plantedValues.some((value) => content.includes(value))) leaks.push(`${name} in ${channel}`);
      }
    }
    const blind = LEAK_CHANNELS.filter((channel) => !channels[channel].includes(control));
    return { planted, leaks, blind };
  } finally {
    await sink.stop();
  }
}
