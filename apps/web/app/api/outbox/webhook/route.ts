import { outboxDir } from "../../../../src/env.ts";
import { createOutboxRoute } from "../../../../src/outbox/outbox-route.ts";

/** Local stand-in for the team's Slack-style webhook (`{ text }`); see the Outbox page. */
export const POST = createOutboxRoute("webhook", outboxDir);
