import type { ModelPlan, ModelPlanSource } from "./model-spec.ts";
import { resolveModelPlan, type ModelSettings } from "./resolve-model-plan.ts";

/**
 * A plan source that resolves once and then always answers from memory: the local-server probe
 * runs at most once per process, never on each run. A failed resolution is not cached, so a
 * server started later is found on the next run.
 */
export function cachedModelPlan(settings: ModelSettings, onResolved?: (plan: ModelPlan) => void): ModelPlanSource {
  let pending: Promise<ModelPlan> | undefined;
  return () => {
    pending ??= resolveModelPlan(settings).then(
      (plan) => {
        onResolved?.(plan);
        return plan;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
}

/** A fixed plan (tests, or an app that resolved its plan elsewhere). */
export function fixedModelPlan(plan: ModelPlan): ModelPlanSource {
  return () => Promise.resolve(plan);
}
