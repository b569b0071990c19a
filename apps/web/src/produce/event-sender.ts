import { type Inngest } from "inngest";

/** What a send answers: Inngest's ids, and, for a send that was recorded but could not reach Inngest, why. */
export type SendOutcome = { ids: string[]; notSent?: string };

/**
 * What producing needs from a sender: only `send`. The Inngest client is one; the app sends
 * through recordingSender (src/outgoing), which records every event first. Tests pass a client
 * aimed at a local server.
 */
export type EventSender = { send(payload: Parameters<Inngest.Any["send"]>[0]): Promise<SendOutcome> };
