import { retrySend } from "../actions/retry-send.ts";
import { type OutgoingRow } from "../read-model/item-outgoing.ts";
import { AutoRefresh } from "./auto-refresh.tsx";
import { formatInstant } from "./format.ts";

/** A recorded event that is `pending` this long is taken as lost (the app stopped before sending it). */
export const PENDING_GRACE_MS = 30_000;

/**
 * What the console recorded about this item but Inngest has not accepted: each with why and a
 * Retry button (same event id, so a retry can never make a second event).
 */
export function NotSentNotice({ outgoing, now = Date.now() }: { outgoing: readonly OutgoingRow[]; now?: number }) {
  const unsent = outgoing.filter((row) => row.status !== "sent");
  if (unsent.length === 0) return null;
  const inFlight = unsent.some((row) => row.status === "pending" && now - row.recordedAt.getTime() < PENDING_GRACE_MS);
  return (
    <div className="notice notice--bad" role="alert" data-testid="not-sent">
      <strong>Not sent to Inngest yet.</strong> The console recorded {unsent.length === 1 ? "this action" : "these actions"}, but Inngest has not accepted{" "}
      {unsent.length === 1 ? "it" : "them"}: no workflow has started for {unsent.length === 1 ? "it" : "them"}.
      <ul>
        {unsent.map((row) => {
          const sending = row.status === "pending" && now - row.recordedAt.getTime() < PENDING_GRACE_MS;
          return (
            <li key={row.eventId} data-testid="not-sent-event" data-event-id={row.eventId}>
              <code>{row.name}</code> recorded {formatInstant(row.recordedAt.toISOString())}
              {row.status === "failed"
                ? `: ${row.lastError ?? "Inngest did not accept it"} (${row.attempts} attempt${row.attempts === 1 ? "" : "s"})`
                : sending
                  ? ": sending…"
                  : ": never sent (the app stopped before sending it)"}{" "}
              {!sending && (
                <form action={retrySend} style={{ display: "inline" }}>
                  <input type="hidden" name="eventId" value={row.eventId} />
                  <button type="submit">Retry</button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      <AutoRefresh active={inFlight} everyMs={2000} forMs={PENDING_GRACE_MS} />
    </div>
  );
}
