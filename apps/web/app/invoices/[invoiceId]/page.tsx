import { invoiceIssued, invoicePaid } from "@studio/events";
import { markInvoicePaid } from "../../../src/actions/mark-invoice-paid.ts";
import { findEventData } from "../../../src/activity/find-event-data.ts";
import { loadItemActivity } from "../../../src/activity/load-item-activity.ts";
import { isPending, sentEvent } from "../../../src/activity/sent-event.ts";
import { stillChanging } from "../../../src/activity/still-changing.ts";
import { reveal } from "../../../src/crypto/reveal.ts";
import { inngestApi } from "../../../src/inngest/rest-api.ts";
import { progressSubject } from "../../../src/realtime/progress-subject.ts";
import { ActivityList } from "../../../src/ui/activity-list.tsx";
import { ApiProblem } from "../../../src/ui/api-problem.tsx";
import { AutoRefresh } from "../../../src/ui/auto-refresh.tsx";
import { ConsoleForm } from "../../../src/ui/console-form.tsx";
import { paidFields } from "../../../src/ui/form-fields/invoice-fields.ts";
import { formatInstant, formatMoney } from "../../../src/ui/format.ts";
import { LiveProgress } from "../../../src/ui/live-progress.tsx";
import { SentNotice } from "../../../src/ui/sent-notice.tsx";
import { settle } from "../../../src/ui/settle.ts";
import { listItemAudit } from "../../../src/audit/list-item-audit.ts";
import { requirePage } from "../../../src/auth/require-page.ts";
import { roleGrants } from "../../../src/auth/roles.ts";
import { appDatabase } from "../../../src/db/app-database.ts";
import { AuditList } from "../../../src/ui/audit-list.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/invoices/[invoiceId]">) {
  return { title: `Invoice ${decodeURIComponent((await params).invoiceId)}` };
}

export default async function InvoicePage({ params, searchParams }: PageProps<"/invoices/[invoiceId]">) {
  const invoiceId = decodeURIComponent((await params).invoiceId);
  const user = await requirePage("/invoices/[invoiceId]", `/invoices/${encodeURIComponent(invoiceId)}`);
  const activity = await settle(loadItemActivity(inngestApi, reveal, "invoice", invoiceId));
  const events = activity.ok ? activity.value : [];
  const sent = sentEvent(await searchParams, activity.ok ? events : undefined);
  const invoice = findEventData(events, invoiceIssued);
  const paid = findEventData(events, invoicePaid);
  // Sent but not listed by Inngest yet: not offered again, not shown as unpaid.
  const paying = !paid && isPending(sent, "paid");
  const audit = await listItemAudit(await appDatabase(), "invoice", invoiceId);
  return (
    <>
      <SentNotice sent={sent} />
      <div className="page-head">
        <h1>Invoice {invoiceId}</h1>
        <span className="badge" data-testid="invoice-status">
          {paid ? "Paid" : paying ? "Payment sent" : "Awaiting payment"}
        </span>
      </div>
      <div className="grid grid--2">
        <section className="panel" aria-labelledby="invoice-facts">
          <h2 id="invoice-facts">Invoice</h2>
          {invoice ? (
            <dl className="facts">
              <dt>Client</dt>
              <dd>{invoice.clientId}</dd>
              <dt>Project</dt>
              <dd>{invoice.projectId ?? "—"}</dd>
              <dt>Total</dt>
              <dd>{formatMoney(invoice.total)}</dd>
              <dt>Due</dt>
              <dd>{invoice.dueDate}</dd>
              <dt>Bill to</dt>
              <dd>
                {invoice.encrypted.billingName} &lt;{invoice.encrypted.billingEmail}&gt;
              </dd>
            </dl>
          ) : (
            <p className="muted">No invoice with id {invoiceId} in Inngest&apos;s recent events.</p>
          )}
        </section>
        <section className="panel" aria-labelledby="invoice-payment">
          <h2 id="invoice-payment">Payment</h2>
          {paid ? (
            <p className="notice notice--ok">Paid at {formatInstant(paid.paidAt)}.</p>
          ) : paying ? (
            <p className="notice notice--info">Payment sent; Inngest lists it in a moment.</p>
          ) : !roleGrants(user.role, "operator") ? (
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
      </div>
      <AutoRefresh active={activity.ok && (stillChanging(events) || events.length === 0)} />
    </>
  );
}
