import { guardRoute } from "../../../../src/auth/guard-route.ts";
import { appOutboxRoute } from "../../../../src/outbox/app-outbox-route.ts";

const store = appOutboxRoute("webhook");

/** Local stand-in for the team's Slack-style webhook (`{ text }`); see the Outbox page; it needs an API token scoped outbox:webhook. */
export const POST = guardRoute("POST /api/outbox/webhook", (request) => store(request));
