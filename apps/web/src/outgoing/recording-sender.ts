import { eq } from "drizzle-orm";
import { type Database } from "../db/open-database.ts";
import { outgoingEvents } from "../db/schema/index.ts";
import { type EventSender, type SendOutcome } from "../produce/event-sender.ts";
import { type Seal } from "../projections/seal.ts";
import { itemOf } from "./item-of.ts";
import { projectOwnEvent } from "./project-own-event.ts";
import { sendOutgoing } from "./send-outgoing.ts";

type Payload = { name: string; data: Record<string, unknown>; id?: string; ts?: number };

/**
 * A sender that loses nothing: it records the event in outgoing_events (and applies it to the
 * console's own read model) before it sends it, by its deterministic id, then sends it. When
 * Inngest cannot be reached the row stays `failed` and the send answers `notSent` (it does not
 * throw): the item's page shows it as not sent and offers a retry (retryOutgoingEvent) that
 * sends the same id again. Sending a fact already sent does nothing.
 */
export function recordingSender(deps: { db: () => Promise<Database>; inngest: EventSender; seal: Seal; now?: () => Date }): EventSender {
  return {
    async send(payload: unknown): Promise<SendOutcome> {
      const event = payload as Payload;
      if (Array.isArray(payload) || typeof event.id !== "string" || !event.id) {
        throw new Error("recordingSender sends one event with its dedupe id (the contract's create())");
      }
      const item = itemOf(event.name, event.data);
      if (!item) throw new Error(`${event.name} concerns no item the console tracks`);
      const db = await deps.db();
      const now = deps.now?.() ?? new Date();
      const stored = { ...event, data: await sealEncrypted(event.data, deps.seal) };
      const existing = await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(outgoingEvents)
          .values({ eventId: event.id!, name: event.name, itemKind: item.kind, itemId: item.id, payload: stored, status: "pending", recordedAt: now })
          .onConflictDoNothing()
          .returning({ eventId: outgoingEvents.eventId });
        if (inserted.length === 0) return (await tx.select().from(outgoingEvents).where(eq(outgoingEvents.eventId, event.id!)))[0];
        await projectOwnEvent(tx, deps.seal, { id: event.id!, name: event.name, ts: event.ts ?? now.getTime(), data: event.data });
        return undefined;
      });
      // The same fact sent again (a double-click, a retried request): already delivered, nothing to do.
      if (existing?.status === "sent") return { ids: existing.inngestIds ?? [] };
      return sendOutgoing(db, deps.inngest, event.id, payload);
    },
  };
}

/** The payload as stored: its `data.encrypted` sealed (the middleware encrypts it again on send). */
async function sealEncrypted(data: Record<string, unknown>, seal: Seal): Promise<Record<string, unknown>> {
  return data.encrypted === undefined ? data : { ...data, encrypted: await seal(data.encrypted) };
}
