import { type TrackedKind } from "../activity/tracked-kinds.ts";
import { type Revealer } from "../crypto/create-revealer.ts";
import { type Database } from "../db/open-database.ts";
import { itemPage, type ItemPage } from "./item-page.ts";
import { listAssets } from "./list-assets.ts";
import { listBriefs } from "./list-briefs.ts";
import { listInvoices } from "./list-invoices.ts";
import { type ListQuery, PAGE_SIZE } from "./list-query.ts";
import { listReminders } from "./list-reminders.ts";
import { statusLabel } from "./status-labels.ts";

export type ItemSummary = {
  id: string;
  /** When the item started (submitted, uploaded, issued, scheduled), ISO; unknown while its first event is missing. */
  at?: string;
  /** The fields its list shows, decrypted where they are sealed. */
  data: Record<string, unknown>;
  status: string;
};

const iso = (date: Date | null) => (date ? { at: date.toISOString() } : {});
const opened = async (reveal: Revealer, value: unknown) => (value ? ((await reveal(value)).value as Record<string, unknown>) : undefined);

/**
 * One page of a list (briefs, assets, …) from the console's database, with the query's filters:
 * no longer the newest 50 events Inngest still lists, but every item ever recorded.
 */
export async function loadItemList(db: Database, reveal: Revealer, kind: TrackedKind, query: ListQuery, pageSize = PAGE_SIZE, now = new Date()): Promise<ItemPage<ItemSummary>> {
  switch (kind) {
    case "brief": {
      const page = await listBriefs(db, query, pageSize);
      const items = await Promise.all(
        page.rows.map(async (row) => {
          const edit = await opened(reveal, row.edit);
          const title = typeof edit?.title === "string" ? edit.title : row.title;
          return { id: row.briefId, ...iso(row.submittedAt), status: statusLabel(kind, row.status), data: { title, clientId: row.clientId, budget: row.budget, dueDate: row.dueDate } };
        }),
      );
      return itemPage(items, page.total, page.page, pageSize);
    }
    case "asset": {
      const page = await listAssets(db, query, pageSize);
      const items = page.rows.map((row) => ({
        id: row.assetId,
        ...iso(row.uploadedAt),
        status: statusLabel(kind, row.status),
        data: { fileName: row.fileName, projectId: row.projectId, contentType: row.contentType },
      }));
      return itemPage(items, page.total, page.page, pageSize);
    }
    case "invoice": {
      const page = await listInvoices(db, query, pageSize);
      const items = page.rows.map((row) => ({
        id: row.invoiceId,
        ...iso(row.issuedAt),
        status: statusLabel(kind, row.status),
        data: { clientId: row.clientId, total: row.total, dueDate: row.dueDate },
      }));
      return itemPage(items, page.total, page.page, pageSize);
    }
    case "reminder": {
      const page = await listReminders(db, query, pageSize, now);
      const items = await Promise.all(
        page.rows.map(async (row) => ({
          id: row.reminderId,
          ...iso(row.scheduledAt),
          status: statusLabel(kind, row.sendAt <= now ? "due" : "scheduled"),
          data: { sendAt: row.sendAt.toISOString(), channel: row.channel, subject: (await opened(reveal, row.personal))?.subject },
        })),
      );
      return itemPage(items, page.total, page.page, pageSize);
    }
  }
}
