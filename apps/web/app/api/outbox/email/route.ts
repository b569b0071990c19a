import { appOutboxRoute } from "../../../../src/outbox/app-outbox-route.ts";

/** Local stand-in for the email provider (`{ to, subject, text }`); see the Outbox page. */
export const POST = appOutboxRoute("email");
