import { outboxDir } from "../../../../src/env.ts";
import { createOutboxRoute } from "../../../../src/outbox/outbox-route.ts";

/** Local stand-in for the email provider (`{ to, subject, text }`); see the Outbox page. */
export const POST = createOutboxRoute("email", outboxDir);
