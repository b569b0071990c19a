import { type z } from "zod";
import { EventContractError } from "./event-contract-error.ts";
import { formatIssuePath } from "./format-issue-path.ts";

/**
 * Checks `data` against the event's schema and throws an `EventContractError` listing every bad
 * field (not only the first). Returns the data typed as the event's payload.
 */
export function validateEventData<TSchema extends z.ZodType>(
  event: { readonly name: string; readonly schema: TSchema },
  data: unknown,
): z.output<TSchema> {
  const result = event.schema.safeParse(data);
  if (result.success) return data as z.output<TSchema>;
  throw new EventContractError(
    event.name,
    result.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
  );
}
