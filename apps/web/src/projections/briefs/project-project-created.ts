import { type projectCreated } from "@studio/events";
import { briefs } from "../../db/schema/index.ts";
import { type Database } from "../../db/open-database.ts";
import { applyOnce } from "../apply-once.ts";
import { type InputOf, type ProjectionOutcome } from "../projection-input.ts";
import { latest, takeWhen, unset } from "../upsert-rules.ts";

/** studio/project.created: the project an approved brief became. One project per brief: the first wins. */
export async function projectProjectCreated(db: Database, event: InputOf<typeof projectCreated>): Promise<ProjectionOutcome> {
  const { briefId, projectId, summary } = event.data;
  return applyOnce(db, event, { kind: "brief", id: briefId }, (tx, at) =>
    tx
      .insert(briefs)
      .values({ briefId, projectId, projectSummary: summary ?? null, projectCreatedAt: at, lastEventAt: at })
      .onConflictDoUpdate({
        target: briefs.briefId,
        set: {
          ...takeWhen(unset(briefs.projectCreatedAt), { projectId: briefs.projectId, projectSummary: briefs.projectSummary, projectCreatedAt: briefs.projectCreatedAt }),
          lastEventAt: latest(briefs.lastEventAt),
        },
      }),
  );
}
