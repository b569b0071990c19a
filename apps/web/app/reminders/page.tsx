import { ItemListPage } from "../../src/ui/item-list-page.tsx";
import { requirePage } from "../../src/auth/require-page.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Reminders" };

export default async function RemindersPage({ searchParams }: PageProps<"/reminders">) {
  const user = await requirePage("/reminders");
  return (
    <ItemListPage
      kind="reminder"
      title="Reminders"
      lead="One-off reminders. Each is sent to Inngest now with a delivery time, and the worker delivers it then."
      newHref="/reminders/new"
      search={await searchParams}
      user={user}
      newLabel="Schedule a reminder"
    />
  );
}
