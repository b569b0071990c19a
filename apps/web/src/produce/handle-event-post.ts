import { readJsonBody } from "../http/read-json-body.ts";
import { type EventSender } from "./event-sender.ts";
import { produceEvent } from "./produce-event.ts";
import { isProducibleEventKey, producibleEvents } from "./producible-events.ts";
import { sendFailureMessage } from "./send-failure-message.ts";

export type EventPostOptions = {
  /** Called once Inngest accepted the event (the route files the audit record here). */
  onSent?: (sent: { name: string; eventId: string; data: unknown }) => Promise<void>;
};

/**
 * `POST /api/events/<key>` with the event's `data` as the JSON body: the same producer the forms
 * use, for machines (the route checks their API token first). 202 with the event id when sent;
 * 415 for a body not sent as application/json and 413 for one over the limit, both before parsing;
 * 400 naming every bad field (and nothing sent) when the data breaks the contract.
 */
export async function handleEventPost(sender: EventSender, key: string, request: Request, options: EventPostOptions = {}): Promise<Response> {
  if (!isProducibleEventKey(key)) {
    return Response.json(
      { error: `Unknown event "${key}". The web app sends: ${Object.keys(producibleEvents).join(", ")}.` },
      { status: 404 },
    );
  }
  const event = producibleEvents[key];
  const body = await readJsonBody(request, { example: `the data of ${event.name}, e.g. {"invoiceId": "inv_1", …}` });
  if (!body.ok) return body.response;
  let result;
  try {
    result = await produceEvent(sender, event, body.value);
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
  if (result.notSent) {
    return Response.json(
      {
        error: `${event.name} was recorded as ${result.eventId} but not sent: Inngest did not accept it (${result.notSent}). Send the same request again to retry: it cannot arrive twice.`,
        eventId: result.eventId,
      },
      { status: 502 },
    );
  }
  await options.onSent?.({ name: event.name, eventId: result.eventId, data: result.data });
  return Response.json(
    { eventId: result.eventId, ids: result.ids, ...(result.deliverAt ? { deliverAt: result.deliverAt } : {}) },
    { status: 202 },
  );
}
