import { type briefSubmitted } from "@studio/events";
import { briefs } from "../../db/schema/index.ts";
import { type Database } from "../../db/open-database.ts";
import { applyOnce } from "../apply-once.ts";
import { type InputOf, type ProjectionOutcome } from "../projection-input.ts";
import { type Seal } from "../seal.ts";
import { latest, takeWhen, unset } from "../upsert-rules.ts";

/** studio/brief.submitted: the brief's facts. Submitted once (its id is the dedupe key): the first one wins. */
export async function projectBriefSubmitted(db: Database, seal: Seal, event: InputOf<typeof briefSubmitted>): Promise<ProjectionOutcome> {
  const { briefId, clientId, title, budget, dueDate, encrypted } = event.data;
  const personal = await seal(encrypted);
  return applyOnce(db, event, { kind: "brief", id: briefId }, (tx, at) =>
    tx
      .insert(briefs)
      .values({ briefId, clientId, title, budget, dueDate, personal, submittedAt: at, lastEventAt: at })
      .onConflictDoUpdate({
        target: briefs.briefId,
        set: {
          ...takeWhen(unset(briefs.submittedAt), {
            clientId: briefs.clientId,
            title: briefs.title,
            budget: briefs.budget,
            dueDate: briefs.dueDate,
            personal: briefs.personal,
            submittedAt: briefs.submittedAt,
          }),
          lastEventAt: latest(briefs.lastEventAt),
        },
      }),
  );
}
