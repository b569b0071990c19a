import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One Sentry event as the sink received it (from an envelope's `event` item). */
export interface SinkedSentryEvent {
  receivedAt: string;
  /** The envelope as sent, for leak checks (personal data, secrets). */
  raw: string;
  exception?: string;
  message?: string;
  tags: Record<string, string>;
  transaction?: string;
}

/**
 * A local stand-in for Sentry's ingest endpoint on 127.0.0.1: the apps of a stack report to it
 * (their SENTRY_DSN points here) and it keeps each event, so the verification report can show the
 * reports real failing runs produced and check what they contain.
 */
export async function startSentrySink() {
  const events: SinkedSentryEvent[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const lines = raw.split("\n");
      for (let i = 1; i + 1 < lines.length; i += 2) {
        try {
          const header = JSON.parse(lines[i] ?? "{}") as { type?: string };
          if (header.type !== "event") continue;
          const event = JSON.parse(lines[i + 1] ?? "{}") as {
            exception?: { values?: Array<{ type?: string; value?: string }> };
            message?: string;
            tags?: Record<string, string>;
            transaction?: string;
          };
          const first = event.exception?.values?.[0];
          events.push({
            receivedAt: new Date().toISOString(),
            raw,
            ...(first ? { exception: `${first.type ?? "Error"}: ${first.value ?? ""}` } : {}),
            ...(event.message ? { message: event.message } : {}),
            tags: event.tags ?? {},
            ...(event.transaction ? { transaction: event.transaction } : {}),
          });
        } catch {
          // Not an event item (sessions, client reports): nothing to keep.
        }
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** A DSN the Sentry SDK accepts (public key, numeric project id) that reports here. */
    dsn: `http://studioe2epublickey@127.0.0.1:${port}/1`,
    events,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type SentrySink = Awaited<ReturnType<typeof startSentrySink>>;
