import { type Money } from "@studio/events";

/** "25 Nov 2026, 10:02:03" in the server's locale-neutral English form, UTC when no zone is known. */
export function formatInstant(value: string | number | undefined): string {
  if (value === undefined) return "—";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }) + " UTC";
}

/** 1250050 + "EUR" → "EUR 12,500.50". */
export function formatMoney(money: Money | undefined): string {
  if (!money) return "—";
  return `${money.currency} ${(money.amount / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Pretty JSON for <pre>. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? String(value);
}
