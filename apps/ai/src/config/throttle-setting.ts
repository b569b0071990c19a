import type { TimeStr } from "inngest";
import { z } from "zod";
import { timeStrSeconds } from "./time-str.ts";

export interface ThrottleSetting {
  limit: number;
  period: TimeStr;
}

/**
 * "<runs>/<period>", e.g. "20/1m" (at most 20 model-calling runs a minute), or "off". Inngest
 * accepts throttle periods from 1s to 7d.
 */
export const throttleSettingSchema = z.string().transform((raw, ctx): ThrottleSetting | undefined => {
  const value = raw.trim();
  if (value === "off") return undefined;
  const match = /^(\d+)\/(\S+)$/.exec(value);
  const seconds = match ? timeStrSeconds(match[2]!) : undefined;
  const limit = match ? Number(match[1]) : 0;
  if (!match || seconds === undefined || limit < 1) {
    ctx.addIssue({ code: "custom", message: `"${raw}" is not a throttle: write <runs>/<period>, e.g. 20/1m, or "off"` });
    return z.NEVER;
  }
  if (seconds < 1 || seconds > 7 * 86_400) {
    ctx.addIssue({ code: "custom", message: `"${raw}": the period must be between 1s and 7d` });
    return z.NEVER;
  }
  return { limit, period: match[2] as TimeStr };
});
