import { z } from "zod";

/** A calendar date, "YYYY-MM-DD" (checked for real days, leap years included). */
export const isoDateSchema = z.iso.date();

/** An instant in UTC, "YYYY-MM-DDTHH:mm:ss(.sss)Z". Offsets are not accepted: one spelling per instant. */
export const isoDateTimeSchema = z.iso.datetime();
