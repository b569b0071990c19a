import { functionIds } from "../functions/function-ids.ts";
import { reportFailure, type FailureArgs } from "./report-failure.ts";

/**
 * process-asset failed for good. No compensation: nothing outside refers to the renditions
 * before asset.processed is emitted (the last step). Reports, alerts and publishes "failed" on
 * `asset:<assetId>`.
 */
export function onProcessAssetFailure(args: FailureArgs) {
  const assetId = (args.event.data.event as { data?: { assetId?: unknown } } | undefined)?.data?.assetId;
  const id = typeof assetId === "string" ? assetId : undefined;
  return reportFailure(args, {
    functionId: functionIds.processAsset,
    item: id ? `asset ${id}` : "an unknown asset",
    subject: id ? `asset:${id}` : undefined,
  });
}
