import { eq } from "drizzle-orm";
import { type Database } from "../db/open-database.ts";
import { outgoingEvents } from "../db/schema/index.ts";
import { type OutgoingRow } from "./item-outgoing.ts";

/** A recorded outgoing event by its id. */
export async function itemOutgoingById(db: Database, eventId: string): Promise<OutgoingRow | undefined> {
  return (await db.select().from(outgoingEvents).where(eq(outgoingEvents.eventId, eventId)))[0];
}
