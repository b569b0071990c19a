import { writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { ONE_COPY_PACKAGES, preferEsmPlugin } from "@studio/tsup-config/prefer-esm-plugin";

/**
 * Bundles one module the way the Hono apps' deploy build does (@studio/tsup-config: ESM for
 * Node, everything bundled in, a `require` and `__dirname` for the CommonJS parts, one copy of each SDK through
 * the same preferEsmPlugin) into `outdir`, with a
 * metafile beside it. For entries that have no bundle of their own to measure (the web app's
 * serve route, which Next compiles). Returns the output file and the metafile's path.
 */
export async function bundleEntry({ entry, outdir, splitting = true }: { entry: string; outdir: string; splitting?: boolean }) {
  const result = await build({
    entryPoints: [entry],
    outdir,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node22",
    splitting,
    metafile: true,
    logLevel: "warning",
    // As tsup's banner and shims: a `require` for the CommonJS parts, `__dirname`/`__filename` for
    // libsodium's loader (without them its WASM loader throws after the import has returned).
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        "const require = __createRequire(import.meta.url);",
        "const __filename = __fileURLToPath(import.meta.url);",
        "const __dirname = __fileURLToPath(new URL('.', import.meta.url));",
      ].join(" "),
    },
    define: { "import.meta.vitest": "undefined" },
    plugins: [preferEsmPlugin(ONE_COPY_PACKAGES)],
  });
  const metafile = path.join(outdir, "metafile-esm.json");
  writeFileSync(metafile, JSON.stringify(result.metafile));
  // Chunks of dynamic imports have an entryPoint too: take the output of this entry.
  const out = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint && path.resolve(o.entryPoint) === path.resolve(entry))?.[0];
  if (!out) throw new Error(`bundleEntry: esbuild produced no entry output for ${entry}`);
  return { file: path.resolve(out), metafile };
}
