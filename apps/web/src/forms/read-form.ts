import { type ContractIssue } from "@studio/events";
import { TZ_OFFSET_FIELD, type FormField } from "./form-field.ts";

export type ReadForm = {
  /** The candidate event data, still to be checked against the contract. */
  data: Record<string, unknown>;
  /** Problems the form itself can see (an amount that is not a number, a time in the past). */
  problems: ContractIssue[];
  /** What was typed, to fill the form again. */
  values: Record<string, string>;
};

/** Builds event data from a submitted form, following each field's kind (see FormField). */
export function readForm(formData: FormData, fields: readonly FormField[], now: Date = new Date()): ReadForm {
  const data: Record<string, unknown> = {};
  const problems: ContractIssue[] = [];
  const values: Record<string, string> = {};
  const tzOffset = Number(formData.get(TZ_OFFSET_FIELD) ?? 0);
  for (const field of fields) {
    const raw = formData.get(field.name);
    const text = typeof raw === "string" ? raw.trim() : "";
    values[field.name] = text;
    const problem = (message: string) => problems.push({ path: `data.${field.name}`, message });
    switch (field.kind) {
      case "text":
        setPath(data, field.name, text);
        break;
      case "optional":
        if (text) setPath(data, field.name, text);
        break;
      case "money": {
        const minor = toMinorUnits(text);
        if (minor === undefined) problem("Enter an amount like 12500 or 12500.50 (at most two decimals).");
        setPath(data, field.name, minor ?? text);
        break;
      }
      case "integer": {
        const whole = /^\d+$/.test(text) ? Number(text) : undefined;
        if (whole === undefined) problem("Enter a whole number, e.g. 2048000.");
        setPath(data, field.name, whole ?? text);
        break;
      }
      case "instant": {
        if (!text && field.defaultNow) {
          setPath(data, field.name, now.toISOString());
          break;
        }
        const instant = localToInstant(text, Number.isFinite(tzOffset) ? tzOffset : 0);
        if (!instant) problem("Enter a date and time, e.g. 2027-04-01 09:00.");
        else if (field.future && instant.getTime() <= now.getTime()) problem("Pick a time in the future.");
        setPath(data, field.name, instant ? instant.toISOString() : text);
        break;
      }
    }
  }
  return { data, problems, values };
}

/** "12500.5" → 1250050. Undefined when the text is not a plain amount with at most two decimals. */
export function toMinorUnits(text: string): number | undefined {
  const match = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(text.replace(/[\s_']/g, ""));
  if (!match) return undefined;
  const [, whole = "0", cents = ""] = match;
  return Number(whole) * 100 + Number(cents.padEnd(2, "0"));
}

/**
 * Reads a `datetime-local` value ("2027-04-01T09:00") as a wall-clock time at the given offset
 * (minutes, as `Date.getTimezoneOffset()` gives it: UTC minus local).
 */
export function localToInstant(text: string, tzOffsetMinutes: number): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 2027-02-30 over to March: refuse dates that do not exist.
  if (wall.getUTCMonth() !== mo - 1 || wall.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return new Date(wall.getTime() + tzOffsetMinutes * 60_000);
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split(".");
  const last = keys.pop()!;
  let node = target;
  for (const key of keys) {
    const next = node[key];
    node = (typeof next === "object" && next !== null ? next : (node[key] = {})) as Record<string, unknown>;
  }
  node[last] = value;
}
