import { eq } from "drizzle-orm";
import { type TrackedKind } from "../activity/tracked-kinds.ts";
import { type Database } from "../db/open-database.ts";
import { assets, briefs, invoices, reminders } from "../db/schema/index.ts";

export type ItemRows = {
  brief: typeof briefs.$inferSelect;
  asset: typeof assets.$inferSelect;
  invoice: typeof invoices.$inferSelect;
  reminder: typeof reminders.$inferSelect;
};

/** An item's row in the read model, if any event about it has been recorded. */
export async function findItem<K extends TrackedKind>(db: Database, kind: K, id: string): Promise<ItemRows[K] | undefined> {
  const rows =
    kind === "brief"
      ? await db.select().from(briefs).where(eq(briefs.briefId, id))
      : kind === "asset"
        ? await db.select().from(assets).where(eq(assets.assetId, id))
        : kind === "invoice"
          ? await db.select().from(invoices).where(eq(invoices.invoiceId, id))
          : await db.select().from(reminders).where(eq(reminders.reminderId, id));
  return rows[0] as ItemRows[K] | undefined;
}
