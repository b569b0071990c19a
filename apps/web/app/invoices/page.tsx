import { ItemListPage } from "../../src/ui/item-list-page.tsx";
import { requirePage } from "../../src/auth/require-page.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Invoices" };

export default async function InvoicesPage({ searchParams }: PageProps<"/invoices">) {
  const user = await requirePage("/invoices");
  return (
    <ItemListPage
      kind="invoice"
      title="Invoices"
      lead="Issued invoices. The worker reminds the client from the due date until the invoice is marked paid."
      newHref="/invoices/new"
      search={await searchParams}
      user={user}
      newLabel="Issue an invoice"
    />
  );
}
