import type { ThrottleSetting } from "../config/throttle-setting.ts";
import type { ModelPlanSource } from "../models/model-spec.ts";

/** What a model-calling function (analyse-brief, tag-asset) is built with. */
export interface ModelFunctionDeps {
  models: ModelPlanSource;
  /** Model-calling runs per period; the bucket is keyed by provider. */
  throttle: ThrottleSetting | undefined;
  /** Provider name for the throttle key (the configured AI_PROVIDER). */
  throttleKey: string;
}
