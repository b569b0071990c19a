import Link from "next/link";
import { reveal } from "../src/crypto/reveal.ts";
import { appDatabase } from "../src/db/app-database.ts";
import { loadItemList } from "../src/read-model/load-item-list.ts";
import { ItemTable } from "../src/ui/item-table.tsx";
import { requirePage } from "../src/auth/require-page.ts";
import { mayOpen } from "../src/auth/may-open.ts";

export const dynamic = "force-dynamic";

const starts = [
  { href: "/briefs/new", title: "Submit a brief", text: "Client, budget, due date and what they ask for. Intake and AI analysis start at once." },
  { href: "/assets/new", title: "Register an asset", text: "A file uploaded for a project: renditions and tags follow." },
  { href: "/invoices/new", title: "Issue an invoice", text: "The worker chases it until you mark it paid." },
  { href: "/reminders/new", title: "Schedule a reminder", text: "An email or team message, delivered at the time you pick." },
] as const;

export default async function Home() {
  const user = await requirePage("/");
  // A viewer may not open the forms: the start cards are an operator's.
  const startable = starts.filter((s) => mayOpen(user, s.href));
  const briefs = await loadItemList(await appDatabase(), reveal, "brief", { page: 1 }, 5);
  return (
    <>
      <div className="page-head">
        <h1>Studio operations</h1>
      </div>
      <p className="lead">
        Start the studio&apos;s work here and follow it live. This console only sends events; the worker and AI apps run the
        workflows, and every run&apos;s status is read back from Inngest.
      </p>
      {startable.length > 0 && (
        <nav aria-label="Start something" className="grid grid--cards">
          {startable.map((s) => (
            <Link key={s.href} href={s.href} className="panel card-link">
              <strong>{s.title}</strong>
              <p>{s.text}</p>
            </Link>
          ))}
        </nav>
      )}
      <section className="panel" aria-labelledby="recent-briefs" style={{ marginTop: "1.5rem" }}>
        <div className="page-head">
          <h2 id="recent-briefs">Recent briefs</h2>
          <Link href="/briefs">All briefs</Link>
        </div>
        <ItemTable kind="brief" items={briefs.rows} />
      </section>
      <p className="muted">
        See also <Link href="/runs">recent runs</Link> across every app, and the <Link href="/outbox">local outbox</Link> of
        notifications.
      </p>
    </>
  );
}
