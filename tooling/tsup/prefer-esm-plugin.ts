import type { Options } from "tsup";

type EsbuildPlugin = NonNullable<Options["esbuildPlugins"]>[number];

/** The dual packages our bundles must hold once: the CommonJS Inngest middlewares require() them. */
export const ONE_COPY_PACKAGES = ["inngest", "@sentry/core"] as const;

/**
 * Resolves `require("<pkg>")` of the given dual (CommonJS + ESM) packages to their ESM build.
 *
 * @inngest/middleware-encryption and @inngest/middleware-sentry are CommonJS and require()
 * `inngest` and `@sentry/core`, which our own code imports as ESM: without this the bundle held
 * both builds of each (and of their own dependencies: temporal-polyfill, zod/v3, protobuf), about
 * 2 MB evaluated at every cold start, and two copies of the SDK's classes side by side. esbuild
 * can hand a require() caller the ESM module (as a CommonJS-style namespace), so one copy serves
 * both. Measured in docs/benchmarks.md ("Cold start").
 */
export function preferEsmPlugin(packages: readonly string[]): EsbuildPlugin {
  const escaped = packages.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  const filter = new RegExp(`^(?:${escaped.join("|")})(?:/.*)?$`);
  return {
    name: "studio:prefer-esm",
    setup(build) {
      build.onResolve({ filter }, async (args) => {
        if (args.kind !== "require-call") return undefined;
        const esm = await build.resolve(args.path, { kind: "import-statement", resolveDir: args.resolveDir, importer: args.importer });
        if (esm.errors.length > 0) return undefined;
        return { path: esm.path, external: esm.external, sideEffects: esm.sideEffects, namespace: esm.namespace };
      });
    },
  };
}
