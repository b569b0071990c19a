import { eq } from "drizzle-orm";
import { type Revealer } from "../crypto/create-revealer.ts";
import { type Database } from "../db/open-database.ts";
import { outgoingEvents } from "../db/schema/index.ts";
import { type EventSender, type SendOutcome } from "../produce/event-sender.ts";
import { sendOutgoing } from "./send-outgoing.ts";

/**
 * Sends a recorded event that was not sent (Inngest was unreachable, or the app stopped before
 * sending) again, as stored: same id, so it cannot become a second event. One already sent is
 * left alone.
 */
export async function retryOutgoingEvent(db: Database, inngest: EventSender, reveal: Revealer, eventId: string): Promise<SendOutcome | { unknown: true }> {
  const row = (await db.select().from(outgoingEvents).where(eq(outgoingEvents.eventId, eventId)))[0];
  if (!row) return { unknown: true };
  if (row.status === "sent") return { ids: row.inngestIds ?? [] };
  const opened = await reveal(row.payload);
  if (opened.sealed) return { ids: [], notSent: "its stored data is encrypted with a key this app no longer has (see docs/runbooks/key-rotation.md)" };
  return sendOutgoing(db, inngest, eventId, opened.value);
}
