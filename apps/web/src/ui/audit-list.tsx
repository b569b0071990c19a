import { type AuditEntry } from "../audit/list-item-audit.ts";
import { formatInstant } from "./format.ts";

/** The item's audit log: who sent which event, when, with the event id (src/audit). */
export function AuditList({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <section className="panel" aria-labelledby="audit-title" data-testid="audit-log">
      <h2 id="audit-title">Sent by</h2>
      {entries.length === 0 ? (
        <p className="muted">Nothing sent from the console or the API about this item yet.</p>
      ) : (
        <ul className="list-plain">
          {entries.map((e) => (
            <li key={e.id} className="event-item" data-testid="audit-entry" data-event={e.event}>
              <strong>{e.actorName}</strong> {e.actorType === "token" ? "(API token)" : ""} sent <code>{e.event}</code>
              <div className="event-meta">
                {formatInstant(e.at.toISOString())} · event id <code>{e.eventId}</code>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
