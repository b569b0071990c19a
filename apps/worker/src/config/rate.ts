import { z } from "zod";
import { parseDuration, type TimeStr } from "./duration.ts";

/** "N calls per period", as an outside service states its limit: "10/1m" = 10 calls a minute. */
export type Rate = { readonly limit: number; readonly period: TimeStr; readonly text: string };

export const rateVar = (example: string) =>
  z.string().transform((text, ctx): Rate => {
    const [count, period, ...extra] = text.trim().split("/");
    const limit = Number(count);
    const duration = period === undefined ? undefined : parseDuration(period);
    if (extra.length === 0 && Number.isInteger(limit) && limit > 0 && duration) {
      return { limit, period: duration.text, text: text.trim() };
    }
    ctx.addIssue({
      code: "custom",
      message: `"${text}" is not a rate: write <calls>/<period>, e.g. ${example} (a positive whole number of calls per duration)`,
    });
    return z.NEVER;
  });
