import { appSender } from "../../../../src/outgoing/app-sender.ts";
import { handleEventPost } from "../../../../src/produce/handle-event-post.ts";

/** JSON producer API: POST /api/events/brief.submitted with the event's data (see docs/web.md). */
export async function POST(request: Request, { params }: RouteContext<"/api/events/[event]">) {
  return handleEventPost(appSender, (await params).event, request);
}
