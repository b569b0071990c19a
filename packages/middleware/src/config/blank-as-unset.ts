import { z } from "zod";

/** An empty variable (`SENTRY_DSN=` in a .env file) means "not set", not "set to nothing". */
export const blankAsUnset = (value: unknown): unknown => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** `schema`, optional, with a blank value read as unset. */
export const optionalVar = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUnset, schema.optional());

/** `schema` with a default written as the variable's text, applied when it is unset or blank. */
export const varWithDefault = <T extends z.ZodType>(schema: T, raw: string) => z.preprocess((v) => blankAsUnset(v) ?? raw, schema);
