import { type Inngest } from "inngest";

/** What producing needs from the Inngest client: only `send`. Tests pass a client aimed at a local server. */
export type EventSender = Pick<Inngest.Any, "send">;
