import { type EventData, type reminderScheduled, type reminderScheduledV2 } from "@studio/events";
import { reminders } from "../../db/schema/index.ts";
import { type Database } from "../../db/open-database.ts";
import { applyOnce } from "../apply-once.ts";
import { type ProjectionInput, type ProjectionOutcome } from "../projection-input.ts";
import { type Seal } from "../seal.ts";
import { latest } from "../upsert-rules.ts";

type Scheduled = EventData<typeof reminderScheduled> | EventData<typeof reminderScheduledV2>;

/**
 * studio/reminder.scheduled, v1 (`channel` + `to`) or v2 (a typed `target`). Once per reminder
 * (dedupe key): the first wins. The event's time is its send time, so `scheduledAt` is when it
 * was projected here (normally earlier, by the console itself when it sent it).
 */
export async function projectReminderScheduled(db: Database, seal: Seal, event: ProjectionInput<Scheduled>, now: Date = new Date()): Promise<ProjectionOutcome> {
  const { reminderId, sendAt, encrypted } = event.data;
  const v2 = "target" in encrypted;
  const channel = "target" in encrypted ? encrypted.target.channel : (event.data as EventData<typeof reminderScheduled>).channel;
  const personal = await seal(encrypted);
  return applyOnce(db, event, { kind: "reminder", id: reminderId }, (tx, at) =>
    tx
      .insert(reminders)
      .values({ reminderId, version: v2 ? 2 : 1, sendAt: new Date(sendAt), channel, personal, scheduledAt: now, lastEventAt: at })
      .onConflictDoUpdate({ target: reminders.reminderId, set: { lastEventAt: latest(reminders.lastEventAt) } }),
  );
}
