import { redirect } from "next/navigation";
import { type Route } from "next";
import { itemLink } from "../activity/item-link.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { type SessionUser } from "../auth/actor.ts";
import { appDatabase } from "../db/app-database.ts";
import { appSender } from "../outgoing/app-sender.ts";
import { type FormState } from "../forms/form-state.ts";
import { type StudioForm } from "../forms/studio-form.ts";
import { submitForm } from "../forms/submit-form.ts";
import { type ProducibleEvent } from "../produce/producible-events.ts";

/**
 * Runs a console form for the signed-in `user` (guardAction checked their role) with the app's
 * client: on success the event is filed in the audit log under the user, and the operator lands on
 * the page of the item the sent event is about (see itemLink) with `?sent=<sent>&event=<event id>`:
 * the page confirms it and waits for the event to be recorded before showing the item as changed.
 * Otherwise the form shows what to fix.
 */
export async function runFormAction<TEvent extends ProducibleEvent>(user: SessionUser, form: StudioForm<TEvent>, formData: FormData, sent: string): Promise<FormState> {
  const outcome = await submitForm(appSender, form, formData, new Date(), user);
  if (!outcome.ok) return outcome.state;
  await recordAudit(await appDatabase(), { type: "user", id: user.id, name: user.name, role: user.role }, { name: form.event.name, eventId: outcome.sent.eventId, data: outcome.sent.data });
  // Every producible event concerns a tracked kind and its data carries that kind's id.
  const link = itemLink(form.event.name, outcome.sent.data);
  if (!link) throw new Error(`${form.event.name} names no item page to go to.`);
  // Typed routes cannot check a path built from data (an id could hold any character); itemLink
  // always gives one of the item pages, with the id URI-encoded.
  const query = new URLSearchParams({ sent, ...(outcome.sent.eventId ? { event: outcome.sent.eventId } : {}) });
  redirect(`${link.href}?${query}` as Route);
}
