"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { TZ_OFFSET_FIELD } from "../forms/form-field.ts";
import { initialFormState, type FormState } from "../forms/form-state.ts";
import { type FieldSpec } from "./field-spec.ts";

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  fields: readonly FieldSpec[];
  submitLabel: string;
  pendingLabel: string;
  /** Accessible name of the form (e.g. "New brief"). */
  label: string;
  danger?: boolean;
};

const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9]+/g, "-")}`;

/**
 * A form posting to a server action. The server validates against the event contract; this shows
 * its answer: a summary that takes focus and links to each bad field, an error under each field,
 * and everything typed kept. The button is disabled while sending (a double-click would anyway
 * be one event: the item id is minted with the page).
 */
export function ConsoleForm({ action, fields, submitLabel, pendingLabel, label, danger }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const summary = useRef<HTMLDivElement>(null);
  const [tz, setTz] = useState({ offset: "0", name: "UTC", hydrated: false });

  useEffect(() => {
    // Times typed in datetime-local inputs are wall-clock times of this browser's zone.
    setTz({ offset: String(new Date().getTimezoneOffset()), name: Intl.DateTimeFormat().resolvedOptions().timeZone, hydrated: true });
  }, []);
  useEffect(() => {
    if (state.status !== "idle") summary.current?.focus();
  }, [state]);

  const labels = new Map(fields.map((f) => [f.name, f.label]));
  const errors = Object.entries(state.fieldErrors);

  return (
    <form action={formAction} className="console-form" aria-label={label} noValidate data-hydrated={tz.hydrated}>
      {state.status !== "idle" && (
        <div ref={summary} tabIndex={-1} role="alert" className="notice notice--bad field">
          <strong>{state.message}</strong>
          {errors.length > 0 && (
            <ul>
              {errors.map(([name, message]) => (
                <li key={name}>
                  {labels.has(name) && fields.find((f) => f.name === name)?.type !== "hidden" ? (
                    <a href={`#${fieldId(name)}`}>
                      {labels.get(name)}: {message}
                    </a>
                  ) : (
                    <span>
                      {labels.get(name) ?? name}: {message}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <input type="hidden" name={TZ_OFFSET_FIELD} value={tz.offset} />
      {fields.map((field) => (
        <Field
          key={field.name}
          field={field}
          value={state.values[field.name] ?? field.defaultValue ?? ""}
          error={state.fieldErrors[field.name]}
          timeZone={tz.name}
        />
      ))}
      <div className="form-actions">
        <button type="submit" disabled={pending} aria-disabled={pending} className={danger ? "button--danger" : undefined}>
          {pending ? pendingLabel : submitLabel}
        </button>
        <span aria-live="polite" className="muted">
          {pending ? "Sending to Inngest…" : ""}
        </span>
      </div>
    </form>
  );
}

function Field({ field, value, error, timeZone }: { field: FieldSpec; value: string; error: string | undefined; timeZone: string }) {
  const id = fieldId(field.name);
  if (field.type === "hidden") return <input type="hidden" id={id} name={field.name} defaultValue={value} />;
  const hint = field.type === "datetime-local" ? `${field.hint ? `${field.hint} ` : ""}Your time zone: ${timeZone}.` : field.hint;
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: field.name,
    defaultValue: value,
    required: field.required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  } as const;
  return (
    <div className={`field${field.half ? " field--half" : ""}`}>
      <label htmlFor={id}>
        {field.label}
        {field.required ? "" : <span className="muted"> (optional)</span>}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {field.type === "textarea" ? (
        <textarea {...common} placeholder={field.placeholder} />
      ) : field.type === "select" ? (
        <select {...common}>
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={field.type ?? "text"}
          placeholder={field.placeholder}
          inputMode={field.inputMode}
          autoComplete={field.autoComplete ?? "off"}
        />
      )}
      {error && (
        <span id={`${id}-error`} className="error">
          {error}
        </span>
      )}
    </div>
  );
}
