import { connection } from "next/server";
import { issueInvoice } from "../../../src/actions/issue-invoice.ts";
import { newItemId } from "../../../src/ids/new-item-id.ts";
import { ConsoleForm } from "../../../src/ui/console-form.tsx";
import { ProgressPreconnect } from "../../../src/ui/live-progress.tsx";
import { progressSubject } from "../../../src/realtime/progress-subject.ts";
import { invoiceFields } from "../../../src/ui/form-fields/invoice-fields.ts";
import { requirePage } from "../../../src/auth/require-page.ts";

export const metadata = { title: "Issue an invoice" };

export default async function NewInvoicePage({ searchParams }: PageProps<"/invoices/new">) {
  await requirePage("/invoices/new");
  await connection();
  const invoiceId = newItemId("invoice");
  const { clientId, projectId } = await searchParams;
  return (
    <>
      <h1>Issue an invoice</h1>
      <p className="lead">
        Sends <code>studio/invoice.issued</code>. From the due date the worker reminds the client, and escalates after repeated
        reminders, until the invoice is marked paid.
      </p>
      <ProgressPreconnect subject={progressSubject("invoice", invoiceId)} />
      <section className="panel">
        <ConsoleForm
          label="Issue invoice"
          action={issueInvoice}
          fields={invoiceFields(invoiceId, {
            ...(typeof clientId === "string" ? { clientId } : {}),
            ...(typeof projectId === "string" ? { projectId } : {}),
          })}
          submitLabel="Issue invoice"
          pendingLabel="Issuing…"
        />
      </section>
    </>
  );
}
