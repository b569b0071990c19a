// The server side of the two pages the read-model benchmark times (bench/read-model.ts bundles
// this file with esbuild: Node cannot load TSX). Each function does what one request of the page
// does against the console's database, minus Next's own work and the Inngest API (run status,
// which the database does not change).
import { renderToString } from "react-dom/server";
import { sql } from "drizzle-orm";
import { fixtures } from "@studio/events/fixtures";
import { createSealer, DEV_ONLY_ENCRYPTION_KEY } from "@studio/middleware";
import { createRevealer } from "../src/crypto/create-revealer.ts";
import { openDatabase, type OpenDatabase } from "../src/db/open-database.ts";
import { briefs, projectedEvents } from "../src/db/schema/index.ts";
import { findItem } from "../src/read-model/find-item.ts";
import { itemFailures } from "../src/read-model/item-failures.ts";
import { itemOutgoing } from "../src/read-model/item-outgoing.ts";
import { loadItemList } from "../src/read-model/load-item-list.ts";
import { projectionLag } from "../src/read-model/projection-lag.ts";
import { ItemTable } from "../src/ui/item-table.tsx";
import { ProjectionLagNote } from "../src/ui/projection-lag-note.tsx";

export { openDatabase, type OpenDatabase };

const seal = createSealer([DEV_ONLY_ENCRYPTION_KEY]);
const reveal = createRevealer({});

/** `count` briefs as the projections write them: sealed personal data, a fifth edited, a third approved, one ledger row each. */
export async function seed(open: OpenDatabase, count: number): Promise<void> {
  const base = fixtures.briefSubmitted.valid[0];
  const t0 = Date.parse("2026-01-01T00:00:00Z");
  for (let start = 0; start < count; start += 500) {
    const rows = await Promise.all(
      Array.from({ length: Math.min(500, count - start) }, async (_, k) => {
        const i = start + k;
        const at = new Date(t0 + i * 60_000);
        return {
          briefId: `brief_${String(i).padStart(5, "0")}`,
          clientId: `client_${i % 40}`,
          title: `${base.title} ${i}`,
          budget: base.budget,
          dueDate: base.dueDate,
          personal: await seal({ ...base.encrypted, contactName: `Contact ${i}` }),
          submittedAt: at,
          ...(i % 5 === 0 ? { revision: 1, edit: await seal({ title: `Edited title ${i}`, description: "Edited description" }), editedAt: at } : {}),
          ...(i % 3 === 0 ? { approvedBy: "operator_grace", approvedAt: at } : {}),
          lastEventAt: at,
        };
      }),
    );
    await open.db.insert(briefs).values(rows);
    await open.db
      .insert(projectedEvents)
      .values(rows.map((row) => ({ eventId: `studio/brief.submitted@1:${row.briefId}`, name: "studio/brief.submitted", itemKind: "brief", itemId: row.briefId, eventAt: row.submittedAt })));
  }
  await open.db.execute(sql`analyze`);
}

/** The baseline: one round trip to the database, nothing else. */
export async function bareQuery(open: OpenDatabase): Promise<void> {
  await open.db.execute(sql`select 1`);
}

/** One request of /briefs: the page of rows (edited titles decrypted) and the lag line, rendered to HTML by React. */
export async function listPage(open: OpenDatabase, query: { page: number; status?: string; q?: string }, render = true): Promise<number> {
  const [list, lag] = await Promise.all([loadItemList(open.db, reveal, "brief", query), projectionLag(open.db, "brief")]);
  if (!render) return list.rows.length;
  return renderToString(
    <>
      <ItemTable kind="brief" items={list.rows} />
      <p>
        Page {list.page} of {list.pages} · {list.total} items
      </p>
      <ProjectionLagNote lag={lag} />
    </>,
  ).length;
}

/** One request of /briefs/<id>, database side: the row, what was sent and failed about it, the lag, decrypting what it shows. */
export async function itemPage(open: OpenDatabase, briefId: string): Promise<number> {
  const [brief, outgoing, failures, lag] = await Promise.all([
    findItem(open.db, "brief", briefId),
    itemOutgoing(open.db, "brief", briefId),
    itemFailures(open.db, "brief", briefId),
    projectionLag(open.db, "brief"),
  ]);
  const [personal, edit] = await Promise.all([reveal(brief?.personal), reveal(brief?.edit)]);
  return renderToString(
    <dl>
      <dt>Brief</dt>
      <dd>{brief?.title ?? briefId}</dd>
      <dd>{JSON.stringify(personal.value)}</dd>
      <dd>{JSON.stringify(edit.value)}</dd>
      <dd>{outgoing.length + failures.length}</dd>
      <ProjectionLagNote lag={lag} />
    </dl>,
  ).length;
}
