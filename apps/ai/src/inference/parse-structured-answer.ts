import type { z } from "zod";

export type ParsedAnswer<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * Reads a model's text answer as one JSON object and validates it. Tolerates what models commonly
 * wrap around JSON (a code fence, a sentence before or after) but nothing else: the object itself
 * must satisfy the schema. Problems are phrased for the model, since they feed the repair prompt.
 */
export function parseStructuredAnswer<S extends z.ZodType>(text: string, schema: S, truncated = false): ParsedAnswer<z.output<S>> {
  const problems: string[] = [];
  if (truncated) problems.push("the answer was cut off at the token limit: keep every field shorter");

  const candidate = extractJsonObject(text);
  if (candidate === undefined) {
    return { ok: false, problems: [...problems, "the answer contains no JSON object"] };
  }
  let json: unknown;
  try {
    json = JSON.parse(candidate);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [...problems, `the answer is not valid JSON (${reason})`] };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  for (const issue of result.error.issues) {
    const where = issue.path.length ? issue.path.map(String).join(".") : "the object";
    problems.push(`${where}: ${issue.message}`);
  }
  return { ok: false, problems };
}

function extractJsonObject(text: string): string | undefined {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const body = (fenced ? fenced[1]! : text).trim();
  const start = body.indexOf("{");
  const end = body.lastIndexOf("}");
  return start === -1 || end < start ? undefined : body.slice(start, end + 1);
}
