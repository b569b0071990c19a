import { connection } from "next/server";
import { submitBrief } from "../../../src/actions/submit-brief.ts";
import { newItemId } from "../../../src/ids/new-item-id.ts";
import { ConsoleForm } from "../../../src/ui/console-form.tsx";
import { ProgressPreconnect } from "../../../src/ui/live-progress.tsx";
import { progressSubject } from "../../../src/realtime/progress-subject.ts";
import { briefFields } from "../../../src/ui/form-fields/brief-fields.ts";
import { requirePage } from "../../../src/auth/require-page.ts";

export const metadata = { title: "Submit a brief" };

export default async function NewBriefPage() {
  await requirePage("/briefs/new");
  await connection(); // a fresh id for every visit
  const briefId = newItemId("brief");
  return (
    <>
      <h1>Submit a brief</h1>
      <p className="lead">
        Sends <code>studio/brief.submitted</code>. The worker records the brief, asks the AI app for an analysis, tells the team,
        then waits for your approval. You land on the brief&apos;s live view.
      </p>
      <ProgressPreconnect subject={progressSubject("brief", briefId)} />
      <section className="panel">
        <ConsoleForm label="New brief" action={submitBrief} fields={briefFields(briefId)} submitLabel="Submit brief" pendingLabel="Submitting…" />
      </section>
    </>
  );
}
