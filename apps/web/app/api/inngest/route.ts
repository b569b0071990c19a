import { refuseMalformedJson, studioServeOptions } from "@studio/middleware";
import { serve } from "inngest/next";
import type { NextRequest } from "next/server";
import { inngest } from "../../../src/inngest/client.ts";
import { functions } from "../../../src/inngest/functions/index.ts";

export const dynamic = "force-dynamic";
// Vercel's limit for one invocation; the web app's own functions finish well within it.
export const maxDuration = 60;

// In cloud mode every request must be signed, syncs included (studioServeOptions).
const handler = serve(studioServeOptions({ client: inngest, functions }));

/** A body that is not JSON gets a 400 here: the SDK would parse it before the signature and answer 500. */
const jsonOnly =
  (next: (req: NextRequest, ctx: unknown) => Promise<Response>) =>
  async (req: NextRequest, ctx: unknown): Promise<Response> =>
    refuseMalformedJson(await req.clone().text()) ?? next(req, ctx);

export const GET = handler.GET;
export const POST = jsonOnly(handler.POST);
export const PUT = jsonOnly(handler.PUT);
