/**
 * The Monday ("YYYY-MM-DD") of the week `at` falls in, as seen in `timeZone`: the digest sent on
 * Monday 09:00 London time covers the week starting that Monday.
 */
export function weekStarting(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", weekday: "short" })
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  const weekdayIndex = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday ?? "");
  const localDate = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  return new Date(localDate - Math.max(0, weekdayIndex) * 86_400_000).toISOString().slice(0, 10);
}
