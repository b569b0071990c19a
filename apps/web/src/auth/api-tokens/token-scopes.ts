import { producibleEvents } from "../../produce/producible-events.ts";

/** The outbox channels a token can post to (the local stand-ins for Slack and email). */
export const OUTBOX_SCOPES = ["outbox:webhook", "outbox:email"] as const;

/** Everything a token can be allowed: each producible event (`events:invoice.paid`) and each outbox. */
export const TOKEN_SCOPES: readonly string[] = [...Object.keys(producibleEvents).map((key) => `events:${key}`), ...OUTBOX_SCOPES];

/** The scopes in `requested` that do not exist, to name them in the admin form's error. */
export function unknownScopes(requested: readonly string[]): string[] {
  return requested.filter((scope) => !TOKEN_SCOPES.includes(scope));
}
