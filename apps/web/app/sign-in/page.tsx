import { type Route } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "../../src/auth/current-user.ts";
import { safeReturnPath } from "../../src/auth/safe-return-path.ts";
import { authEnv } from "../../src/env.ts";
import { SignInForm } from "../../src/ui/sign-in-form.tsx";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

/** The way in (open to anyone, see access-rules.ts); a signed-in visitor goes straight on. */
export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const query = await searchParams;
  const next = safeReturnPath(query.next);
  if (await currentUser()) redirect(next as Route);
  const providers = [
    ...(authEnv.google ? [{ id: "google" as const, label: "Google" }] : []),
    ...(authEnv.github ? [{ id: "github" as const, label: "GitHub" }] : []),
  ];
  return (
    <section className="panel" style={{ maxWidth: "28rem", margin: "2rem auto" }}>
      <h1>Sign in</h1>
      <p className="lead">The console shows client details and sends studio events: sign in with the account an admin made for you.</p>
      {query.error === "oauth" && <p className="notice notice--bad">That sign-in did not work: the account must first be added by an admin, under the same email.</p>}
      {authEnv.devAdmin && (
        <p className="notice notice--info" data-testid="dev-admin-hint">
          Local development: sign in as <code>{authEnv.devAdmin.email}</code> with the password <code>{authEnv.devAdmin.password}</code> (set
          STUDIO_DEV_ADMIN_EMAIL / STUDIO_DEV_ADMIN_PASSWORD in apps/web/.env.local to change them).
        </p>
      )}
      <SignInForm next={next} providers={providers} />
    </section>
  );
}
