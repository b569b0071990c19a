type PathSegment = PropertyKey | { readonly key: PropertyKey };

/** Renders a Standard Schema issue path as `data.renditions[0].url`, rooted at the event's `data`. */
export function formatIssuePath(path: ReadonlyArray<PathSegment> | undefined): string {
  let out = "data";
  for (const segment of path ?? []) {
    const key = typeof segment === "object" ? segment.key : segment;
    out += typeof key === "number" ? `[${key}]` : `.${String(key)}`;
  }
  return out;
}
