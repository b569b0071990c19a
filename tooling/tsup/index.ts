import { defineConfig } from "tsup";
import { ONE_COPY_PACKAGES, preferEsmPlugin } from "./prefer-esm-plugin.ts";

/**
 * A self-contained deployable of a Hono app: workspace packages (TypeScript source) and
 * third-party dependencies are bundled in, so dist/ runs without the monorepo's node_modules
 * layout. Some dependencies are CommonJS: the banner gives the ESM bundle a `require`, and the
 * shims give it `__dirname`/`__filename` (libsodium's loader reads them).
 */
export function honoAppBundle() {
  return defineConfig({
    entry: ["src/index.ts", "src/node.ts"],
    format: ["esm"],
    platform: "node",
    target: "node22",
    clean: true,
    // dist/metafile-esm.json: what each output is made of (the cold-start benchmark prints it).
    metafile: true,
    noExternal: [/.*/],
    shims: true,
    // One copy of each SDK: the CommonJS middleware packages get the ESM build of what they require.
    esbuildPlugins: [preferEsmPlugin(ONE_COPY_PACKAGES)],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
}
