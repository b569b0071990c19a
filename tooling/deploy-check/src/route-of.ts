/** A route of a Build Output config.json (`src` is a regular expression; `handle` entries mark phases). */
export interface OutputRoute {
  src?: string;
  dest?: string;
  status?: number;
  handle?: string;
  continue?: boolean;
  [key: string]: unknown;
}

/**
 * Where the platform sends a request path, read from the output's routes the simple way: the
 * first route with a `src` that matches and does not `continue` decides (its `dest`, or its
 * `status` when it only answers). Enough to tell which function serves a path, or that none does.
 */
export function routeOf(routes: readonly OutputRoute[], pathname: string): { dest?: string; status?: number } | undefined {
  for (const route of routes) {
    if (!route.src || route.continue) continue;
    if (new RegExp(route.src).test(pathname)) {
      return { ...(route.dest !== undefined ? { dest: route.dest } : {}), ...(route.status !== undefined ? { status: route.status } : {}) };
    }
  }
  return undefined;
}
