import { randomUUID } from "node:crypto";
import { itemOf } from "../activity/item-of.ts";
import { type Actor } from "../auth/actor.ts";
import { type Database as Db } from "../db/open-database.ts";
import { auditRecord } from "../db/schema/audit-record.ts";

/**
 * Files who sent an event under the item it concerns: the actor from the session or API token,
 * the event's name and id, now. Called once Inngest accepted the event.
 */
export async function recordAudit(db: Db, actor: Actor, sent: { name: string; eventId: string; data: unknown }): Promise<void> {
  const item = itemOf(sent.name, sent.data);
  await db.insert(auditRecord).values({
    id: randomUUID(),
    actorType: actor.type,
    actorId: actor.id,
    actorName: actor.name,
    event: sent.name,
    eventId: sent.eventId,
    itemKind: item?.kind ?? "none",
    itemId: item?.id ?? "",
  });
}
