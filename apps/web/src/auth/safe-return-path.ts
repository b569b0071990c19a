/**
 * Where to go after signing in: a path of this console only ("/briefs/b1?x=1"), so a crafted
 * link cannot send a person to another site with their fresh session. Anything else: "/".
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  try {
    const url = new URL(value, "http://console.invalid");
    return url.origin === "http://console.invalid" ? `${url.pathname}${url.search}` : "/";
  } catch {
    return "/";
  }
}
