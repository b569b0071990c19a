import { fixtures } from "@studio/events/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { automationFailures } from "../../db/schema/index.ts";
import { type OpenDatabase } from "../../db/open-database.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { projectAutomationFailed } from "./project-automation-failed.ts";

let open: OpenDatabase;
beforeAll(async () => {
  open = await openTestDatabase();
});
afterAll(() => open.close());

describe("automation.failed projection", () => {
  it("keeps each report once, with the id of the event that started the failed run", async () => {
    const data = fixtures.automationFailed.valid[0];
    const event = { id: "f1", name: "studio/automation.failed", ts: Date.parse("2026-11-25T10:00:00Z"), data };
    await projectAutomationFailed(open.db, event);
    await projectAutomationFailed(open.db, event);
    const rows = await open.db.select().from(automationFailures);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ eventId: "f1", runId: data.runId, triggerName: data.trigger.name, triggerId: data.trigger.id ?? null, errorMessage: data.error.message });
  });
});
