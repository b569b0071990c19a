import { connection } from "next/server";
import { registerAsset } from "../../../src/actions/register-asset.ts";
import { newItemId } from "../../../src/ids/new-item-id.ts";
import { ConsoleForm } from "../../../src/ui/console-form.tsx";
import { ProgressPreconnect } from "../../../src/ui/live-progress.tsx";
import { progressSubject } from "../../../src/realtime/progress-subject.ts";
import { assetFields } from "../../../src/ui/form-fields/asset-fields.ts";
import { requirePage } from "../../../src/auth/require-page.ts";

export const metadata = { title: "Register an asset" };

export default async function NewAssetPage({ searchParams }: PageProps<"/assets/new">) {
  await requirePage("/assets/new");
  await connection();
  const assetId = newItemId("asset");
  const { projectId } = await searchParams;
  return (
    <>
      <h1>Register an asset</h1>
      <p className="lead">
        Sends <code>studio/asset.uploaded</code> for a file that is already uploaded and reachable over http(s). The worker makes
        the renditions and the AI app tags it.
      </p>
      <ProgressPreconnect subject={progressSubject("asset", assetId)} />
      <section className="panel">
        <ConsoleForm
          label="Register asset"
          action={registerAsset}
          fields={assetFields(assetId, typeof projectId === "string" ? projectId : "")}
          submitLabel="Register asset"
          pendingLabel="Registering…"
        />
      </section>
    </>
  );
}
