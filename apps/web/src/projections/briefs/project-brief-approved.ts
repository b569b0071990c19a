import { type briefApproved } from "@studio/events";
import { briefs } from "../../db/schema/index.ts";
import { type Database } from "../../db/open-database.ts";
import { applyOnce } from "../apply-once.ts";
import { type InputOf, type ProjectionOutcome } from "../projection-input.ts";
import { latest, newer, takeWhen } from "../upsert-rules.ts";

/**
 * studio/brief.approved: who approved, and which decision. A second, deliberate approval (its own
 * decisionId) is a new event: the newest by event time wins. Arriving before the submission, it
 * is kept on a row that the submission completes later.
 */
export async function projectBriefApproved(db: Database, event: InputOf<typeof briefApproved>): Promise<ProjectionOutcome> {
  const { briefId, approvedBy, decisionId } = event.data;
  return applyOnce(db, event, { kind: "brief", id: briefId }, (tx, at) =>
    tx
      .insert(briefs)
      .values({ briefId, approvedBy, approvalDecisionId: decisionId ?? null, approvedAt: at, lastEventAt: at })
      .onConflictDoUpdate({
        target: briefs.briefId,
        set: {
          ...takeWhen(newer(briefs.approvedAt), { approvedBy: briefs.approvedBy, approvalDecisionId: briefs.approvalDecisionId, approvedAt: briefs.approvedAt }),
          lastEventAt: latest(briefs.lastEventAt),
        },
      }),
  );
}
