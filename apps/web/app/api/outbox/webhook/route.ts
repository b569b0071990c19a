import { guardRoute } from "../../../../src/auth/guard-route.ts";
import { outboxDir } from "../../../../src/env.ts";
import { createOutboxRoute } from "../../../../src/outbox/outbox-route.ts";

const store = createOutboxRoute("webhook", outboxDir);

/** Local stand-in for the team's Slack-style webhook (`{ text }`); see the Outbox page. Needs a token scoped outbox:webhook. */
export const POST = guardRoute("POST /api/outbox/webhook", (request) => store(request));
