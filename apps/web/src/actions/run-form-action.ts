import { redirect } from "next/navigation";
import { type Route } from "next";
import { inngest } from "../inngest/client.ts";
import { type FormState } from "../forms/form-state.ts";
import { type StudioForm } from "../forms/studio-form.ts";
import { submitForm } from "../forms/submit-form.ts";
import { type ProducibleEvent } from "../produce/producible-events.ts";
import { type EventData } from "@studio/events";

/**
 * Runs a console form with the app's client: on success the operator lands on the item's page
 * (`to` builds it from the sent data) with `?sent=<sent>&event=<event id>`: the page confirms it and
 * waits for Inngest to list that event before showing the item as changed. Otherwise the form
 * shows what to fix.
 */
export async function runFormAction<TEvent extends ProducibleEvent>(
  form: StudioForm<TEvent>,
  formData: FormData,
  sent: string,
  to: (data: EventData<TEvent>) => string,
): Promise<FormState> {
  const outcome = await submitForm(inngest, form, formData);
  if (!outcome.ok) return outcome.state;
  // Typed routes cannot check a path built from data (an id could hold any character); `to` is
  // always one of the item pages and ids are URI-encoded.
  const query = new URLSearchParams({ sent, ...(outcome.sent.eventId ? { event: outcome.sent.eventId } : {}) });
  redirect(`${to(outcome.sent.data)}?${query}` as Route);
}
