import { z } from "zod";

/** An email address (the zod pattern; also emitted as `pattern` in the JSON Schema). */
export const emailSchema = z.email().max(254);

/** An http(s) URL. */
export const httpUrlSchema = z.url({ protocol: /^https?$/ }).max(2048);

/** Free text with a bound, so one event never carries an unbounded payload. */
export const boundedText = (min: number, max: number) => z.string().min(min).max(max);
