import { type Money } from "@studio/events";

/** "12,500.00 EUR" from minor units, with the currency's own number of decimals (JPY has none). */
export function formatMoney({ amount, currency }: Money): string {
  const digits = new Intl.NumberFormat("en-GB", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const value = amount / 10 ** digits;
  return `${value.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${currency}`;
}
