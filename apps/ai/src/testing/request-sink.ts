import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface RequestSink {
  url: string;
  received: Array<{ path: string; body: unknown; headers: Record<string, string | string[] | undefined> }>;
  stop: () => Promise<void>;
}

/** A local HTTP server that answers any POST with 200 (or `status`) and records it with its headers (a stand-in for the team webhook and email API). */
export async function startRequestSink(opts: { status?: number } = {}): Promise<RequestSink> {
  const received: RequestSink["received"] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown;
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = text;
      }
      received.push({ path: (req.url ?? "/").split("?")[0]!, body, headers: req.headers });
      const status = opts.status ?? 200;
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ ok: status < 300, id: `sink-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    stop: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
