import Link from "next/link";

/** What forbidden() renders (HTTP 403): signed in, but the role does not allow this page. */
export default function Forbidden() {
  return (
    <section className="panel" data-testid="forbidden">
      <h1>Not allowed</h1>
      <p>Your role does not allow this page. An admin can change your role on the Admin page.</p>
      <p>
        <Link href="/">Back to the overview</Link>
      </p>
    </section>
  );
}
