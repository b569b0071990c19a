import { recordAudit } from "../../../../src/audit/record-audit.ts";
import { guardRoute } from "../../../../src/auth/guard-route.ts";
import { appDatabase } from "../../../../src/db/app-database.ts";
import { appSender } from "../../../../src/outgoing/app-sender.ts";
import { handleEventPost } from "../../../../src/produce/handle-event-post.ts";

/**
 * JSON producer API for machines: POST /api/events/invoice.paid with the event's data and
 * `Authorization: Bearer <API token>` scoped to that event (see docs/web.md). Each send is audited
 * under the token's name.
 */
export const POST = guardRoute("POST /api/events/[event]", async (request, actor, { params }: RouteContext<"/api/events/[event]">) =>
  handleEventPost(appSender, (await params).event, request, { onSent: async (sent) => recordAudit(await appDatabase(), actor, sent) }),
);
