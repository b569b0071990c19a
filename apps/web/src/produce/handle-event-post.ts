import { type EventSender } from "./event-sender.ts";
import { produceEvent } from "./produce-event.ts";
import { isProducibleEventKey, producibleEvents } from "./producible-events.ts";
import { sendFailureMessage } from "./send-failure-message.ts";

/**
 * `POST /api/events/<key>` with the event's `data` as the JSON body: the same producer the forms
 * use, for scripts and other tools. 202 with the event id when sent; 400 naming every bad field
 * (and nothing sent) when the data breaks the contract.
 */
export async function handleEventPost(sender: EventSender, key: string, request: Request): Promise<Response> {
  if (!isProducibleEventKey(key)) {
    return Response.json(
      { error: `Unknown event "${key}". The web app sends: ${Object.keys(producibleEvents).join(", ")}.` },
      { status: 404 },
    );
  }
  const event = producibleEvents[key];
  let data: unknown;
  try {
    data = await request.json();
  } catch {
    return Response.json({ error: `The body must be JSON: the data of ${event.name}.` }, { status: 400 });
  }
  let result;
  try {
    result = await produceEvent(sender, event, data);
  } catch (error) {
    return Response.json({ error: sendFailureMessage(error) }, { status: 502 });
  }
  if (!result.ok) {
    const listed = result.issues.map((i) => i.path).join(", ");
    return Response.json(
      { error: `${event.name} is invalid (${listed}); nothing was sent.`, fields: result.issues },
      { status: 400 },
    );
  }
  return Response.json(
    { eventId: result.eventId, ids: result.ids, ...(result.deliverAt ? { deliverAt: result.deliverAt } : {}) },
    { status: 202 },
  );
}
