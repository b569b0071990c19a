/** One page of a list, and what is needed to page through it. */
export type ItemPage<TRow> = { rows: TRow[]; total: number; page: number; pages: number };

export function itemPage<TRow>(rows: TRow[], total: number, page: number, pageSize: number): ItemPage<TRow> {
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}
