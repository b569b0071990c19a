/**
 * Returns why `dsn` is not a usable Sentry DSN, or undefined when it is fine. Mirrors what the
 * Sentry SDK accepts (`https://<public key>@<host>/<numeric project id>`), but reports the reason
 * instead of printing to the console and silently disabling Sentry, which is what the SDK does.
 */
export function sentryDsnProblem(dsn: string): string | undefined {
  let url: URL;
  try {
    url = new URL(dsn);
  } catch {
    return "is not a URL; copy the DSN from Sentry (Project settings > Client Keys), e.g. https://<key>@o0.ingest.sentry.io/<project id>";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `must start with https:// (got ${url.protocol}//)`;
  if (!url.username) return "has no public key before the @ (expected https://<key>@<host>/<project id>)";
  const projectId = url.pathname.split("/").filter(Boolean).pop();
  if (!projectId || !/^\d+$/.test(projectId)) return "must end with the numeric project id (https://<key>@<host>/<project id>)";
  return undefined;
}
