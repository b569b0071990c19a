import { eq, max } from "drizzle-orm";
import { type Database } from "../db/open-database.ts";
import { projectedEvents } from "../db/schema/index.ts";

/** How fresh an item table is: the newest event applied to it, and when the latest projection ran. */
export type ProjectionLag = { lastEventAt: Date | null; lastProjectedAt: Date | null };

export async function projectionLag(db: Database, kind: string): Promise<ProjectionLag> {
  const [row] = await db
    .select({ lastEventAt: max(projectedEvents.eventAt), lastProjectedAt: max(projectedEvents.projectedAt) })
    .from(projectedEvents)
    .where(eq(projectedEvents.itemKind, kind));
  return { lastEventAt: row?.lastEventAt ?? null, lastProjectedAt: row?.lastProjectedAt ?? null };
}
