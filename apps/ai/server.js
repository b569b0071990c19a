// Vercel entry (the Hono preset). The preset takes the first of app, index, server, src/app,
// src/index and src/server (.ts, .js, ...) whose text imports "hono" itself, so this file names
// it (the type import below) and the files in src/ must not. It serves the self-contained bundle
// `pnpm build` (tsup) writes to dist/: Vercel compiles a TypeScript entry file by file and does
// not follow the workspace packages, whose exports point at TypeScript sources, so a function
// built from src/ fails at its first request. Plain JavaScript: Vercel's type check of a .ts
// entry would need types for the bundle. The deploy check (src/vercel.deploy.test.ts) proves
// that the preset takes this file and that the built function runs on its own.
/** @import { Hono } from "hono" */
import bundled from "./dist/index.js";

// Vercel's limit for one request, read from this file by the build: the SDK's checkpointing maxRuntime (src/function-limits.ts) plus its longest step stays below it
// (docs/deploy/vercel.md, "Function limits").
export const config = { maxDuration: 300 };

/** @type {Hono} */
const app = bundled;
export default app;
