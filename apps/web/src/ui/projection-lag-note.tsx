import { type ProjectionLag } from "../read-model/projection-lag.ts";
import { formatInstant } from "./format.ts";

/**
 * How current a list is: the read model is kept by projection functions that Inngest runs as
 * events arrive, so a moment can pass between an event and its row. Shown on every list and item page.
 */
export function ProjectionLagNote({ lag }: { lag: ProjectionLag }) {
  return (
    <p className="muted" data-testid="projection-lag">
      {lag.lastProjectedAt
        ? `Read from the console's database; last event applied at ${formatInstant(lag.lastProjectedAt.toISOString())} (event time ${formatInstant(lag.lastEventAt?.toISOString())}).`
        : "Read from the console's database; no event applied yet."}
    </p>
  );
}
