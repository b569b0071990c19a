import type { Options } from "tsup";

type EsbuildPlugin = NonNullable<Options["esbuildPlugins"]>[number];

/**
 * Resolves `import`s of the given packages to their CommonJS build: for packages whose ESM build
 * is broken. libsodium-wrappers 0.7.16's imports a file that its package does not contain, so
 * @studio/middleware's load-secretbox.ts imports it here and the bundle holds the CommonJS build,
 * the same file @inngest/middleware-encryption require()s (one copy).
 */
export function preferCjsPlugin(packages: readonly string[]): EsbuildPlugin {
  const escaped = packages.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  const filter = new RegExp(`^(?:${escaped.join("|")})$`);
  return {
    name: "studio:prefer-cjs",
    setup(build) {
      build.onResolve({ filter }, async (args) => {
        if (args.kind !== "import-statement" && args.kind !== "dynamic-import") return undefined;
        const cjs = await build.resolve(args.path, { kind: "require-call", resolveDir: args.resolveDir, importer: args.importer });
        if (cjs.errors.length > 0) return undefined;
        return { path: cjs.path, external: cjs.external, sideEffects: cjs.sideEffects, namespace: cjs.namespace };
      });
    },
  };
}
