import { inngest } from "../client.ts";
import { env } from "../env.ts";
import { appModelPlan } from "../models/app-model-plan.ts";
import { createAnalyseBrief } from "./analyse-brief.ts";
import { ping } from "./ping.ts";

export const analyseBriefFunction = createAnalyseBrief(inngest, {
  models: appModelPlan,
  throttle: env.AI_THROTTLE,
  throttleKey: env.AI_PROVIDER,
});

/** Every function this app serves. */
export const functions = [ping, analyseBriefFunction];
