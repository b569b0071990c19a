import Link from "next/link";
import { type Route } from "next";
import { analyseBriefReturnSchema } from "@studio/events";
import { findAnalysis } from "../../../src/activity/find-analysis.ts";
import { nextBriefRevision } from "../../../src/activity/next-brief-revision.ts";
import { loadItemActivity } from "../../../src/activity/load-item-activity.ts";
import { sentEvent } from "../../../src/activity/sent-event.ts";
import { stillChanging } from "../../../src/activity/still-changing.ts";
import { approveBrief } from "../../../src/actions/approve-brief.ts";
import { updateBrief } from "../../../src/actions/update-brief.ts";
import { withdrawBrief } from "../../../src/actions/withdraw-brief.ts";
import { reveal } from "../../../src/crypto/reveal.ts";
import { appDatabase } from "../../../src/db/app-database.ts";
import { inngestApi } from "../../../src/inngest/rest-api.ts";
import { findItem } from "../../../src/read-model/find-item.ts";
import { itemFailures } from "../../../src/read-model/item-failures.ts";
import { itemOutgoing } from "../../../src/read-model/item-outgoing.ts";
import { projectionLag } from "../../../src/read-model/projection-lag.ts";
import { progressSubject } from "../../../src/realtime/progress-subject.ts";
import { ActivityList } from "../../../src/ui/activity-list.tsx";
import { ApiProblem } from "../../../src/ui/api-problem.tsx";
import { AutoRefresh } from "../../../src/ui/auto-refresh.tsx";
import { ConsoleForm } from "../../../src/ui/console-form.tsx";
import { FailureList } from "../../../src/ui/failure-list.tsx";
import { formatMoney } from "../../../src/ui/format.ts";
import { approveFields, editFields, withdrawFields } from "../../../src/ui/form-fields/brief-fields.ts";
import { LiveProgress } from "../../../src/ui/live-progress.tsx";
import { NotSentNotice } from "../../../src/ui/not-sent-notice.tsx";
import { OutcomeDetails } from "../../../src/ui/outcome-details.tsx";
import { ProjectionLagNote } from "../../../src/ui/projection-lag-note.tsx";
import { SentNotice } from "../../../src/ui/sent-notice.tsx";
import { settle } from "../../../src/ui/settle.ts";
import { requirePage } from "../../../src/auth/require-page.ts";
import { mayOpen } from "../../../src/auth/may-open.ts";
import { listItemAudit } from "../../../src/audit/list-item-audit.ts";
import { roleGrants } from "../../../src/auth/roles.ts";
import { userNames } from "../../../src/auth/user-names.ts";
import { AuditList } from "../../../src/ui/audit-list.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/briefs/[briefId]">) {
  return { title: `Brief ${decodeURIComponent((await params).briefId)}` };
}

type Personal = { contactName: string; contactEmail: string; description: string };
type Edit = { title?: string; description: string };

const open = async <T,>(value: unknown): Promise<T | undefined> => (value ? ((await reveal(value)).value as T) : undefined);

export default async function BriefPage({ params, searchParams }: PageProps<"/briefs/[briefId]">) {
  const briefId = decodeURIComponent((await params).briefId);
  const user = await requirePage("/briefs/[briefId]", `/briefs/${encodeURIComponent(briefId)}`);
  const db = await appDatabase();
  // Viewers read; only operators (and admins) get the forms (the actions check again).
  const canSend = roleGrants(user.role, "operator");
  const audit = await listItemAudit(db, "brief", briefId);
  // The brief comes from the console's database; its runs (and the analysis an intake run got
  // back from the AI app) from the Inngest API.
  const [brief, outgoing, failures, lag, activity] = await Promise.all([
    findItem(db, "brief", briefId),
    itemOutgoing(db, "brief", briefId),
    itemFailures(db, "brief", briefId),
    projectionLag(db, "brief"),
    settle(loadItemActivity(db, inngestApi, reveal, "brief", briefId)),
  ]);
  const events = activity.ok ? activity.value : [];
  const sent = sentEvent(await searchParams, outgoing);
  // approvedBy is the approver's user id (from their session): shown by name.
  const approverName = brief?.approvedBy ? (await userNames(db, [brief.approvedBy])).get(brief.approvedBy) : undefined;
  const [personal, edit, stored] = await Promise.all([open<Personal>(brief?.personal), open<Edit>(brief?.edit), open<unknown>(brief?.analysis)]);
  const storedAnalysis = analyseBriefReturnSchema.safeParse({ briefId, revision: brief?.analysisRevision, ...(stored as object) }).data;
  const runAnalysis = findAnalysis(events);
  const analysed = storedAnalysis && (!runAnalysis || storedAnalysis.revision >= runAnalysis.revision) ? storedAnalysis : runAnalysis;
  // What the brief says now: the latest edit over what was submitted.
  const title = edit?.title ?? brief?.title ?? undefined;
  const description = edit?.description ?? personal?.description;
  const submitted = brief?.submittedAt != null;
  const withdrawn = brief?.withdrawnAt != null;
  const project = brief?.projectId ? { projectId: brief.projectId, summary: brief.projectSummary, clientId: brief.clientId } : undefined;
  const approved = brief?.approvedAt != null;
  // Decisions need a known, still-open brief.
  const isOpen = submitted && !withdrawn && !project;
  const status = withdrawn ? "Withdrawn" : project ? "Project created" : approved ? "Approved, creating project" : submitted ? "Awaiting approval" : "Not recorded yet";

  return (
    <>
      <SentNotice sent={sent} />
      <NotSentNotice outgoing={outgoing} canRetry={roleGrants(user.role, "operator")} />
      <div className="page-head">
        <h1>{title ?? `Brief ${briefId}`}</h1>
        <span className="badge" data-testid="brief-status">
          {status}
        </span>
      </div>
      <div className="grid grid--2">
        <section className="panel" aria-labelledby="brief-facts">
          <h2 id="brief-facts">Brief</h2>
          {brief && submitted ? (
            <dl className="facts">
              <dt>Brief id</dt>
              <dd>
                <code>{briefId}</code>
              </dd>
              <dt>Client</dt>
              <dd>{brief.clientId}</dd>
              <dt>Contact</dt>
              <dd>{personal ? `${personal.contactName} <${personal.contactEmail}>` : "(sealed with a key this app does not have)"}</dd>
              <dt>Budget</dt>
              <dd>{formatMoney(brief.budget ?? undefined)}</dd>
              <dt>Due</dt>
              <dd>{brief.dueDate}</dd>
              <dt>Description</dt>
              <dd style={{ whiteSpace: "pre-wrap" }}>{description}</dd>
              {brief.revision > 0 && (
                <>
                  <dt>Revision</dt>
                  <dd data-testid="brief-revision">{brief.revision}</dd>
                </>
              )}
            </dl>
          ) : (
            <p className="muted">
              {brief
                ? "Events about this brief have arrived, but not its submission yet: its details appear here when it does."
                : `No brief with id ${briefId} is recorded in the console's database.`}
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
              {mayOpen(user, "/assets/new") && mayOpen(user, "/invoices/new") && (
                <p>
                  <Link href={`/assets/new?projectId=${encodeURIComponent(project.projectId)}` as Route}>Register an asset</Link> ·{" "}
                  <Link href={`/invoices/new?clientId=${encodeURIComponent(project.clientId ?? "")}&projectId=${encodeURIComponent(project.projectId)}` as Route}>
                    Issue an invoice
                  </Link>
                </p>
              )}
            </div>
          ) : withdrawn ? (
            <p className="notice notice--info">Withdrawn{brief?.withdrawnReason ? `: ${brief.withdrawnReason}` : "."}</p>
          ) : approved ? (
            <p className="notice notice--info">
              Approved by <span data-testid="approved-by">{approverName ?? brief?.approvedBy}</span>. The worker creates the project next.
            </p>
          ) : null}
          {canSend && isOpen && !approved && (
            <>
              <h3>Approve</h3>
              <ConsoleForm label="Approve brief" action={approveBrief} fields={approveFields(briefId)} submitLabel="Approve brief" pendingLabel="Approving…" />
            </>
          )}
          {canSend && isOpen && (
            <>
              <h3 style={{ marginTop: "1.25rem" }}>Edit</h3>
              <ConsoleForm
                label="Edit brief"
                action={updateBrief}
                fields={editFields(briefId, nextBriefRevision(brief), { title, description: description ?? "" })}
                submitLabel="Save edits"
                pendingLabel="Saving…"
              />
            </>
          )}
          {canSend && isOpen && (
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
        <FailureList failures={failures} />
        <section className="panel" aria-labelledby="runs-title">
          <h2 id="runs-title">Events and runs</h2>
          <p className="muted">Read from the Inngest API; refreshed while runs are in progress.</p>
          {activity.ok ? <ActivityList events={events} /> : <ApiProblem error={activity.error} />}
        </section>
        <ProjectionLagNote lag={lag} />
      </div>
      <AutoRefresh active={activity.ok && stillChanging(events)} />
      {/* Not recorded yet: its first event may still be on its way to the projection. */}
      <AutoRefresh active={!brief} forMs={60_000} />
    </>
  );
}
