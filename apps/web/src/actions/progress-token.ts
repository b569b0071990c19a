"use server";

import { guardAction } from "../auth/guard-action.ts";
import { inngest } from "../inngest/client.ts";
import { createProgressToken, type ProgressToken } from "../realtime/create-progress-token.ts";
import { parseProgressSubject } from "../realtime/progress-subject.ts";

/**
 * Called by the live view in the browser for a realtime token scoped to one item's progress:
 * signed-in users only (a viewer may watch; access-rules.ts), so a stranger cannot subscribe.
 */
export const progressToken = guardAction("progressToken", async (_user, subject: string): Promise<ProgressToken> => {
  if (!parseProgressSubject(subject)) throw new Error(`Not a progress subject: ${JSON.stringify(subject)} (expected e.g. "brief:<briefId>").`);
  return createProgressToken(inngest, subject);
});
