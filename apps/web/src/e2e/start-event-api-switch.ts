import { createServer, request as forward, type IncomingMessage, type ServerResponse } from "node:http";
import { connect } from "node:net";

/** A local HTTP proxy in front of the Dev Server whose event API can be switched off. */
export interface EventApiSwitch {
  /** Its URL: give it to an app as INNGEST_DEV. */
  url: string;
  /** Where it forwards (the Dev Server's URL); set before the app first calls it. */
  target: string;
  /** While false, every event send is answered 503 and goes nowhere. */
  up: boolean;
  /** Event sends answered 503 while down, and those forwarded while up. */
  refused: number;
  forwarded: number;
  stop(): Promise<void>;
}

/** An event send of the SDK: `POST /e/<event key>`. */
const isEventSend = (req: IncomingMessage) => req.method === "POST" && (req.url ?? "").startsWith("/e/");

/**
 * Starts the proxy on a free port of 127.0.0.1. Only event sends are switched: the app reaches
 * the Dev Server through the same base URL for everything else (sync, its projections' runs), and
 * the outage under test is "Inngest does not accept events", not "the app is cut off".
 */
export async function startEventApiSwitch(): Promise<EventApiSwitch> {
  const sw: EventApiSwitch = { url: "", target: "", up: true, refused: 0, forwarded: 0, stop: async () => {} };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (isEventSend(req)) {
      if (!sw.up) {
        sw.refused++;
        req.resume();
        res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ error: "event API down (test switch)", status: 503 }));
        return;
      }
      sw.forwarded++;
    }
    const target = new URL(req.url ?? "/", sw.target);
    const upstream = forward(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", (error) => res.writeHead(502, { "content-type": "text/plain" }).end(`proxy: ${error.message}`));
    req.pipe(upstream);
  });
  // WebSocket upgrades (the browser's realtime feed) go through untouched: bytes both ways.
  server.on("upgrade", (req: IncomingMessage, socket, head: Buffer) => {
    const target = new URL(sw.target);
    const upstream = connect(Number(target.port), target.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`, ...Object.entries(req.headers).map(([k, v]) => `${k}: ${k === "host" ? target.host : String(v)}`)];
      upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
      if (head.length) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    const close = () => {
      socket.destroy();
      upstream.destroy();
    };
    upstream.on("error", close);
    socket.on("error", close);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  sw.url = `http://127.0.0.1:${port}`;
  sw.stop = () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections());
  return sw;
}
