import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type SentEvent = { name: string; data?: Record<string, unknown>; id?: string; ts?: number };

export type EventSink = {
  /** Use as INNGEST_DEV (dev mode) so the client sends here: `http://127.0.0.1:<port>`. */
  url: string;
  /** Every event received, in order, exactly as sent over the wire. */
  events: SentEvent[];
  stop: () => Promise<void>;
};

/**
 * A local stand-in for the Inngest event API (POST /e/<key>), on 127.0.0.1 with an ephemeral
 * port. It records what a client really sends (after middleware such as encryption) and answers
 * like the Dev Server. For tests that must see the wire format; use the real Dev Server
 * (@studio/dev-server) for end-to-end tests.
 */
export async function startEventSink(): Promise<EventSink> {
  const events: SentEvent[] = [];
  let counter = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method !== "POST" || !req.url?.startsWith("/e/")) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found", status: 404 }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as SentEvent | SentEvent[];
      const batch = Array.isArray(body) ? body : [body];
      events.push(...batch);
      const ids = batch.map((e) => e.id ?? `sink-${++counter}`);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ids, status: 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    events,
    stop: () => new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
