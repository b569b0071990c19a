/** Joins the parts of a dedupe key, escaping each so `("a:b","c")` and `("a","b:c")` never collide. */
export function dedupeKey(...parts: ReadonlyArray<string | number>): string {
  return parts.map((part) => encodeURIComponent(String(part))).join(":");
}
