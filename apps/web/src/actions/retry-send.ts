"use server";

import { redirect } from "next/navigation";
import { type Route } from "next";
import { trackedKinds } from "../activity/tracked-kinds.ts";
import { reveal } from "../crypto/reveal.ts";
import { appDatabase } from "../db/app-database.ts";
import { guardAction } from "../auth/guard-action.ts";
import { inngest } from "../inngest/client.ts";
import { itemOutgoingById } from "../read-model/item-outgoing-by-id.ts";
import { retryOutgoingEvent } from "../outgoing/retry-outgoing-event.ts";

/**
 * The "Retry" button of an event the console recorded but could not send: sends it again with its
 * own id (Inngest drops it if the first attempt arrived after all), then shows the item again.
 * Operators and admins only (access-rules.ts).
 */
export const retrySend = guardAction("retrySend", async (_user, formData: FormData): Promise<void> => {
  const value = formData.get("eventId");
  const eventId = typeof value === "string" ? value : "";
  const db = await appDatabase();
  const row = await itemOutgoingById(db, eventId);
  if (!row) throw new Error(`No recorded event with id ${JSON.stringify(eventId)}.`);
  await retryOutgoingEvent(db, inngest, reveal, eventId);
  const spec = trackedKinds[row.itemKind as keyof typeof trackedKinds];
  redirect(`${spec.path}/${encodeURIComponent(row.itemId)}?retried=${encodeURIComponent(eventId)}` as Route);
});
