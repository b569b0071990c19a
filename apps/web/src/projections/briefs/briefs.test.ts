import { eq } from "drizzle-orm";
import { fixtures } from "@studio/events/fixtures";
import { createSealer, DEV_ONLY_ENCRYPTION_KEY } from "@studio/middleware";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRevealer } from "../../crypto/create-revealer.ts";
import { briefs, projectedEvents } from "../../db/schema/index.ts";
import { type OpenDatabase } from "../../db/open-database.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { projectBriefAnalysed } from "./project-brief-analysed.ts";
import { projectBriefApproved } from "./project-brief-approved.ts";
import { projectBriefSubmitted } from "./project-brief-submitted.ts";
import { projectBriefUpdated } from "./project-brief-updated.ts";
import { projectBriefWithdrawn } from "./project-brief-withdrawn.ts";
import { projectProjectCreated } from "./project-project-created.ts";

const seal = createSealer([DEV_ONLY_ENCRYPTION_KEY]);
const reveal = createRevealer({});
const submitted = fixtures.briefSubmitted.valid[0];
const t0 = Date.parse("2026-11-25T10:00:00Z");
const input = <T>(id: string, name: string, data: T, seconds = 0) => ({ id, name, ts: t0 + seconds * 1000, data });

let open: OpenDatabase;
beforeAll(async () => {
  open = await openTestDatabase();
});
afterAll(() => open.close());

const row = async (briefId: string) => (await open.db.select().from(briefs).where(eq(briefs.briefId, briefId)))[0];

describe("brief projections", () => {
  it("record a submitted brief with its personal fields sealed, once however often it is delivered", async () => {
    const data = { ...submitted, briefId: "b-once" };
    const event = input("studio/brief.submitted@1:b-once", "studio/brief.submitted", data);
    expect(await projectBriefSubmitted(open.db, seal, event)).toEqual({ applied: true, itemKind: "brief", itemId: "b-once" });
    expect(await projectBriefSubmitted(open.db, seal, { ...event, data: { ...data, title: "changed" } })).toEqual({ applied: false, reason: "already projected" });
    const stored = await row("b-once");
    expect(stored).toMatchObject({ title: submitted.title, clientId: submitted.clientId, status: "submitted", submittedAt: new Date(t0) });
    expect(JSON.stringify(stored?.personal)).not.toContain(submitted.encrypted.contactEmail);
    expect((await reveal(stored?.personal)).value).toEqual(submitted.encrypted);
    const ledger = await open.db.select().from(projectedEvents).where(eq(projectedEvents.itemId, "b-once"));
    expect(ledger.map((e) => e.eventId)).toEqual([event.id]);
  });

  it("keep an approval that arrives before its submission, and complete the row when the submission comes", async () => {
    const briefId = "b-early-approval";
    await projectBriefApproved(open.db, input("a1", "studio/brief.approved", { briefId, approvedBy: "grace", decisionId: "d1" }, 5));
    expect(await row(briefId)).toMatchObject({ approvedBy: "grace", title: null, status: "approved" });
    await projectBriefSubmitted(open.db, seal, input("s1", "studio/brief.submitted", { ...submitted, briefId }, 1));
    expect(await row(briefId)).toMatchObject({ approvedBy: "grace", approvalDecisionId: "d1", title: submitted.title, status: "approved", lastEventAt: new Date(t0 + 5000) });
  });

  it("keep the highest revision of the edits, whatever order they arrive in", async () => {
    const briefId = "b-edits";
    for (const revision of [2, 3, 1]) {
      await projectBriefUpdated(open.db, seal, input(`u${revision}`, "studio/brief.updated", { briefId, revision, encrypted: { description: `revision ${revision}` } }, revision));
    }
    const stored = await row(briefId);
    expect(stored?.revision).toBe(3);
    expect((await reveal(stored?.edit)).value).toEqual({ description: "revision 3" });
  });

  it("keep the newest of two deliberate decisions (each has its own decision id)", async () => {
    const briefId = "b-two-approvals";
    await projectBriefApproved(open.db, input("second", "studio/brief.approved", { briefId, approvedBy: "ada", decisionId: "d2" }, 20));
    await projectBriefApproved(open.db, input("first", "studio/brief.approved", { briefId, approvedBy: "grace", decisionId: "d1" }, 10));
    expect(await row(briefId)).toMatchObject({ approvedBy: "ada", approvalDecisionId: "d2", approvedAt: new Date(t0 + 20_000) });
  });

  it("derive the status from what happened, withdrawal first, then project, approval, analysis", async () => {
    const briefId = "b-status";
    await projectBriefSubmitted(open.db, seal, input("st-s", "studio/brief.submitted", { ...submitted, briefId }));
    const analysed = fixtures.briefAnalysedV2.valid[0];
    await projectBriefAnalysed(open.db, seal, input("st-a", "ai/brief.analysed", { ...analysed, briefId, revision: 0 }, 1));
    expect((await row(briefId))?.status).toBe("analysed");
    await projectProjectCreated(open.db, input("st-p", "studio/project.created", { ...fixtures.projectCreated.valid[0], briefId, projectId: "p-1" }, 3));
    expect(await row(briefId)).toMatchObject({ status: "project_created", projectId: "p-1" });
    await projectBriefWithdrawn(open.db, input("st-w", "studio/brief.withdrawn", { briefId, reason: "budget cut" }, 4));
    expect(await row(briefId)).toMatchObject({ status: "withdrawn", withdrawnReason: "budget cut" });
  });

  it("keep the analysis of the highest revision, from v1 or v2 alike, sealed", async () => {
    const briefId = "b-analyses";
    const v1 = fixtures.briefAnalysed.valid[0];
    const v2 = fixtures.briefAnalysedV2.valid[0];
    await projectBriefAnalysed(open.db, seal, input("an-2", "ai/brief.analysed", { ...v2, briefId, revision: 2 }, 2));
    await projectBriefAnalysed(open.db, seal, input("an-1", "ai/brief.analysed", { ...v1, briefId, revision: 1 }, 3));
    const stored = await row(briefId);
    expect(stored?.analysisRevision).toBe(2);
    expect(((await reveal(stored?.analysis)).value as { analysis: unknown }).analysis).toEqual(v2.encrypted.analysis);
    await projectBriefAnalysed(open.db, seal, input("an-3", "ai/brief.analysed", { ...v1, briefId, revision: 3 }, 4));
    expect(((await reveal((await row(briefId))?.analysis)).value as { analysis: unknown }).analysis).toEqual(v1.analysis);
  });
});
