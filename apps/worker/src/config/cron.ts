import { z } from "zod";

/**
 * A cron schedule that names its timezone: "TZ=Europe/London 0 9 * * MON". The zone is required:
 * without it Inngest reads the schedule in UTC and the digest would drift by an hour twice a year.
 */
export const zonedCronVar = z.string().superRefine((text, ctx) => {
  const match = /^TZ=(\S+)\s+(.+)$/.exec(text.trim());
  if (!match) {
    ctx.addIssue({
      code: "custom",
      message: `"${text}" has no timezone: start it with TZ=<IANA zone>, e.g. "TZ=Europe/London 0 9 * * MON"`,
    });
    return;
  }
  const [, zone, schedule] = match as unknown as [string, string, string];
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
  } catch {
    ctx.addIssue({ code: "custom", message: `"${zone}" is not an IANA timezone (e.g. Europe/London, America/New_York)` });
  }
  if (schedule.trim().split(/\s+/).length !== 5) {
    ctx.addIssue({
      code: "custom",
      message: `"${schedule}" is not a 5-field cron schedule (minute hour day-of-month month day-of-week), e.g. "0 9 * * MON"`,
    });
  }
});

/** The IANA zone of a validated zoned cron. */
export function cronZone(cron: string): string {
  return /^TZ=(\S+)/.exec(cron.trim())?.[1] ?? "UTC";
}
