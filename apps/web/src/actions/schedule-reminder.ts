"use server";

import { scheduleReminderForm } from "../forms/definitions/schedule-reminder.ts";
import { type FormState } from "../forms/form-state.ts";
import { runFormAction } from "./run-form-action.ts";

/** Server action of the "Schedule reminder" form. */
export async function scheduleReminder(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(scheduleReminderForm, formData, "scheduled");
}
