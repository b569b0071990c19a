import Link from "next/link";
import { loadItemActivity } from "../../../src/activity/load-item-activity.ts";
import { sentEvent } from "../../../src/activity/sent-event.ts";
import { stillChanging } from "../../../src/activity/still-changing.ts";
import { reveal } from "../../../src/crypto/reveal.ts";
import { appDatabase } from "../../../src/db/app-database.ts";
import { inngestApi } from "../../../src/inngest/rest-api.ts";
import { findItem } from "../../../src/read-model/find-item.ts";
import { itemFailures } from "../../../src/read-model/item-failures.ts";
import { itemOutgoing } from "../../../src/read-model/item-outgoing.ts";
import { projectionLag } from "../../../src/read-model/projection-lag.ts";
import { ActivityList } from "../../../src/ui/activity-list.tsx";
import { ApiProblem } from "../../../src/ui/api-problem.tsx";
import { AutoRefresh } from "../../../src/ui/auto-refresh.tsx";
import { formatInstant } from "../../../src/ui/format.ts";
import { FailureList } from "../../../src/ui/failure-list.tsx";
import { NotSentNotice } from "../../../src/ui/not-sent-notice.tsx";
import { ProjectionLagNote } from "../../../src/ui/projection-lag-note.tsx";
import { SentNotice } from "../../../src/ui/sent-notice.tsx";
import { settle } from "../../../src/ui/settle.ts";
import { requirePage } from "../../../src/auth/require-page.ts";
import { roleGrants } from "../../../src/auth/roles.ts";
import { listItemAudit } from "../../../src/audit/list-item-audit.ts";
import { AuditList } from "../../../src/ui/audit-list.tsx";

export const dynamic = "force-dynamic";

/** v1 has `to`; v2 a typed `target` (an email address or a webhook URL). */
type ReminderPersonal = { subject: string; message: string; to?: string; target?: { channel: string; address?: string; url?: string } };
const recipient = (p: ReminderPersonal) => p.to ?? p.target?.address ?? p.target?.url ?? "—";

export async function generateMetadata({ params }: PageProps<"/reminders/[reminderId]">) {
  return { title: `Reminder ${decodeURIComponent((await params).reminderId)}` };
}

export default async function ReminderPage({ params, searchParams }: PageProps<"/reminders/[reminderId]">) {
  const reminderId = decodeURIComponent((await params).reminderId);
  const user = await requirePage("/reminders/[reminderId]", `/reminders/${encodeURIComponent(reminderId)}`);
  const db = await appDatabase();
  const audit = await listItemAudit(db, "reminder", reminderId);
  const [reminder, outgoing, failures, lag, activity] = await Promise.all([
    findItem(db, "reminder", reminderId),
    itemOutgoing(db, "reminder", reminderId),
    itemFailures(db, "reminder", reminderId),
    projectionLag(db, "reminder"),
    settle(loadItemActivity(db, inngestApi, reveal, "reminder", reminderId)),
  ]);
  const events = activity.ok ? activity.value : [];
  const sent = sentEvent(await searchParams, outgoing);
  const personal = reminder?.personal ? ((await reveal(reminder.personal)).value as ReminderPersonal) : undefined;
  const delivered = events.some((e) => e.runs.some((r) => r.status === "Completed"));
  return (
    <>
      <SentNotice sent={sent} />
      <NotSentNotice outgoing={outgoing} canRetry={roleGrants(user.role, "operator")} />
      <div className="page-head">
        <h1>{personal?.subject ?? `Reminder ${reminderId}`}</h1>
        <span className="badge">{delivered ? "Delivered" : "Scheduled"}</span>
      </div>
      <section className="panel" aria-labelledby="reminder-facts">
        <h2 id="reminder-facts">Reminder</h2>
        {reminder ? (
          <dl className="facts">
            <dt>Send at</dt>
            <dd>{formatInstant(reminder.sendAt.toISOString())}</dd>
            <dt>Channel</dt>
            <dd>{reminder.channel === "email" ? "Email" : "Webhook"}</dd>
            <dt>To</dt>
            <dd>{personal ? recipient(personal) : "(sealed with a key this app does not have)"}</dd>
            <dt>Message</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{personal?.message}</dd>
          </dl>
        ) : (
          <p className="muted">No reminder with id {reminderId} is recorded in the console&apos;s database.</p>
        )}
        <p className="muted">
          Locally, delivered reminders land in the <Link href="/outbox">outbox</Link>.
        </p>
      </section>
      <AuditList entries={audit} />
      <section className="panel" aria-labelledby="runs-title">
        <h2 id="runs-title">Events and runs</h2>
        {activity.ok ? <ActivityList events={events} /> : <ApiProblem error={activity.error} />}
      </section>
      <FailureList failures={failures} />
      <ProjectionLagNote lag={lag} />
      <AutoRefresh active={activity.ok && stillChanging(events)} everyMs={5000} />
    </>
  );
}
