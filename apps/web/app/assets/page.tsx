import { ItemListPage } from "../../src/ui/item-list-page.tsx";
import { requirePage } from "../../src/auth/require-page.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Assets" };

export default async function AssetsPage({ searchParams }: PageProps<"/assets">) {
  const user = await requirePage("/assets");
  return (
    <ItemListPage
      kind="asset"
      title="Assets"
      lead="Files registered for projects. Each one is processed into renditions and tagged by the AI app."
      newHref="/assets/new"
      search={await searchParams}
      user={user}
      newLabel="Register an asset"
    />
  );
}
