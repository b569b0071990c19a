import { defineConfig } from "drizzle-kit";

// `pnpm --filter @studio/web db:generate` writes a migration for every change to src/db/schema;
// the migrations are committed and applied by `db:migrate` (docs/web.md, "The store").
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./drizzle",
  strict: true,
  verbose: true,
});
