import { type FailureRow } from "../read-model/item-failures.ts";
import { formatInstant } from "./format.ts";

/** The workflows that failed for good about an item (studio/automation.failed, kept in the database). */
export function FailureList({ failures }: { failures: readonly FailureRow[] }) {
  if (failures.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="failures-title" data-testid="failures">
      <h2 id="failures-title">Failed workflows</h2>
      <ul className="list-plain stack">
        {failures.map((failure) => (
          <li key={failure.eventId} className="notice notice--bad">
            <strong>
              {failure.app} / {failure.functionId}
            </strong>{" "}
            failed at {formatInstant(failure.failedAt.toISOString())} (run <code>{failure.runId}</code>, started by <code>{failure.triggerName}</code>):{" "}
            {failure.errorName}: {failure.errorMessage}
            {failure.compensated ? " Its changes were undone." : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
