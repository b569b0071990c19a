import { functionIds } from "../functions/function-ids.ts";
import { reportFailure, type FailureArgs } from "./report-failure.ts";

/** index-assets failed for good: report and alert; the assets are processed, only the announcement is missing. */
export function onIndexAssetsFailure(args: FailureArgs) {
  const projectId = (args.event.data.event as { data?: { projectId?: unknown } } | undefined)?.data?.projectId;
  return reportFailure(args, {
    functionId: functionIds.indexAssets,
    item: typeof projectId === "string" ? `a batch of processed assets of project ${projectId}` : "a batch of processed assets",
  });
}
