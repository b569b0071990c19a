import { ItemListPage } from "../../src/ui/item-list-page.tsx";

export const dynamic = "force-dynamic";
export const metadata = { title: "Reminders" };

export default function RemindersPage() {
  return (
    <ItemListPage
      kind="reminder"
      title="Reminders"
      lead="One-off reminders. Each is sent to Inngest now with a delivery time, and the worker delivers it then."
      newHref="/reminders/new"
      newLabel="Schedule a reminder"
    />
  );
}
