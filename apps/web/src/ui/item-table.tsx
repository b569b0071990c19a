import Link from "next/link";
import { type Route } from "next";
import { type Money } from "@studio/events";
import { type ItemSummary } from "../read-model/load-item-list.ts";
import { trackedKinds, type TrackedKind } from "../activity/tracked-kinds.ts";
import { formatInstant, formatMoney } from "./format.ts";

const str = (v: unknown) => (typeof v === "string" ? v : "—");
const money = (v: unknown) => formatMoney(v as Money | undefined);

/** What each list shows beyond the link and status: a few fields of the starting event. */
const columns: Record<TrackedKind, Array<[string, (d: Record<string, unknown>) => string]>> = {
  brief: [
    ["Title", (d) => str(d.title)],
    ["Client", (d) => str(d.clientId)],
    ["Budget", (d) => money(d.budget)],
    ["Due", (d) => str(d.dueDate)],
  ],
  asset: [
    ["File", (d) => str(d.fileName)],
    ["Project", (d) => str(d.projectId)],
    ["Type", (d) => str(d.contentType)],
  ],
  invoice: [
    ["Client", (d) => str(d.clientId)],
    ["Total", (d) => money(d.total)],
    ["Due", (d) => str(d.dueDate)],
  ],
  reminder: [
    ["Send at", (d) => formatInstant(str(d.sendAt))],
    ["Channel", (d) => str(d.channel)],
    ["Subject", (d) => str(d.subject)],
  ],
};

const startedLabel: Record<TrackedKind, string> = { brief: "Submitted", asset: "Uploaded", invoice: "Issued", reminder: "Scheduled" };

/** One page of items of one kind, each linking to its live view. */
export function ItemTable({ kind, items, empty }: { kind: TrackedKind; items: readonly ItemSummary[]; empty?: string }) {
  if (items.length === 0) return <p className="muted">{empty ?? "Nothing yet."}</p>;
  const cols = columns[kind];
  return (
    <div className="table-wrap">
      <table data-testid={`${kind}-list`}>
        <thead>
          <tr>
            <th scope="col">Id</th>
            {cols.map(([label]) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
            <th scope="col">Status</th>
            <th scope="col">{startedLabel[kind]}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <Link href={`${trackedKinds[kind].path}/${encodeURIComponent(item.id)}` as Route}>{item.id}</Link>
              </td>
              {cols.map(([label, get]) => (
                <td key={label}>{get(item.data)}</td>
              ))}
              <td>
                <span className="badge">{item.status}</span>
              </td>
              <td>{formatInstant(item.at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
