import { appOutboxRoute } from "../../../../src/outbox/app-outbox-route.ts";

/** Local stand-in for the team's Slack-style webhook (`{ text }`); see the Outbox page. */
export const POST = appOutboxRoute("webhook");
