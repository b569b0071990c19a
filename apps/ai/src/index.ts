// The deployable's entry: tsup bundles this default export, with every workspace package and
// dependency, into dist/index.js, which Vercel serves through server.js. It must not import
// "hono" itself (see server.js).
import { app } from "./app.ts";

export default app;
