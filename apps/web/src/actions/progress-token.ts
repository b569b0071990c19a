"use server";

import { inngest } from "../inngest/client.ts";
import { createProgressToken, type ProgressToken } from "../realtime/create-progress-token.ts";
import { parseProgressSubject } from "../realtime/progress-subject.ts";

/** Called by the live view in the browser for a realtime token scoped to one item's progress. */
export async function progressToken(subject: string): Promise<ProgressToken> {
  if (!parseProgressSubject(subject)) throw new Error(`Not a progress subject: ${JSON.stringify(subject)} (expected e.g. "brief:<briefId>").`);
  return createProgressToken(inngest, subject);
}
