import { sql } from "drizzle-orm";
import { type briefUpdated } from "@studio/events";
import { briefs } from "../../db/schema/index.ts";
import { type Database } from "../../db/open-database.ts";
import { applyOnce } from "../apply-once.ts";
import { type InputOf, type ProjectionOutcome } from "../projection-input.ts";
import { type Seal } from "../seal.ts";
import { latest, proposed, takeWhen } from "../upsert-rules.ts";

/**
 * studio/brief.updated: the brief as last edited. The highest revision wins, whatever order the
 * edits arrive in (the order says nothing about which edit is newest; the revision does).
 */
export async function projectBriefUpdated(db: Database, seal: Seal, event: InputOf<typeof briefUpdated>): Promise<ProjectionOutcome> {
  const { briefId, revision, encrypted } = event.data;
  const edit = await seal(encrypted);
  return applyOnce(db, event, { kind: "brief", id: briefId }, (tx, at) =>
    tx
      .insert(briefs)
      .values({ briefId, revision, edit, editedAt: at, lastEventAt: at })
      .onConflictDoUpdate({
        target: briefs.briefId,
        set: {
          ...takeWhen(sql`${proposed(briefs.revision)} > ${briefs.revision}`, { revision: briefs.revision, edit: briefs.edit, editedAt: briefs.editedAt }),
          lastEventAt: latest(briefs.lastEventAt),
        },
      }),
  );
}
