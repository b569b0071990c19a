import { serve } from "inngest/next";
import { inngest } from "../../../src/inngest/client.ts";
import { functions } from "../../../src/inngest/functions/index.ts";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT } = serve({ client: inngest, functions });
