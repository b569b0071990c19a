import ipaddr from "ipaddr.js";
import { z } from "zod";

/**
 * EVENT_TARGET_HOSTS: the hosts a URL taken from event data may name, comma-separated. Each is an
 * exact host name (`hooks.slack.com`), a wildcard for its subdomains (`*.example.com`, which does
 * not match `example.com` itself), or an IP address. A lone `*` is refused: allowing every host
 * is what this variable exists to prevent.
 */
export const targetHostsVar = z.string().transform((raw, ctx) => {
  const hosts = raw
    .split(",")
    .map((h) => h.trim().toLowerCase().replace(/\.$/, ""))
    .filter(Boolean);
  for (const host of hosts) {
    const name = host.startsWith("*.") ? host.slice(2) : host;
    const valid = ipaddr.isValid(name.replace(/^\[|\]$/g, "")) || /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name);
    if (!valid || host === "*") {
      ctx.addIssue({
        code: "custom",
        message: `"${host}" is not a host: list host names (hooks.slack.com), subdomain wildcards (*.example.com) or IP addresses, comma-separated`,
      });
    }
  }
  return hosts;
});

/** Whether `hostname` (as URL.hostname gives it) is one of `allowed` (see targetHostsVar). */
export function hostAllowed(hostname: string, allowed: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "").replace(/^\[|\]$/g, "");
  return allowed.some((pattern) => {
    const bare = pattern.replace(/^\[|\]$/g, "");
    if (pattern.startsWith("*.")) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
    if (ipaddr.isValid(bare) && ipaddr.isValid(host)) return ipaddr.parse(bare).toNormalizedString() === ipaddr.parse(host).toNormalizedString();
    return host === bare;
  });
}
