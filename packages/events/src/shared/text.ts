import { z } from "zod";

/** An email address (zod's pattern; the JSON Schema carries the same `pattern`). */
export const emailSchema = z.email().max(254);

/**
 * An http(s) URL, checked with one regular expression (no `new URL()`), so the JSON Schema `pattern`
 * accepts exactly what zod accepts. Host, optional port, then RFC 3986 characters only.
 */
const httpUrlPattern = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:[/?#][A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*)?$/;

export const httpUrlSchema = z
  .string()
  .max(2048)
  .regex(httpUrlPattern, { message: "Invalid URL: expected http(s)://host[:port][/path]" })
  .meta({ format: "uri" });
