import ipaddr from "ipaddr.js";

/**
 * Cloud metadata endpoints, refused even where private addresses are allowed (local development):
 * AWS/GCP/Azure 169.254.169.254 (and AWS's IPv6 fd00:ec2::254), AWS ECS task metadata, Alibaba.
 * The link-local ones are refused anyway; the others sit in ranges dev mode allows.
 */
const METADATA = new Set(["169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200"].map((a) => ipaddr.parse(a).toNormalizedString()));

/** Ranges a developer's own services live in, allowed only with EVENT_TARGET_ALLOW_PRIVATE. */
const PRIVATE_RANGES = new Set(["loopback", "private", "uniqueLocal"]);

/**
 * Why an outbound call must not connect to `address`, or undefined when it may. Only public
 * unicast addresses pass (ipaddr.js's "unicast" range); loopback, private (RFC 1918), unique-local
 * IPv6, link-local (169.254/16, fe80::/10, where cloud metadata lives), carrier-grade NAT,
 * multicast, reserved and documentation ranges, and IPv6 forms that embed an IPv4 address (NAT64,
 * 6to4, Teredo) are refused. An IPv4-mapped IPv6 address is judged as the IPv4 address it is.
 * `allowPrivate` (local development) lets loopback, private and unique-local addresses through,
 * never a metadata endpoint or link-local.
 */
export function blockedAddressReason(address: string, allowPrivate: boolean): string | undefined {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  const ip = ipaddr.process(address);
  if (METADATA.has(ip.toNormalizedString())) return `${address} is a cloud metadata endpoint`;
  const range = ip.range();
  if (range === "unicast") return undefined;
  if (allowPrivate && PRIVATE_RANGES.has(range)) return undefined;
  return `${address} is a ${range} address, not a public one`;
}
