import { functionIds } from "../functions/function-ids.ts";
import { originalField, reportFailure, type FailureArgs } from "./report-failure.ts";

/**
 * process-asset failed for good. No compensation: nothing outside refers to the renditions
 * before asset.processed is emitted (the last step). Reports, alerts and publishes "failed" on
 * `asset:<assetId>`.
 */
export function onProcessAssetFailure(args: FailureArgs) {
  const id = originalField(args.event.data.event, "assetId");
  return reportFailure(args, {
    functionId: functionIds.processAsset,
    item: id ? `asset ${id}` : "an unknown asset",
    subject: id ? `asset:${id}` : undefined,
  });
}
