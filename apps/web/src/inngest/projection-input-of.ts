import { createHash } from "node:crypto";
import { type ProjectionInput } from "../projections/projection-input.ts";

/**
 * A triggering event as the projections read it. Inngest gives every event an id (the producer's
 * dedupe id, or its own); should one come without, an id is derived from its content, so a
 * redelivery still counts once.
 */
export function projectionInputOf<TData>(event: { id?: string; name: string; ts?: number; data: TData }): ProjectionInput<TData> {
  const ts = event.ts ?? Date.now();
  const id = event.id || `${event.name}:${createHash("sha256").update(JSON.stringify([event.ts, event.data])).digest("base64url")}`;
  return { id, name: event.name, ts, data: event.data };
}
