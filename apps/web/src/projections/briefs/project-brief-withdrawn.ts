import { type briefWithdrawn } from "@studio/events";
import { briefs } from "../../db/schema/index.ts";
import { type Database } from "../../db/open-database.ts";
import { applyOnce } from "../apply-once.ts";
import { type InputOf, type ProjectionOutcome } from "../projection-input.ts";
import { latest, newer, takeWhen } from "../upsert-rules.ts";

/** studio/brief.withdrawn: the newest withdrawal decision wins (see projectBriefApproved). */
export async function projectBriefWithdrawn(db: Database, event: InputOf<typeof briefWithdrawn>): Promise<ProjectionOutcome> {
  const { briefId, reason, decisionId } = event.data;
  return applyOnce(db, event, { kind: "brief", id: briefId }, (tx, at) =>
    tx
      .insert(briefs)
      .values({ briefId, withdrawnReason: reason ?? null, withdrawalDecisionId: decisionId ?? null, withdrawnAt: at, lastEventAt: at })
      .onConflictDoUpdate({
        target: briefs.briefId,
        set: {
          ...takeWhen(newer(briefs.withdrawnAt), {
            withdrawnReason: briefs.withdrawnReason,
            withdrawalDecisionId: briefs.withdrawalDecisionId,
            withdrawnAt: briefs.withdrawnAt,
          }),
          lastEventAt: latest(briefs.lastEventAt),
        },
      }),
  );
}
