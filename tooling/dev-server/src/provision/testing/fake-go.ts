// A stand-in for `go`, for the provisioning tests: `go mod download -json <module>` points at the
// fixture module ($FAKE_GO_MODULE); `go build -o <out> ./cmd` writes a tiny "binary" that says
// whether the web UI was embedded, or, with FAKE_GO_BUILD=hang, compiles forever (to be killed).
import { chmodSync, existsSync, writeFileSync } from "node:fs";
import path from "node:path";

const [command, ...rest] = process.argv.slice(2);
const env = process.env; // eslint-disable-line no-restricted-properties -- a test stand-in for another program, not the package's config
if (command === "mod") {
  console.log(JSON.stringify({ Path: rest.at(-1)?.split("@")[0], Dir: env.FAKE_GO_MODULE }));
} else if (command === "build") {
  if (env.FAKE_GO_PIDFILE) writeFileSync(env.FAKE_GO_PIDFILE, String(process.pid));
  if (env.FAKE_GO_BUILD === "hang") {
    console.error("github.com/inngest/inngest/pkg/devserver");
    setInterval(() => {}, 1e6);
  } else {
    const out = rest[rest.indexOf("-o") + 1]!;
    const ui = existsSync(path.join(process.cwd(), "pkg/devserver/static/client/_shell.html"));
    writeFileSync(out, `#!/bin/sh\necho fake-inngest ${ui ? "with-ui" : "no-ui"}\n`);
    chmodSync(out, 0o755);
  }
} else {
  console.error(`fake go: unsupported command ${command}`);
  process.exit(2);
}
