import { guardRoute } from "../../../../src/auth/guard-route.ts";
import { appOutboxRoute } from "../../../../src/outbox/app-outbox-route.ts";

const store = appOutboxRoute("email");

/** Local stand-in for the email provider (`{ to, subject, text }`); see the Outbox page; it needs an API token scoped outbox:email. */
export const POST = guardRoute("POST /api/outbox/email", (request) => store(request));
