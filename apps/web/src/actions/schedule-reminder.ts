"use server";

import { scheduleReminderForm } from "../forms/definitions/schedule-reminder.ts";
import { type FormState } from "../forms/form-state.ts";
import { guardAction } from "../auth/guard-action.ts";
import { runFormAction } from "./run-form-action.ts";

/** Server action of the "Schedule reminder" form: operators and admins only (access-rules.ts). */
export const scheduleReminder = guardAction("scheduleReminder", (user, _previous: FormState, formData: FormData): Promise<FormState> =>
  runFormAction(user, scheduleReminderForm, formData, "scheduled"),
);
