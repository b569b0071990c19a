import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A stand-in for the npm registry, on 127.0.0.1, serving one package: studio-fixture-ui-tools,
 * whose bins play the UI build's `graphql-codegen` and `vite` (vite writes dist/client/_shell.html).
 *   "ok"            answers like the registry
 *   "silent"        accepts connections and never answers (a dead proxy)
 *   "untrusted-tls" answers over TLS with a self-signed certificate (a TLS-inspecting proxy whose
 *                   CA the client was not given: what happened when turbo dropped NODE_EXTRA_CA_CERTS)
 */
export type RegistryMode = "ok" | "silent" | "untrusted-tls";

export const FIXTURE_PACKAGE = "studio-fixture-ui-tools";

export interface FixtureRegistry {
  url: string;
  /** Paths requested so far. */
  requests: string[];
  stop(): Promise<void>;
}

export async function startFixtureRegistry(mode: RegistryMode): Promise<FixtureRegistry> {
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const track = (server: net.Server) => server.on("connection", (s: net.Socket) => (sockets.add(s), s.once("close", () => sockets.delete(s))));
  let server: net.Server;
  let scheme = "http";
  if (mode === "silent") {
    server = net.createServer((socket) => {
      requests.push("(connection)");
      socket.on("data", () => {}); // read, never answer
    });
  } else {
    const tarball = fixtureTarball();
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
      requests.push(req.url ?? "");
      const base = `${scheme}://${req.headers.host}`;
      if (req.url === `/${FIXTURE_PACKAGE}`) {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(metadata(base, tarball.integrity)));
      } else if (req.url === `/${FIXTURE_PACKAGE}/-/${FIXTURE_PACKAGE}-1.0.0.tgz`) {
        res.setHeader("content-type", "application/octet-stream");
        res.end(tarball.bytes);
      } else {
        res.statusCode = 404;
        res.end(JSON.stringify({ error: "not found" }));
      }
    };
    if (mode === "untrusted-tls") {
      scheme = "https";
      server = https.createServer(selfSignedCertificate(), handler);
    } else {
      server = http.createServer(handler);
    }
  }
  track(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}/`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function metadata(base: string, integrity: string) {
  const version = {
    name: FIXTURE_PACKAGE,
    version: "1.0.0",
    bin: { "graphql-codegen": "bin/codegen.js", vite: "bin/vite.js" },
    dist: { tarball: `${base}/${FIXTURE_PACKAGE}/-/${FIXTURE_PACKAGE}-1.0.0.tgz`, integrity },
  };
  return { name: FIXTURE_PACKAGE, "dist-tags": { latest: "1.0.0" }, versions: { "1.0.0": version } };
}

let cached: { bytes: Buffer; integrity: string } | undefined;
function fixtureTarball() {
  if (cached) return cached;
  const dir = mkdtempSync(path.join(tmpdir(), "fixture-pkg-"));
  try {
    const pkg = path.join(dir, "package");
    mkdirSync(path.join(pkg, "bin"), { recursive: true });
    writeFileSync(
      path.join(pkg, "package.json"),
      JSON.stringify({ name: FIXTURE_PACKAGE, version: "1.0.0", bin: { "graphql-codegen": "bin/codegen.js", vite: "bin/vite.js" } }),
    );
    writeFileSync(path.join(pkg, "bin/codegen.js"), `#!/usr/bin/env node\nconsole.log("generated");\n`);
    writeFileSync(
      path.join(pkg, "bin/vite.js"),
      `#!/usr/bin/env node\nconst fs = require("fs");\nfs.mkdirSync("dist/client", { recursive: true });\nfs.writeFileSync("dist/client/_shell.html", "<html>fixture UI</html>");\nconsole.log("built");\n`,
    );
    for (const bin of ["codegen.js", "vite.js"]) chmodSync(path.join(pkg, "bin", bin), 0o755);
    execFileSync("tar", ["-czf", path.join(dir, "pkg.tgz"), "-C", dir, "package"]);
    const bytes = readFileSync(path.join(dir, "pkg.tgz"));
    cached = { bytes, integrity: `sha512-${createHash("sha512").update(bytes).digest("base64")}` };
    return cached;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), "fixture-tls-"));
  try {
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")],
      { stdio: "ignore" },
    );
    return { key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
