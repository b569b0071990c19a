import { createHash } from "node:crypto";

/**
 * The key under which the SDK (and @inngest/test's `state`) stores a step: the SHA-1 of its id.
 * `state["load-order"]` is undefined; `state[hashedStepId("load-order")]` is the step's promise.
 * A repeated id gets a suffix: the second `step.run("x")` is `hashedStepId("x:1")`.
 */
export function hashedStepId(stepId: string): string {
  return createHash("sha1").update(stepId).digest("hex");
}
