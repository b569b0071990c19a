import { AsyncLocalStorage } from "node:async_hooks";

const given = new AsyncLocalStorage<Headers>();

/**
 * The headers of the request being served: Next's `headers()` inside a page or server action.
 * access-rules.test.ts calls the real actions and pages outside Next, each with the cookies of a
 * real session, through withRequestHeaders.
 */
export async function requestHeaders(): Promise<Headers> {
  const fromTest = given.getStore();
  if (fromTest) return fromTest;
  const { headers } = await import("next/headers");
  return new Headers(await headers());
}

/** Runs `fn` as if serving a request with `headers` (tests only; see requestHeaders). */
export function withRequestHeaders<T>(headers: Headers, fn: () => Promise<T>): Promise<T> {
  return given.run(headers, fn);
}
