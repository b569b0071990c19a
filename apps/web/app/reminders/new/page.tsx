import { connection } from "next/server";
import { scheduleReminder } from "../../../src/actions/schedule-reminder.ts";
import { newItemId } from "../../../src/ids/new-item-id.ts";
import { ConsoleForm } from "../../../src/ui/console-form.tsx";
import { reminderFields } from "../../../src/ui/form-fields/reminder-fields.ts";
import { requirePage } from "../../../src/auth/require-page.ts";

export const metadata = { title: "Schedule a reminder" };

export default async function NewReminderPage() {
  await requirePage("/reminders/new");
  await connection();
  return (
    <>
      <h1>Schedule a reminder</h1>
      <p className="lead">
        Sends <code>studio/reminder.scheduled</code> now, with its delivery time set to &ldquo;send at&rdquo;: Inngest holds it
        until then and the worker delivers it by email or to the team webhook.
      </p>
      <section className="panel">
        <ConsoleForm label="Schedule reminder" action={scheduleReminder} fields={reminderFields(newItemId("reminder"))} submitLabel="Schedule reminder" pendingLabel="Scheduling…" />
      </section>
    </>
  );
}
