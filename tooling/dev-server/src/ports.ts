import net from "node:net";

/** Resolves true when nothing listens on 127.0.0.1:port. */
export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Asks the OS for a free port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Fails loudly, naming the port and its purpose, when a port is already taken. */
export async function assertPortFree(port: number, what: string): Promise<void> {
  if (!(await isPortFree(port))) {
    throw new Error(
      `Port ${port} (${what}) is already in use on 127.0.0.1. Stop whatever is listening there ` +
        `(e.g. \`lsof -i :${port}\` or \`ss -ltnp | grep ${port}\`) and try again.`,
    );
  }
}

/**
 * A free port on 127.0.0.1, kept listening until `release()`: for a port that is handed out long
 * before its server starts (the Dev Server's, given to the apps that start first, which can take
 * minutes on a busy machine). Without the hold, anything else asking the OS for a free port in the
 * meantime may be given it, and the server then fails with "address already in use".
 */
export function reservePort(): Promise<{ port: number; release: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, () => {
      const address = server.address();
      if (typeof address !== "object" || !address) return reject(new Error("no port"));
      let released: Promise<void> | undefined;
      const release = () => (released ??= new Promise<void>((done) => server.close(() => done())));
      resolve({ port: address.port, release });
    });
  });
}
