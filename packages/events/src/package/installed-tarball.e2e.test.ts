import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The package as another team gets it: built and packed, the tarball installed with npm into an
// empty project, compiled there by tsc in strict mode with nodenext resolution, and run with node.
// Offline and quick: zod (its one dependency) is packed from the workspace's copy and installed
// from that tarball too, and the inngest the team would bring as the peer is the workspace's copy
// linked in (npm would otherwise download inngest's ~300 dependencies on every run).
const packageDir = join(import.meta.dirname, "..", "..");
const bin = (name: string) => join(packageDir, "node_modules", ".bin", name);
const run = (command: string, args: string[], cwd: string, timeout = 120_000) =>
  execFileSync(command, args, { cwd, encoding: "utf8", timeout, stdio: ["ignore", "pipe", "pipe"] });

let dir: string;
let project: string;
let installed: { peerDependencies?: Record<string, string> };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "events-installed-"));
  project = join(dir, "consumer");
  run(bin("tsup"), ["--silent"], packageDir);
  const { filename: tarball } = JSON.parse(run("pnpm", ["pack", "--json", "--pack-destination", dir], packageDir)) as { filename: string };
  const workspaceCopy = (name: string) => realpathSync(join(packageDir, "node_modules", name));
  // An npm tarball is the package folder as `package/`, gzipped; files, not the store's hard links (npm pack itself trips over the store).
  const zod = join(dir, "zod.tgz");
  run("tar", ["--hard-dereference", "-czf", zod, "-C", dirname(workspaceCopy("zod")), "--transform", `s,^${basename(workspaceCopy("zod"))},package,`, basename(workspaceCopy("zod"))], dir);
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "another-team", private: true, type: "module", dependencies: { "@studio/events": `file:${tarball}`, zod: `file:${zod}` } }, null, 2),
  );
  // skipLibCheck as most teams have it: a declaration that does not resolve under nodenext still
  // shows, as the consumer's types turn to any or unknown (consumer.ts asserts against that).
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", target: "es2023", outDir: "out", types: [], skipLibCheck: true },
      include: ["*.ts"],
    }),
  );
  for (const file of ["consumer.ts", "validate.ts"]) copyFileSync(join(packageDir, "package-check", file), join(project, file));
  // --legacy-peer-deps: the peer is linked in below instead of fetched.
  run("npm", ["install", "--offline", "--legacy-peer-deps", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], project);
  symlinkSync(workspaceCopy("inngest"), join(project, "node_modules", "inngest"), "dir");
  installed = JSON.parse(readFileSync(join(project, "node_modules", "@studio", "events", "package.json"), "utf8")) as typeof installed;
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the packed package, installed with npm in an empty project", () => {
  it("asks for inngest as a range of 4.x, not the workspace's exact pin", () => {
    expect(installed.peerDependencies?.["inngest"]).toMatch(/^\^4\.\d+\.\d+$/);
  });

  it("type-checks a consumer with tsc strict and nodenext (events, invoke, fixtures, a rejected bad payload)", () => {
    let output: string;
    try {
      output = run(bin("tsc"), ["-p", "tsconfig.json"], project);
    } catch (error) {
      output = `${(error as { stdout?: string }).stdout ?? ""}${(error as { stderr?: string }).stderr ?? String(error)}`;
    }
    expect(output).toBe("");
  });

  it("validates with validate(): the example passes, a bad email is named", () => {
    const printed = JSON.parse(run("node", [join(project, "out", "validate.js")], project, 30_000)) as unknown;
    expect(printed).toEqual({ accepted: "studio/brief.submitted", rejected: { event: "studio/brief.submitted", paths: ["data.encrypted.contactEmail"] } });
  });
});
