import { createInngestHonoApp } from "@studio/middleware/hono";
import { inngest } from "./client.ts";
import { functions } from "./functions/index.ts";

export const app = createInngestHonoApp({ client: inngest, functions });
