import Link from "next/link";
import { type Route } from "next";
import { briefApproved, briefSubmitted, briefWithdrawn, projectCreated } from "@studio/events";
import { findAnalysis } from "../../../src/activity/find-analysis.ts";
import { findEventData } from "../../../src/activity/find-event-data.ts";
import { latestBriefUpdate } from "../../../src/activity/latest-brief-update.ts";
import { nextBriefRevision } from "../../../src/activity/next-brief-revision.ts";
import { loadItemActivity } from "../../../src/activity/load-item-activity.ts";
import { isPending, sentEvent } from "../../../src/activity/sent-event.ts";
import { stillChanging } from "../../../src/activity/still-changing.ts";
import { approveBrief } from "../../../src/actions/approve-brief.ts";
import { updateBrief } from "../../../src/actions/update-brief.ts";
import { withdrawBrief } from "../../../src/actions/withdraw-brief.ts";
import { reveal } from "../../../src/crypto/reveal.ts";
import { inngestApi } from "../../../src/inngest/rest-api.ts";
import { progressSubject } from "../../../src/realtime/progress-subject.ts";
import { ActivityList } from "../../../src/ui/activity-list.tsx";
import { ApiProblem } from "../../../src/ui/api-problem.tsx";
import { AutoRefresh } from "../../../src/ui/auto-refresh.tsx";
import { ConsoleForm } from "../../../src/ui/console-form.tsx";
import { formatMoney } from "../../../src/ui/format.ts";
import { approveFields, editFields, withdrawFields } from "../../../src/ui/form-fields/brief-fields.ts";
import { LiveProgress } from "../../../src/ui/live-progress.tsx";
import { OutcomeDetails } from "../../../src/ui/outcome-details.tsx";
import { SentNotice } from "../../../src/ui/sent-notice.tsx";
import { settle } from "../../../src/ui/settle.ts";
import { listItemAudit } from "../../../src/audit/list-item-audit.ts";
import { requirePage } from "../../../src/auth/require-page.ts";
import { roleGrants } from "../../../src/auth/roles.ts";
import { userNames } from "../../../src/auth/user-names.ts";
import { appDatabase } from "../../../src/db/app-database.ts";
import { AuditList } from "../../../src/ui/audit-list.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/briefs/[briefId]">) {
  return { title: `Brief ${decodeURIComponent((await params).briefId)}` };
}

export default async function BriefPage({ params, searchParams }: PageProps<"/briefs/[briefId]">) {
  const briefId = decodeURIComponent((await params).briefId);
  const user = await requirePage("/briefs/[briefId]", `/briefs/${encodeURIComponent(briefId)}`);
  const activity = await settle(loadItemActivity(inngestApi, reveal, "brief", briefId));
  const events = activity.ok ? activity.value : [];
  const sent = sentEvent(await searchParams, activity.ok ? events : undefined);
  const brief = findEventData(events, briefSubmitted);
  const approved = findEventData(events, briefApproved);
  const withdrawn = findEventData(events, briefWithdrawn);
  const project = findEventData(events, projectCreated);
  const analysed = findAnalysis(events);
  // What the brief says now: the latest edit over what was submitted.
  const edit = latestBriefUpdate(events);
  const title = edit?.encrypted.title ?? brief?.title;
  const description = edit?.encrypted.description ?? brief?.encrypted.description;
  // A decision just sent counts before Inngest lists it, so the page never offers it again.
  const approving = !approved && isPending(sent, "approved");
  const withdrawing = !withdrawn && isPending(sent, "withdrawn");
  // Viewers read; only operators (and admins) get the forms (the actions check again).
  const canSend = roleGrants(user.role, "operator");
  const store = await appDatabase();
  const [audit, names] = await Promise.all([listItemAudit(store, "brief", briefId), userNames(store, approved ? [approved.approvedBy] : [])]);
  // Decisions need a known, still-open brief (when Inngest cannot be read, the forms stay usable).
  const open = !withdrawn && !withdrawing && !project && (brief !== undefined || !activity.ok);
  const status = withdrawn
    ? "Withdrawn"
    : withdrawing
      ? "Withdrawal sent"
      : project
        ? "Project created"
        : approved
          ? "Approved, creating project"
          : approving
            ? "Approval sent"
            : "Awaiting approval";

  return (
    <>
      <SentNotice sent={sent} />
      <div className="page-head">
        <h1>{title ?? `Brief ${briefId}`}</h1>
        <span className="badge" data-testid="brief-status">
          {status}
        </span>
      </div>
      <div className="grid grid--2">
        <section className="panel" aria-labelledby="brief-facts">
          <h2 id="brief-facts">Brief</h2>
          {brief ? (
            <dl className="facts">
              <dt>Brief id</dt>
              <dd>
                <code>{briefId}</code>
              </dd>
              <dt>Client</dt>
              <dd>{brief.clientId}</dd>
              <dt>Contact</dt>
              <dd>
                {brief.encrypted.contactName} &lt;{brief.encrypted.contactEmail}&gt;
              </dd>
              <dt>Budget</dt>
              <dd>{formatMoney(brief.budget)}</dd>
              <dt>Due</dt>
              <dd>{brief.dueDate}</dd>
              <dt>Description</dt>
              <dd style={{ whiteSpace: "pre-wrap" }}>{description}</dd>
              {edit && (
                <>
                  <dt>Revision</dt>
                  <dd data-testid="brief-revision">{edit.revision}</dd>
                </>
              )}
            </dl>
          ) : (
            <p className="muted">
              {activity.ok ? `No brief with id ${briefId} in Inngest's recent events.` : "The brief's details come from Inngest, which cannot be read right now."}
            </p>
          )}
        </section>
        <section className="panel" aria-labelledby="brief-decision">
          <h2 id="brief-decision">Decision</h2>
          {project ? (
            <div data-testid="project-created">
              <p className="notice notice--ok">
                Project <strong data-testid="project-id">{project.projectId}</strong> was created for this brief.
              </p>
              {project.summary && <p>{project.summary}</p>}
              <p>
                <Link href={`/assets/new?projectId=${encodeURIComponent(project.projectId)}` as Route}>Register an asset</Link> ·{" "}
                <Link href={`/invoices/new?clientId=${encodeURIComponent(project.clientId)}&projectId=${encodeURIComponent(project.projectId)}` as Route}>
                  Issue an invoice
                </Link>
              </p>
            </div>
          ) : withdrawn ? (
            <p className="notice notice--info">Withdrawn{withdrawn.reason ? `: ${withdrawn.reason}` : "."}</p>
          ) : approved ? (
            <p className="notice notice--info">Approved by <span data-testid="approved-by">{names.get(approved.approvedBy) ?? approved.approvedBy}</span>. The worker creates the project next.</p>
          ) : null}
          {canSend && open && !approved && !approving && (
            <>
              <h3>Approve</h3>
              <ConsoleForm label="Approve brief" action={approveBrief} fields={approveFields(briefId)} submitLabel="Approve brief" pendingLabel="Approving…" />
            </>
          )}
          {canSend && open && brief && (
            // Only with the brief known: the next revision is counted from the edits Inngest holds.
            <>
              <h3 style={{ marginTop: "1.25rem" }}>Edit</h3>
              <ConsoleForm
                label="Edit brief"
                action={updateBrief}
                fields={editFields(briefId, nextBriefRevision(events), { title, description: description ?? brief.encrypted.description })}
                submitLabel="Save edits"
                pendingLabel="Saving…"
              />
            </>
          )}
          {canSend && open && (
            <>
              <h3 style={{ marginTop: "1.25rem" }}>Withdraw</h3>
              <ConsoleForm label="Withdraw brief" action={withdrawBrief} fields={withdrawFields(briefId)} submitLabel="Withdraw brief" pendingLabel="Withdrawing…" danger />
            </>
          )}
        </section>
      </div>
      <div className="stack" style={{ marginTop: "1rem" }}>
        <LiveProgress subject={progressSubject("brief", briefId)} />
        <AuditList entries={audit} />
        {analysed && (
          <section className="panel" aria-labelledby="analysis-title" data-testid="analysis-panel">
            <h2 id="analysis-title">Analysis</h2>
            <p className="muted">
              By {analysed.model.provider} / {analysed.model.name}
              {analysed.model.offline ? " (offline stand-in model)" : ""}, revision {analysed.revision}.
            </p>
            <OutcomeDetails value={analysed} rawLabel="Raw analysis" />
          </section>
        )}
        <section className="panel" aria-labelledby="runs-title">
          <h2 id="runs-title">Events and runs</h2>
          <p className="muted">Read from the Inngest API; refreshed while runs are in progress.</p>
          {activity.ok ? <ActivityList events={events} /> : <ApiProblem error={activity.error} />}
        </section>
      </div>
      <AutoRefresh active={activity.ok && (stillChanging(events) || events.length === 0)} />
    </>
  );
}
