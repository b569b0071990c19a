import { defineConfig } from "tsup";

// Deployable bundle: workspace packages are bundled in (they ship as TypeScript source).
export default defineConfig({
  entry: ["src/index.ts", "src/node.ts"],
  format: ["esm"],
  platform: "node",
  target: "node22",
  clean: true,
  noExternal: [/^@studio\//],
});
