import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";
import type * as Undici from "undici";
import type { Agent, Response } from "undici";
import { hostAllowed } from "../config/target-hosts.ts";
import { blockedAddressReason } from "./blocked-address.ts";
import { TargetRefusedError } from "./target-refused-error.ts";
import { type TargetPolicy } from "./target-policy.ts";

const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export type TargetFetch = (url: string, init: { method: "POST"; headers: Readonly<Record<string, string>>; body: string; signal: AbortSignal }) => Promise<Response>;

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A DNS lookup for the socket that refuses the host when any address it resolves to is blocked
 * (a host with one public and one private address is refused, so round-robin answers cannot slip
 * a private address in). The connection then goes to exactly the address that was checked: the
 * name is not resolved a second time, so it cannot be re-pointed (DNS rebinding) in between.
 */
function guardedLookup(policy: TargetPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      for (const { address } of addresses) {
        const reason = blockedAddressReason(address, policy.allowPrivate);
        if (reason) return callback(new TargetRefusedError(`${hostname} resolves to ${reason}: refused (the worker only calls public addresses)`), []);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []);
      callback(null, first.address, first.family);
    });
  };
}

/** Throws TargetRefusedError unless `url` is allowed by the policy (before any connection). */
function checkUrl(url: URL, policy: TargetPolicy, what: string): void {
  const refuse = (why: string) => {
    throw new TargetRefusedError(`${what} to host "${url.hostname}" refused: ${why}`);
  };
  if (url.protocol !== "https:" && !(url.protocol === "http:" && policy.allowPrivate)) {
    refuse(`${url.protocol.replace(":", "")} is not allowed (https only${policy.allowPrivate ? ", or http" : ""})`);
  }
  if (url.username || url.password) refuse("the URL carries credentials");
  if (!hostAllowed(url.hostname, policy.hosts)) {
    refuse(policy.hosts.length ? "the host is not in EVENT_TARGET_HOSTS" : "EVENT_TARGET_HOSTS is empty, so no host is allowed");
  }
  // An IP literal is connected to directly, without a lookup: check it here.
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(literal)) {
    const reason = blockedAddressReason(literal, policy.allowPrivate);
    if (reason) refuse(reason);
  }
}

/**
 * undici (about a sixth of the worker's bundle) is loaded on the first call that needs it, not at
 * start-up: most runs never call an address from event data (docs/benchmarks.md, "Cold start").
 */
let undici: Promise<typeof Undici> | undefined;
const loadUndici = () => (undici ??= import("undici"));

/** The TargetRefusedError behind a failed fetch (undici wraps connection errors in `cause`). */
function refusalIn(error: unknown): TargetRefusedError | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof TargetRefusedError) return e;
  }
  return undefined;
}

/**
 * `fetch` for addresses taken from event data. Every hop (the URL, then each redirect, at most 3)
 * must name an allowed host; the name is resolved first and every address it resolves to must be
 * public (or, in local development with allowPrivate, loopback/private), and the socket connects
 * to that checked address. Anything else throws TargetRefusedError before a byte is sent to it.
 * Redirects are followed as fetch does (303, and 301/302 after a POST, become a GET without body).
 * `what` names the call in errors ("reminder webhook").
 */
export function createTargetFetch(policy: TargetPolicy, what: string): TargetFetch {
  let agent: Agent | undefined;
  return async (url, init) => {
    const { Agent, fetch: undiciFetch } = await loadUndici();
    agent ??= new Agent({ connect: { lookup: guardedLookup(policy) } });
    let current = new URL(url);
    let method: string = init.method;
    let body: string | undefined = init.body;
    for (let hop = 0; ; hop++) {
      checkUrl(current, policy, what);
      let response: Response;
      try {
        response = await undiciFetch(current, { method, headers: init.headers, body, signal: init.signal, dispatcher: agent, redirect: "manual" });
      } catch (error) {
        throw refusalIn(error) ?? error;
      }
      const location = response.headers.get("location");
      if (!REDIRECTS.has(response.status) || !location) return response;
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new TargetRefusedError(`${what} to host "${current.hostname}" refused: more than ${MAX_REDIRECTS} redirects`);
      current = new URL(location, current);
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
        method = "GET";
        body = undefined;
      }
    }
  };
}
