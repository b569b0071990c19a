import Link from "next/link";
import { findReminder } from "../../../src/activity/find-reminder.ts";
import { loadItemActivity } from "../../../src/activity/load-item-activity.ts";
import { sentEvent } from "../../../src/activity/sent-event.ts";
import { stillChanging } from "../../../src/activity/still-changing.ts";
import { reveal } from "../../../src/crypto/reveal.ts";
import { inngestApi } from "../../../src/inngest/rest-api.ts";
import { ActivityList } from "../../../src/ui/activity-list.tsx";
import { ApiProblem } from "../../../src/ui/api-problem.tsx";
import { AutoRefresh } from "../../../src/ui/auto-refresh.tsx";
import { formatInstant } from "../../../src/ui/format.ts";
import { SentNotice } from "../../../src/ui/sent-notice.tsx";
import { settle } from "../../../src/ui/settle.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/reminders/[reminderId]">) {
  return { title: `Reminder ${decodeURIComponent((await params).reminderId)}` };
}

export default async function ReminderPage({ params, searchParams }: PageProps<"/reminders/[reminderId]">) {
  const reminderId = decodeURIComponent((await params).reminderId);
  const activity = await settle(loadItemActivity(inngestApi, reveal, "reminder", reminderId));
  const events = activity.ok ? activity.value : [];
  const sent = sentEvent(await searchParams, activity.ok ? events : undefined);
  const reminder = findReminder(events);
  const delivered = events.some((e) => e.runs.some((r) => r.status === "Completed"));
  return (
    <>
      <SentNotice sent={sent} />
      <div className="page-head">
        <h1>{reminder?.subject ?? `Reminder ${reminderId}`}</h1>
        <span className="badge">{delivered ? "Delivered" : "Scheduled"}</span>
      </div>
      <section className="panel" aria-labelledby="reminder-facts">
        <h2 id="reminder-facts">Reminder</h2>
        {reminder ? (
          <dl className="facts">
            <dt>Send at</dt>
            <dd>{formatInstant(reminder.sendAt)}</dd>
            <dt>Channel</dt>
            <dd>{reminder.channel === "email" ? "Email" : "Webhook"}</dd>
            <dt>To</dt>
            <dd>{reminder.to}</dd>
            <dt>Message</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{reminder.message}</dd>
          </dl>
        ) : (
          <p className="muted">
            No reminder with id {reminderId} in Inngest&apos;s recent events yet. Scheduled events may only be listed once they are
            due.
          </p>
        )}
        <p className="muted">
          Locally, delivered reminders land in the <Link href="/outbox">outbox</Link>.
        </p>
      </section>
      <section className="panel" aria-labelledby="runs-title">
        <h2 id="runs-title">Events and runs</h2>
        {activity.ok ? <ActivityList events={events} /> : <ApiProblem error={activity.error} />}
      </section>
      <AutoRefresh active={activity.ok && stillChanging(events)} everyMs={5000} />
    </>
  );
}
