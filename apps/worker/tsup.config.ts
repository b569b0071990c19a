import { defineConfig } from "tsup";

// A self-contained deployable: workspace packages (TypeScript source) and third-party
// dependencies are bundled in, so dist/ runs without the monorepo's node_modules layout.
// Some dependencies are CommonJS and call require(): the banner gives the ESM bundle one.
export default defineConfig({
  entry: ["src/index.ts", "src/node.ts"],
  format: ["esm"],
  platform: "node",
  target: "node22",
  clean: true,
  noExternal: [/.*/],
  shims: true, // __dirname and __filename, which bundled CommonJS code (libsodium) expects
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
