"use client";

import { useActionState, useEffect, useState, type ReactNode } from "react";
import { initialAdminFormState, type AdminFormState } from "../auth/admin-form-state.ts";

type Props = {
  action: (previous: AdminFormState, formData: FormData) => Promise<AdminFormState>;
  label: string;
  submitLabel: string;
  children: ReactNode;
  danger?: boolean;
};

/** A form of the Admin page: its fields, a button, and the answer (a new token is shown here, once). */
export function AdminForm({ action, label, submitLabel, children, danger }: Props) {
  const [state, formAction, pending] = useActionState(action, initialAdminFormState);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <form action={formAction} aria-label={label} className="admin-form" data-hydrated={hydrated}>
      {children}
      <button type="submit" disabled={pending} className={danger ? "button--danger" : undefined}>
        {submitLabel}
      </button>
      {state.status !== "idle" && (
        <p role="status" className={`notice ${state.status === "done" ? "notice--ok" : "notice--bad"}`}>
          {state.message}
          {state.token && (
            <>
              <br />
              <code data-testid="new-api-token">{state.token}</code>
            </>
          )}
        </p>
      )}
    </form>
  );
}
