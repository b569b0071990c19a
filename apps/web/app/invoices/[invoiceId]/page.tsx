import { markInvoicePaid } from "../../../src/actions/mark-invoice-paid.ts";
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
import { progressSubject } from "../../../src/realtime/progress-subject.ts";
import { ActivityList } from "../../../src/ui/activity-list.tsx";
import { ApiProblem } from "../../../src/ui/api-problem.tsx";
import { AutoRefresh } from "../../../src/ui/auto-refresh.tsx";
import { ConsoleForm } from "../../../src/ui/console-form.tsx";
import { paidFields } from "../../../src/ui/form-fields/invoice-fields.ts";
import { formatInstant, formatMoney } from "../../../src/ui/format.ts";
import { FailureList } from "../../../src/ui/failure-list.tsx";
import { LiveProgress } from "../../../src/ui/live-progress.tsx";
import { NotSentNotice } from "../../../src/ui/not-sent-notice.tsx";
import { ProjectionLagNote } from "../../../src/ui/projection-lag-note.tsx";
import { SentNotice } from "../../../src/ui/sent-notice.tsx";
import { settle } from "../../../src/ui/settle.ts";
import { requirePage } from "../../../src/auth/require-page.ts";
import { listItemAudit } from "../../../src/audit/list-item-audit.ts";
import { roleGrants } from "../../../src/auth/roles.ts";
import { AuditList } from "../../../src/ui/audit-list.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/invoices/[invoiceId]">) {
  return { title: `Invoice ${decodeURIComponent((await params).invoiceId)}` };
}

export default async function InvoicePage({ params, searchParams }: PageProps<"/invoices/[invoiceId]">) {
  const invoiceId = decodeURIComponent((await params).invoiceId);
  const user = await requirePage("/invoices/[invoiceId]", `/invoices/${encodeURIComponent(invoiceId)}`);
  const db = await appDatabase();
  const audit = await listItemAudit(db, "invoice", invoiceId);
  const [invoice, outgoing, failures, lag, activity] = await Promise.all([
    findItem(db, "invoice", invoiceId),
    itemOutgoing(db, "invoice", invoiceId),
    itemFailures(db, "invoice", invoiceId),
    projectionLag(db, "invoice"),
    settle(loadItemActivity(db, inngestApi, reveal, "invoice", invoiceId)),
  ]);
  const events = activity.ok ? activity.value : [];
  const sent = sentEvent(await searchParams, outgoing);
  const billing = invoice?.personal ? ((await reveal(invoice.personal)).value as { billingName: string; billingEmail: string }) : undefined;
  const issued = invoice?.issuedAt != null;
  const paid = invoice?.paymentRecordedAt != null;
  return (
    <>
      <SentNotice sent={sent} />
      <NotSentNotice outgoing={outgoing} canRetry={roleGrants(user.role, "operator")} />
      <div className="page-head">
        <h1>Invoice {invoiceId}</h1>
        <span className="badge" data-testid="invoice-status">
          {paid ? "Paid" : issued ? "Awaiting payment" : "Not recorded yet"}
        </span>
      </div>
      <div className="grid grid--2">
        <section className="panel" aria-labelledby="invoice-facts">
          <h2 id="invoice-facts">Invoice</h2>
          {invoice && issued ? (
            <dl className="facts">
              <dt>Client</dt>
              <dd>{invoice.clientId}</dd>
              <dt>Project</dt>
              <dd>{invoice.projectId ?? "—"}</dd>
              <dt>Total</dt>
              <dd>{formatMoney(invoice.total ?? undefined)}</dd>
              <dt>Due</dt>
              <dd>{invoice.dueDate}</dd>
              <dt>Bill to</dt>
              <dd>{billing ? `${billing.billingName} <${billing.billingEmail}>` : "(sealed with a key this app does not have)"}</dd>
            </dl>
          ) : (
            <p className="muted">
              {invoice ? "Its payment has arrived, but not the invoice itself yet." : `No invoice with id ${invoiceId} is recorded in the console's database.`}
            </p>
          )}
        </section>
        <section className="panel" aria-labelledby="invoice-payment">
          <h2 id="invoice-payment">Payment</h2>
          {paid ? (
            <p className="notice notice--ok">Paid at {formatInstant(invoice?.paidAt?.toISOString())}.</p>
          ) : !issued ? null : !roleGrants(user.role, "operator") ? (
            <p className="muted">Not paid yet. Operators can mark it paid.</p>
          ) : (
            <ConsoleForm label="Mark invoice paid" action={markInvoicePaid} fields={paidFields(invoiceId)} submitLabel="Mark as paid" pendingLabel="Sending…" />
          )}
        </section>
      </div>
      <div className="stack" style={{ marginTop: "1rem" }}>
        <LiveProgress subject={progressSubject("invoice", invoiceId)} />
        <AuditList entries={audit} />
        <section className="panel" aria-labelledby="runs-title">
          <h2 id="runs-title">Events and runs</h2>
          {activity.ok ? <ActivityList events={events} /> : <ApiProblem error={activity.error} />}
        </section>
        <FailureList failures={failures} />
        <ProjectionLagNote lag={lag} />
      </div>
      <AutoRefresh active={activity.ok && stillChanging(events)} />
      <AutoRefresh active={!invoice} forMs={60_000} />
    </>
  );
}
