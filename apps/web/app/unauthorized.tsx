import Link from "next/link";

/** What unauthorized() renders (HTTP 401): nobody is signed in. */
export default function Unauthorized() {
  return (
    <section className="panel" data-testid="unauthorized">
      <h1>Sign in first</h1>
      <p>
        <Link href="/sign-in">Sign in</Link> to use the console.
      </p>
    </section>
  );
}
