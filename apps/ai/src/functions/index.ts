import { inngest } from "../client.ts";
import { env } from "../env.ts";
import { appModelPlan } from "../models/app-model-plan.ts";
import { createAnalyseBrief } from "./analyse-brief.ts";
import { ping } from "./ping.ts";
import { createReanalyseBrief } from "./reanalyse-brief.ts";
import { createTagAsset } from "./tag-asset.ts";

const modelDeps = { models: appModelPlan, throttle: env.AI_THROTTLE, throttleKey: env.AI_PROVIDER };

export const analyseBriefFunction = createAnalyseBrief(inngest, modelDeps);
export const reanalyseBriefFunction = createReanalyseBrief(inngest, {
  analyseBrief: analyseBriefFunction,
  debounce: env.REANALYSE_DEBOUNCE,
  maxWait: env.REANALYSE_MAX_WAIT,
});
export const tagAssetFunction = createTagAsset(inngest, modelDeps);

/** Every function this app serves. */
export const functions = [ping, analyseBriefFunction, reanalyseBriefFunction, tagAssetFunction];
