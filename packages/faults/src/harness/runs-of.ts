import type { DevServerApi, RunStatus } from "@studio/dev-server";

/** A run as the Dev Server lists it, with its timing (Date.now() milliseconds). */
export type ListedRun = {
  id: string;
  slug: string;
  status: RunStatus;
  /** The ids of the events that started it (a batch has several). */
  eventIds: string[];
  queuedAt: number;
  startedAt?: number;
  endedAt?: number;
};

type Node = {
  id: string;
  status: RunStatus;
  queuedAt: string;
  startedAt: string | null;
  endedAt: string | null;
  triggerIDs: string[];
  function: { slug: string };
};

// The server caps a page at 399 runs: `first: 400` or more silently gives its default of 40.
const QUERY = `query($from: Time!, $after: String) {
  runs(first: 399, after: $after, orderBy: [{ field: QUEUED_AT, direction: ASC }], filter: { from: $from }) {
    edges { cursor node { id status queuedAt startedAt endedAt triggerIDs function { slug } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * Every run queued since `since` (all functions, oldest first), read page by page over GraphQL.
 * Pages can overlap (runs queued in the same instant): a run is kept once, by id.
 */
export async function runsSince(api: DevServerApi, since: Date, slugs?: readonly string[]): Promise<ListedRun[]> {
  const runs = new Map<string, ListedRun>();
  let after: string | null = null;
  for (;;) {
    const page: { runs: { edges: Array<{ cursor: string; node: Node }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
      await api.graphql(QUERY, { from: since.toISOString(), after });
    for (const { node } of page.runs.edges) {
      if (slugs && !slugs.includes(node.function.slug)) continue;
      runs.set(node.id, {
        id: node.id,
        slug: node.function.slug,
        status: node.status,
        eventIds: node.triggerIDs,
        queuedAt: Date.parse(node.queuedAt),
        ...(node.startedAt ? { startedAt: Date.parse(node.startedAt) } : {}),
        ...(node.endedAt ? { endedAt: Date.parse(node.endedAt) } : {}),
      });
    }
    if (!page.runs.pageInfo.hasNextPage || !page.runs.pageInfo.endCursor) return [...runs.values()];
    after = page.runs.pageInfo.endCursor;
  }
}

/** How many runs queued since `since` have one of the statuses (one cheap query: the server counts). */
export async function countRuns(api: DevServerApi, since: Date, statuses: readonly RunStatus[]): Promise<number> {
  const { runs } = await api.graphql<{ runs: { totalCount: number } }>(
    "query($from: Time!, $status: [FunctionRunStatus!]) { runs(first: 1, orderBy: [{ field: QUEUED_AT, direction: ASC }], filter: { from: $from, status: $status }) { totalCount } }",
    { from: since.toISOString(), status: statuses },
  );
  return runs.totalCount;
}
