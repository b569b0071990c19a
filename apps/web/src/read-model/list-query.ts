type QueryValue = string | string[] | undefined;

/** Rows per list page. */
export const PAGE_SIZE = 50;

/** What a list page was asked for: `?page=2&status=approved&q=acme`. */
export type ListQuery = { page: number; status?: string; q?: string };

const first = (value: QueryValue) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** Reads a list page's query; anything unreadable falls back to the first page, unfiltered. */
export function readListQuery(search: Record<string, QueryValue>, statuses: readonly string[]): ListQuery {
  const page = Number(first(search.page));
  const status = first(search.status);
  const q = first(search.q)?.slice(0, 100);
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    ...(status && statuses.includes(status) ? { status } : {}),
    ...(q ? { q } : {}),
  };
}

/** `q` as a LIKE pattern that matches it literally (its own % and _ escaped). */
export function likePattern(q: string, where: "prefix" | "anywhere"): string {
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  return where === "prefix" ? `${escaped}%` : `%${escaped}%`;
}
