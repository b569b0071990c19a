import { eq } from "drizzle-orm";
import { fixtures } from "@studio/events/fixtures";
import { createSealer, DEV_ONLY_ENCRYPTION_KEY } from "@studio/middleware";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRevealer } from "../../crypto/create-revealer.ts";
import { reminders } from "../../db/schema/index.ts";
import { type OpenDatabase } from "../../db/open-database.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { projectReminderScheduled } from "./project-reminder-scheduled.ts";

const seal = createSealer([DEV_ONLY_ENCRYPTION_KEY]);

let open: OpenDatabase;
beforeAll(async () => {
  open = await openTestDatabase();
});
afterAll(() => open.close());
const row = async (reminderId: string) => (await open.db.select().from(reminders).where(eq(reminders.reminderId, reminderId)))[0];

describe("reminder projection", () => {
  it("reads the channel of v1 and of v2's typed target, and keeps the rest sealed", async () => {
    const v1 = { ...fixtures.reminderScheduled.valid[0], reminderId: "r-v1" };
    const v2 = { ...fixtures.reminderScheduledV2.valid[0], reminderId: "r-v2" };
    const now = new Date("2026-11-25T08:00:00Z");
    await projectReminderScheduled(open.db, seal, { id: "e1", name: "studio/reminder.scheduled", ts: Date.parse(v1.sendAt), data: v1 }, now);
    await projectReminderScheduled(open.db, seal, { id: "e2", name: "studio/reminder.scheduled", ts: Date.parse(v2.sendAt), data: v2 }, now);
    expect(await row("r-v1")).toMatchObject({ version: 1, channel: v1.channel, sendAt: new Date(v1.sendAt), scheduledAt: now });
    const stored = await row("r-v2");
    expect(stored).toMatchObject({ version: 2, channel: v2.encrypted.target.channel });
    expect(JSON.stringify(stored?.personal)).not.toContain(v2.encrypted.subject);
    expect((await createRevealer({})(stored?.personal)).value).toEqual(v2.encrypted);
  });
});
