// Checks the package as it would be published: tarball contents, the rewritten exports map, that
// dist exposes the same runtime exports as src, and that a consumer type-checks against dist/*.d.ts.
// Run after `tsup` (the `lint` script does both).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { packageDir } from "./paths.ts";

const problems: string[] = [];
const tmp = mkdtempSync(join(tmpdir(), "events-pack-"));
try {
  const packed = JSON.parse(
    execFileSync("pnpm", ["pack", "--json", "--pack-destination", tmp], { cwd: packageDir, encoding: "utf8" }),
  ) as { filename: string; files: Array<{ path: string }> };
  const files = packed.files.map((f) => f.path);
  const allowed = /^(dist\/|schemas\/|README\.md$|package\.json$|LICENSE$|CHANGELOG\.md$)/;
  for (const file of files.filter((f) => !allowed.test(f))) problems.push(`tarball contains ${file} (files should be limited)`);

  execFileSync("tar", ["-xzf", packed.filename, "-C", tmp, "package/package.json"]);
  const manifest = JSON.parse(readFileSync(join(tmp, "package", "package.json"), "utf8")) as {
    exports: Record<string, string | Record<string, string>>;
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  for (const [entry, target] of Object.entries(manifest.exports)) {
    const targets = typeof target === "string" ? { default: target } : target;
    const keys = Object.keys(targets);
    if (keys.includes("types") && keys[0] !== "types") problems.push(`exports["${entry}"]: "types" must come first`);
    for (const path of Object.values(targets)) {
      if (!files.includes(path.replace(/^\.\//, ""))) problems.push(`exports["${entry}"] → ${path} is not in the tarball`);
    }
  }
  for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies })) {
    if (/^(workspace|catalog):/.test(range)) problems.push(`published dependency ${name}@${range} was not rewritten`);
  }
  // A peer pinned exactly (the catalog's pin, rewritten into the tarball) conflicts with every other version a team has.
  for (const [name, range] of Object.entries(manifest.peerDependencies ?? {})) {
    if (/^=?\d+\.\d+\.\d+(-[\w.]+)?$/.test(range)) problems.push(`published peer dependency ${name}@${range} is an exact version: publish a range (e.g. ^${range.replace(/^=/, "")})`);
  }

  for (const [dist, src] of [["dist/index.js", "src/index.ts"], ["dist/fixtures/index.js", "src/fixtures/index.ts"]] as const) {
    const built = Object.keys((await import(pathToFileURL(join(packageDir, dist)).href)) as object).sort();
    const source = Object.keys((await import(pathToFileURL(join(packageDir, src)).href)) as object).sort();
    if (JSON.stringify(built) !== JSON.stringify(source)) problems.push(`${dist} exports [${built.join(", ")}] but ${src} exports [${source.join(", ")}]`);
  }

  try {
    execFileSync(join(packageDir, "node_modules", ".bin", "tsc"), ["-p", "package-check/tsconfig.json", "--noEmit"], {
      cwd: packageDir,
      encoding: "utf8",
    });
  } catch (error) {
    problems.push(`a consumer does not type-check against dist/*.d.ts:\n${(error as { stdout?: string }).stdout ?? String(error)}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`check-package: ${problems.length} problem(s)\n- ${problems.join("\n- ")}`);
  process.exitCode = 1;
} else {
  console.log("check-package: tarball, exports map, runtime exports and published types are consistent");
}
