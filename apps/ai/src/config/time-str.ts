import type { TimeStr } from "inngest";
import { z } from "zod";

// Inngest's compact duration ("30s", "1m", "1h30m"). Flow-control options (throttle, debounce)
// only accept this form, so env values are checked at start-up rather than at registration.

const UNITS = { w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1 } as const;
const PATTERN = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Seconds in a compact duration, or undefined if it is not one. */
export function timeStrSeconds(value: string): number | undefined {
  const match = PATTERN.exec(value);
  if (!value || !match) return undefined;
  const [, w, d, h, m, s] = match;
  return [w, d, h, m, s].reduce((total, part, i) => total + Number(part ?? 0) * Object.values(UNITS)[i]!, 0);
}

/** A compact duration between `min` and `max` seconds (inclusive). */
export function timeStrSchema(min: number, max: number) {
  return z.string().transform((value, ctx) => {
    const seconds = timeStrSeconds(value.trim());
    if (seconds === undefined) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a duration: write it like 30s, 5m or 1h30m` });
      return z.NEVER;
    }
    if (seconds < min || seconds > max) {
      ctx.addIssue({ code: "custom", message: `"${value}" is out of range: use between ${min}s and ${max}s` });
      return z.NEVER;
    }
    return value.trim() as TimeStr;
  });
}
