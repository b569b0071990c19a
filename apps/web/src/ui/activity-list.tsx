import Link from "next/link";
import { type Route } from "next";
import { itemLink } from "../activity/item-link.ts";
import { isFinished } from "../activity/still-changing.ts";
import { type ActivityEvent } from "../activity/types.ts";
import { formatInstant, toJson } from "./format.ts";
import { OutcomeDetails } from "./outcome-details.tsx";
import { StatusBadge } from "./status-badge.tsx";

/**
 * Events and the runs they started, as the Inngest API reports them (Dev Server locally, Inngest
 * Cloud in production).
 */
export function ActivityList({ events, showData = false, linkItems = false }: { events: readonly ActivityEvent[]; showData?: boolean; linkItems?: boolean }) {
  if (events.length === 0) return <p className="muted">No events yet.</p>;
  return (
    <ol className="list-plain" data-testid="activity">
      {events.map((event) => {
        const link = linkItems ? itemLink(event.name, event.data) : undefined;
        return (
        <li key={event.internalId} className="event-item" data-event={event.name}>
          <div>
            <code>{event.name}</code>{" "}
            {link && (
              <>
                <Link href={link.href as Route}>{link.label}</Link>{" "}
              </>
            )}
            <span className="event-meta">
              received {formatInstant(event.receivedAt)}
              {event.ts && event.ts > Date.parse(event.receivedAt) + 1000 ? `, delivered at ${formatInstant(event.ts)}` : ""}
            </span>
          </div>
          <div className="event-meta">
            event id <code>{event.id ?? event.internalId}</code>
            {event.repeatOf && (
              <>
                {" "}
                · <span className="badge badge--warn">Repeat</span> same id as an earlier event, so Inngest started nothing for it
              </>
            )}
          </div>
          {showData && (
            <details>
              <summary>Event data{event.dataSealed ? " (encrypted with a key this app does not have)" : ""}</summary>
              <pre>{toJson(event.data)}</pre>
            </details>
          )}
          {event.runs.length === 0 ? (
            !event.repeatOf && <p className="event-meta">No function runs (yet).</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="sr-only">Runs started by {event.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Function</th>
                    <th scope="col">Status</th>
                    <th scope="col">Started</th>
                    <th scope="col">Ended</th>
                  </tr>
                </thead>
                <tbody>
                  {event.runs.map((run) => (
                    <tr key={run.runId} data-testid="run" data-function={run.functionSlug} data-status={run.status}>
                      <td>
                        {run.functionName}
                        <br />
                        <span className="event-meta">
                          <code>{run.functionSlug}</code> · run <code>{run.runId}</code>
                        </span>
                        {isFinished(run.status) && run.output && (run.output.data !== undefined || run.output.error) && (
                          <details>
                            <summary>{run.output.error ? "Error" : "Result"}</summary>
                            {run.output.error ? (
                              <p className="notice notice--bad">
                                {run.output.error.name ?? "Error"}: {run.output.error.message}
                              </p>
                            ) : (
                              <OutcomeDetails value={run.output.data} rawLabel="Raw output" />
                            )}
                          </details>
                        )}
                      </td>
                      <td>
                        <StatusBadge status={run.status} />
                      </td>
                      <td>{formatInstant(run.startedAt)}</td>
                      <td>{run.endedAt ? formatInstant(run.endedAt) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </li>
        );
      })}
    </ol>
  );
}
