// Vercel entry: the Hono preset serves this default export as a function.
import { app } from "./app.ts";

export default app;
