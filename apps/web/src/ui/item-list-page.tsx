import Link from "next/link";
import { type Route } from "next";
import { trackedKinds, type TrackedKind } from "../activity/tracked-kinds.ts";
import { type PagePath } from "../auth/access-rules.ts";
import { type SessionUser } from "../auth/actor.ts";
import { mayOpen } from "../auth/may-open.ts";
import { reveal } from "../crypto/reveal.ts";
import { appDatabase } from "../db/app-database.ts";
import { loadItemList } from "../read-model/load-item-list.ts";
import { readListQuery, type ListQuery } from "../read-model/list-query.ts";
import { projectionLag } from "../read-model/projection-lag.ts";
import { statusLabels } from "../read-model/status-labels.ts";
import { ItemTable } from "./item-table.tsx";
import { ProjectionLagNote } from "./projection-lag-note.tsx";

type Search = Record<string, string | string[] | undefined>;

/** A list page (briefs, assets, …): every item in the console's database, 50 a page, filtered by status and text. */
export async function ItemListPage({ kind, title, lead, newHref, newLabel, search, user }: { kind: TrackedKind; title: string; lead: string; newHref: PagePath & Route; newLabel: string; search: Search; user: SessionUser }) {
  const statuses = statusLabels[kind];
  const query = readListQuery(search, Object.keys(statuses));
  const db = await appDatabase();
  const [list, lag] = await Promise.all([loadItemList(db, reveal, kind, query), projectionLag(db, kind)]);
  const path = trackedKinds[kind].path;
  const href = (page: number) => `${path}?${new URLSearchParams({ ...(query.status ? { status: query.status } : {}), ...(query.q ? { q: query.q } : {}), page: String(page) })}` as Route;
  const filtered = query.status !== undefined || query.q !== undefined;
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        {mayOpen(user, newHref) && (
          <Link href={newHref} className="button">
            {newLabel}
          </Link>
        )}
      </div>
      <p className="lead">{lead}</p>
      <form method="get" action={path} className="filters" aria-label={`Filter ${title.toLowerCase()}`}>
        <label>
          Status{" "}
          <select name="status" defaultValue={query.status ?? ""}>
            <option value="">Any</option>
            {Object.entries(statuses).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Search <input name="q" type="search" defaultValue={query.q ?? ""} placeholder="id, client, …" />
        </label>{" "}
        <button type="submit">Filter</button>
        {filtered && (
          <>
            {" "}
            <Link href={path}>Clear</Link>
          </>
        )}
      </form>
      <section className="panel">
        <ItemTable kind={kind} items={list.rows} empty={filtered ? "Nothing matches these filters." : undefined} />
        <Pager query={query} page={list.page} pages={list.pages} total={list.total} href={href} />
      </section>
      <ProjectionLagNote lag={lag} />
    </>
  );
}

function Pager({ page, pages, total, href }: { query: ListQuery; page: number; pages: number; total: number; href: (page: number) => Route }) {
  return (
    <nav aria-label="Pages" className="pager" data-testid="pager">
      <span data-testid="pager-position">
        Page {page} of {pages} · {total} {total === 1 ? "item" : "items"}
      </span>
      {page > 1 && (
        <>
          {" "}
          <Link href={href(page - 1)} rel="prev">
            ← Newer
          </Link>
        </>
      )}
      {page < pages && (
        <>
          {" "}
          <Link href={href(page + 1)} rel="next">
            Older →
          </Link>
        </>
      )}
    </nav>
  );
}
