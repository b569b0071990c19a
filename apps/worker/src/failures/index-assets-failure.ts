import { functionIds } from "../functions/function-ids.ts";
import { originalField, reportFailure, type FailureArgs } from "./report-failure.ts";

/** index-assets failed for good: report and alert; the assets are processed, only the announcement is missing. */
export function onIndexAssetsFailure(args: FailureArgs) {
  const projectId = originalField(args.event.data.event, "projectId");
  return reportFailure(args, {
    functionId: functionIds.indexAssets,
    item: projectId !== undefined ? `a batch of processed assets of project ${projectId}` : "a batch of processed assets",
  });
}
