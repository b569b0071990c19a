import { z } from "zod";
import { parseDuration } from "./duration.ts";

/** Inngest's batch timeout: whole seconds, 1s to 60s, written "<n>s". */
export type BatchTimeout = `${number}s`;

/** An env variable holding a batch timeout ("10s", "1m" → "60s"), with the accepted range in its error. */
export const batchTimeoutVar = z.string().transform((text, ctx): BatchTimeout => {
  const parsed = parseDuration(text);
  const seconds = parsed ? parsed.ms / 1000 : Number.NaN;
  if (Number.isInteger(seconds) && seconds >= 1 && seconds <= 60) return `${seconds}s`;
  ctx.addIssue({ code: "custom", message: `"${text}" is not a batch timeout: use 1s to 60s, e.g. 10s` });
  return z.NEVER;
});
