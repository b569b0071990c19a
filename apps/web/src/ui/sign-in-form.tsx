"use client";

import { useActionState, useEffect, useState } from "react";
import { signIn, type SignInState } from "../actions/sign-in.ts";

type Props = { next: string; email?: string | undefined; providers: Array<{ id: "google" | "github"; label: string }> };

/** Email and password, then one button per OAuth provider that is configured. */
export function SignInForm({ next, email, providers }: Props) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {});
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <>
      <form action={action} className="console-form" aria-label="Sign in" data-hydrated={hydrated}>
        {state.error && (
          <div role="alert" className="notice notice--bad field">
            <strong>{state.error}</strong>
          </div>
        )}
        <input type="hidden" name="next" value={next} />
        <div className="field">
          <label htmlFor="sign-in-email">Email</label>
          <input id="sign-in-email" name="email" type="email" autoComplete="username" required defaultValue={state.email ?? email ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">Password</label>
          <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            {pending ? "Signing in…" : "Sign in"}
          </button>
        </div>
      </form>
      {providers.map((p) => (
        <form key={p.id} action={action} style={{ marginTop: "0.75rem" }}>
          <input type="hidden" name="next" value={next} />
          <input type="hidden" name="provider" value={p.id} />
          <button type="submit" className="button--quiet" disabled={pending}>
            Sign in with {p.label}
          </button>
        </form>
      ))}
    </>
  );
}
