import { redirect } from "next/navigation";
import { type Route } from "next";
import { itemLink } from "../activity/item-link.ts";
import { appSender } from "../outgoing/app-sender.ts";
import { type FormState } from "../forms/form-state.ts";
import { type StudioForm } from "../forms/studio-form.ts";
import { submitForm } from "../forms/submit-form.ts";
import { type ProducibleEvent } from "../produce/producible-events.ts";

/**
 * Runs a console form with the app's client: on success the operator lands on the page of the item
 * the sent event is about (see itemLink) with `?sent=<sent>&event=<event id>`: the page confirms it
 * and waits for Inngest to list that event before showing the item as changed. Otherwise the form
 * shows what to fix.
 */
export async function runFormAction<TEvent extends ProducibleEvent>(form: StudioForm<TEvent>, formData: FormData, sent: string): Promise<FormState> {
  const outcome = await submitForm(appSender, form, formData);
  if (!outcome.ok) return outcome.state;
  // Every producible event concerns a tracked kind and its data carries that kind's id.
  const link = itemLink(form.event.name, outcome.sent.data);
  if (!link) throw new Error(`${form.event.name} names no item page to go to.`);
  // Typed routes cannot check a path built from data (an id could hold any character); itemLink
  // always gives one of the item pages, with the id URI-encoded.
  const query = new URLSearchParams({ sent, ...(outcome.sent.eventId ? { event: outcome.sent.eventId } : {}) });
  redirect(`${link.href}?${query}` as Route);
}
