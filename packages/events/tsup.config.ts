import { defineConfig } from "tsup";

// The published build: ESM + type declarations. Inside the workspace the package is consumed from
// src/ directly (no build step); publishConfig swaps `exports` to dist/ when packing.
export default defineConfig({
  entry: { index: "src/index.ts", "fixtures/index": "src/fixtures/index.ts" },
  format: ["esm"],
  target: "node20",
  platform: "node",
  dts: true,
  clean: true,
  sourcemap: false,
  splitting: true,
  treeshake: true,
});
