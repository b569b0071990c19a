import { serve } from "inngest/next";
import { inngest } from "../../../src/inngest/client.ts";
import { functions } from "../../../src/inngest/functions/index.ts";

export const dynamic = "force-dynamic";
// Vercel's limit for one invocation; the web app's own functions finish well within it.
export const maxDuration = 60;
export const { GET, POST, PUT } = serve({ client: inngest, functions });
