import { ItemListPage } from "../../src/ui/item-list-page.tsx";
import { requirePage } from "../../src/auth/require-page.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Briefs" };

export default async function BriefsPage({ searchParams }: PageProps<"/briefs">) {
  const user = await requirePage("/briefs");
  return (
    <ItemListPage
      kind="brief"
      title="Briefs"
      lead="Recent client briefs and where each one stands. Open one to follow its intake live, approve it or withdraw it."
      newHref="/briefs/new"
      search={await searchParams}
      user={user}
      newLabel="Submit a brief"
    />
  );
}
