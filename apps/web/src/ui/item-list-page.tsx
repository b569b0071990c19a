import Link from "next/link";
import { type Route } from "next";
import { loadItemList } from "../activity/load-item-list.ts";
import { type TrackedKind } from "../activity/tracked-kinds.ts";
import { reveal } from "../crypto/reveal.ts";
import { inngestApi } from "../inngest/rest-api.ts";
import { ApiProblem } from "./api-problem.tsx";
import { ItemTable } from "./item-table.tsx";
import { settle } from "./settle.ts";

/** A list page (briefs, assets, …): recent items read from Inngest's event history. */
export async function ItemListPage({ kind, title, lead, newHref, newLabel }: { kind: TrackedKind; title: string; lead: string; newHref: Route; newLabel: string }) {
  const items = await settle(loadItemList(inngestApi, reveal, kind));
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        <Link href={newHref} className="button">
          {newLabel}
        </Link>
      </div>
      <p className="lead">{lead}</p>
      <section className="panel">{items.ok ? <ItemTable kind={kind} items={items.value} /> : <ApiProblem error={items.error} />}</section>
    </>
  );
}
