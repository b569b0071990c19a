import { eq } from "drizzle-orm";
import { fixtures } from "@studio/events/fixtures";
import { createSealer, DEV_ONLY_ENCRYPTION_KEY } from "@studio/middleware";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRevealer } from "../../crypto/create-revealer.ts";
import { assets } from "../../db/schema/index.ts";
import { type OpenDatabase } from "../../db/open-database.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { projectAssetProcessed } from "./project-asset-processed.ts";
import { projectAssetTagged } from "./project-asset-tagged.ts";
import { projectAssetUploaded } from "./project-asset-uploaded.ts";

const seal = createSealer([DEV_ONLY_ENCRYPTION_KEY]);
const reveal = createRevealer({});
const tagging = async (assetId: string) => (await reveal((await row(assetId))?.tagging)).value;
const t0 = Date.parse("2026-11-25T10:00:00Z");
const input = <T>(id: string, name: string, data: T, seconds = 0) => ({ id, name, ts: t0 + seconds * 1000, data });

let open: OpenDatabase;
beforeAll(async () => {
  open = await openTestDatabase();
});
afterAll(() => open.close());
const row = async (assetId: string) => (await open.db.select().from(assets).where(eq(assets.assetId, assetId)))[0];

describe("asset projections", () => {
  it("build one row from upload, renditions and tags (v1 or v2) in any order, the newest tagging winning, sealed", async () => {
    const assetId = "a-any-order";
    const v2 = fixtures.assetTaggedV2.valid[0];
    const v1 = fixtures.assetTagged.valid[0];
    await projectAssetTagged(open.db, seal, input("t2", "studio/asset.tagged", { ...v2, assetId, encrypted: { ...v2.encrypted, tags: ["newer"] } }, 9));
    await projectAssetProcessed(open.db, input("p", "studio/asset.processed", { ...fixtures.assetProcessed.valid[0], assetId }, 5));
    await projectAssetTagged(open.db, seal, input("t1", "studio/asset.tagged", { ...v1, assetId, tags: ["older"] }, 7));
    expect(await row(assetId)).toMatchObject({ status: "tagged", fileName: null });
    expect(await tagging(assetId)).toEqual({ tags: ["newer"], altText: v2.encrypted.altText });
    expect(JSON.stringify((await row(assetId))?.tagging)).not.toContain(v2.encrypted.altText);
    await projectAssetUploaded(open.db, input("u", "studio/asset.uploaded", { ...fixtures.assetUploaded.valid[0], assetId }, 1));
    const stored = await row(assetId);
    expect(stored).toMatchObject({ status: "tagged", fileName: fixtures.assetUploaded.valid[0].fileName, lastEventAt: new Date(t0 + 9000) });
    expect(stored?.renditions).toEqual(fixtures.assetProcessed.valid[0].renditions);
    await projectAssetTagged(open.db, seal, input("t3", "studio/asset.tagged", { ...v1, assetId, tags: ["newest"] }, 12));
    expect(await tagging(assetId)).toEqual({ tags: ["newest"], altText: v1.altText });
  });

  it("change nothing for an event id it has already applied", async () => {
    const assetId = "a-repeat";
    const event = input("same-id", "studio/asset.uploaded", { ...fixtures.assetUploaded.valid[0], assetId });
    await projectAssetUploaded(open.db, event);
    expect(await projectAssetUploaded(open.db, { ...event, data: { ...event.data, fileName: "other.png" } })).toMatchObject({ applied: false });
    expect((await row(assetId))?.fileName).toBe(fixtures.assetUploaded.valid[0].fileName);
  });
});
