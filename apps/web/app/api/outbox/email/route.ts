import { guardRoute } from "../../../../src/auth/guard-route.ts";
import { outboxDir } from "../../../../src/env.ts";
import { createOutboxRoute } from "../../../../src/outbox/outbox-route.ts";

const store = createOutboxRoute("email", outboxDir);

/** Local stand-in for the email provider (`{ to, subject, text }`); see the Outbox page. Needs a token scoped outbox:email. */
export const POST = guardRoute("POST /api/outbox/email", (request) => store(request));
