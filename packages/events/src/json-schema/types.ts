/** A JSON Schema document as plain JSON (what zod emits and what is committed under `schemas/`). */
export type JsonSchema = { [keyword: string]: unknown };

/** Contract metadata kept in each committed schema under the `x-event` / `x-function` keyword. */
export interface EventSchemaMeta {
  readonly name: string;
  readonly version: string;
  readonly owner: string;
  readonly producers: readonly string[];
  readonly consumers: readonly string[];
  readonly dedupe: boolean;
  readonly deprecated?: { readonly replacedBy: string; readonly removeAfter: string };
}
