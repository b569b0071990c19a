import { eq, sql } from "drizzle-orm";
import { type Database } from "../db/open-database.ts";
import { outgoingEvents } from "../db/schema/index.ts";
import { type EventSender, type SendOutcome } from "../produce/event-sender.ts";

/**
 * Sends a recorded event and records how it went: `sent` with Inngest's ids, or `failed` with the
 * reason (answered as `notSent`, not thrown). Its id is the dedupe id, so a send that reached
 * Inngest although the answer was lost is dropped as a repeat when it is sent again.
 */
export async function sendOutgoing(db: Database, inngest: EventSender, eventId: string, payload: unknown): Promise<SendOutcome> {
  try {
    const { ids } = await inngest.send(payload as Parameters<EventSender["send"]>[0]);
    await db
      .update(outgoingEvents)
      .set({ status: "sent", inngestIds: ids, sentAt: new Date(), lastError: null, attempts: sql`${outgoingEvents.attempts} + 1` })
      .where(eq(outgoingEvents.eventId, eventId));
    return { ids };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    await db
      .update(outgoingEvents)
      .set({ status: "failed", lastError: reason, attempts: sql`${outgoingEvents.attempts} + 1` })
      .where(eq(outgoingEvents.eventId, eventId));
    return { ids: [], notSent: reason };
  }
}
