import { dedupeKey } from "./dedupe-key.ts";

/** The dedupe key of a decision about `subject`: the subject, plus the decision id when there is one. */
export function decisionDedupeKey(subject: string, decisionId: string | undefined): string {
  return decisionId === undefined ? dedupeKey(subject) : dedupeKey(subject, decisionId);
}
