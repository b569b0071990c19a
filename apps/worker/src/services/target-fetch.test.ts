import { createServer, type IncomingMessage, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { NonRetriableError } from "inngest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hostAllowed, targetHostsVar } from "../config/target-hosts.ts";
import { blockedAddressReason } from "./blocked-address.ts";
import { callService } from "./call-service.ts";
import { jsonPost } from "./service-request.ts";
import { createTargetFetch } from "./target-fetch.ts";
import { type TargetPolicy } from "./target-policy.ts";
import { TargetRefusedError } from "./target-refused-error.ts";

/** A real HTTP server on 127.0.0.1 that records what reaches it and answers with `answer`. */
async function recordingServer(answer: (req: IncomingMessage, origin: string) => { status: number; headers?: Record<string, string> }) {
  const received: { method: string; path: string; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ method: req.method ?? "", path: req.url ?? "", body: Buffer.concat(chunks).toString("utf8") });
      const { status, headers } = answer(req, origin());
      res.writeHead(status, headers).end(status < 300 ? "ok" : "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, origin: origin(), port: (server.address() as AddressInfo).port, received };
}

let hook: Awaited<ReturnType<typeof recordingServer>>;
/** Where every redirect below points when it must not be followed: nothing may arrive here. */
let internal: Awaited<ReturnType<typeof recordingServer>>;
let redirectTo = "";
beforeAll(async () => {
  internal = await recordingServer(() => ({ status: 200 }));
  hook = await recordingServer((req, origin) => {
    if (req.url?.startsWith("/redirect")) return { status: 307, headers: { location: redirectTo } };
    if (req.url?.startsWith("/loop")) return { status: 302, headers: { location: `${origin}/loop` } };
    return { status: 200 };
  });
});
afterAll(() => Promise.all([hook, internal].map(({ server }) => new Promise((r) => server.close(r)))));
beforeEach(() => {
  hook.received.length = 0;
  internal.received.length = 0;
});

const dev: TargetPolicy = { hosts: ["127.0.0.1"], allowPrivate: true };
const post = (policy: TargetPolicy, url: string) =>
  callService(jsonPost("reminder webhook", url, { text: "hi" }), 5_000, createTargetFetch(policy, "reminder webhook"));
const refusal = async (call: Promise<unknown>) => {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TargetRefusedError);
  expect(error).toBeInstanceOf(NonRetriableError);
  return (error as Error).message;
};

describe("outbound calls to addresses from event data (real HTTP on 127.0.0.1)", () => {
  it("reach an allowed host (dev allowance for loopback), and follow a 307 to it with the body", async () => {
    redirectTo = `${hook.origin}/final`;
    expect(await post(dev, `${hook.origin}/redirect`)).toBe("ok");
    expect(hook.received.map((r) => [r.method, r.path, r.body])).toEqual([
      ["POST", "/redirect", '{"text":"hi"}'],
      ["POST", "/final", '{"text":"hi"}'],
    ]);
  });

  it("refuse a host that is not allowed, before connecting", async () => {
    const message = await refusal(post({ hosts: ["hooks.example.com"], allowPrivate: true }, `${hook.origin}/x`));
    expect(message).toBe('reminder webhook to host "127.0.0.1" refused: the host is not in EVENT_TARGET_HOSTS');
    expect(hook.received).toEqual([]);
    expect(await refusal(post({ hosts: [], allowPrivate: true }, `${hook.origin}/x`))).toContain("EVENT_TARGET_HOSTS is empty");
  });

  it("refuse loopback without the dev allowance, even for an allowed host", async () => {
    const message = await refusal(post({ hosts: ["127.0.0.1"], allowPrivate: false }, `https://127.0.0.1:${hook.port}/x`));
    expect(message).toContain("127.0.0.1 is a loopback address, not a public one");
    expect(hook.received).toEqual([]);
  });

  it("resolve the name first: an allowed name that points at loopback is refused without the allowance", async () => {
    const message = await refusal(post({ hosts: ["localhost"], allowPrivate: false }, `https://localhost:${internal.port}/x`));
    expect(message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1) is a loopback address/);
    expect(internal.received).toEqual([]);
    // With the allowance (a developer's machine) the same name is fine.
    expect(await post({ hosts: ["localhost"], allowPrivate: true }, `http://localhost:${internal.port}/x`)).toBe("ok");
  });

  it.each([
    ["a host that is not allowed", () => `http://localhost:${internal.port}/steal`, "the host is not in EVENT_TARGET_HOSTS"],
    ["the cloud metadata address", () => "http://169.254.169.254/latest/meta-data/", "the host is not in EVENT_TARGET_HOSTS"],
    ["a non-http scheme", () => "file:///etc/passwd", "file is not allowed"],
    ["URL credentials", () => `http://user:pw@127.0.0.1:${internal.port}/`, "the URL carries credentials"],
  ])("re-check a redirect: a 307 to %s is refused and never reached", async (_what, target, why) => {
    redirectTo = target();
    expect(await refusal(post(dev, `${hook.origin}/redirect`))).toContain(why);
    expect(hook.received.map((r) => r.path)).toEqual(["/redirect"]);
    expect(internal.received).toEqual([]);
  });

  it("refuse the metadata endpoint even where it is allowed and private addresses are (dev)", async () => {
    for (const metadata of ["169.254.169.254", "[fd00:ec2::254]", "[::ffff:169.254.169.254]"]) {
      const policy = { hosts: [metadata], allowPrivate: true };
      expect(await refusal(post(policy, `http://${metadata}/latest/meta-data/`))).toMatch(/metadata endpoint|link-local|linkLocal/);
    }
  });

  it("give up after 3 redirects", async () => {
    expect(await refusal(post(dev, `${hook.origin}/loop`))).toContain("more than 3 redirects");
    expect(hook.received).toHaveLength(4);
  });
});

describe("blockedAddressReason", () => {
  it.each(["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("lets the public address %s through", (address) => {
    expect(blockedAddressReason(address, false)).toBeUndefined();
  });

  it.each([
    ["127.0.0.1", "loopback"],
    ["::1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "metadata"],
    ["169.254.1.1", "linkLocal"],
    ["fe80::1", "linkLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["192.0.2.1", "reserved"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["64:ff9b::a9fe:a9fe", "rfc6052"],
    ["2002:a9fe:a9fe::", "6to4"],
  ])("refuses %s (%s)", (address, kind) => {
    expect(blockedAddressReason(address, false)).toContain(kind === "metadata" ? "cloud metadata endpoint" : `${kind} address`);
  });

  it("with the dev allowance lets loopback and private through, never link-local or metadata", () => {
    for (const address of ["127.0.0.1", "::1", "10.0.0.5", "192.168.0.2", "fd00::1"]) expect(blockedAddressReason(address, true)).toBeUndefined();
    for (const address of ["169.254.169.254", "169.254.10.10", "fe80::1", "fd00:ec2::254", "100.100.100.200", "0.0.0.0"]) {
      expect(blockedAddressReason(address, true)).toBeDefined();
    }
  });
});

describe("EVENT_TARGET_HOSTS", () => {
  it("matches exact hosts, subdomain wildcards and IP addresses", () => {
    const hosts = targetHostsVar.parse("hooks.slack.com, *.example.com ,127.0.0.1,[::1]");
    expect(hosts).toEqual(["hooks.slack.com", "*.example.com", "127.0.0.1", "[::1]"]);
    expect(hostAllowed("hooks.slack.com", hosts)).toBe(true);
    expect(hostAllowed("HOOKS.SLACK.COM.", hosts)).toBe(true);
    expect(hostAllowed("a.b.example.com", hosts)).toBe(true);
    expect(hostAllowed("example.com", hosts)).toBe(false);
    expect(hostAllowed("evil-example.com", hosts)).toBe(false);
    expect(hostAllowed("hooks.slack.com.evil.io", hosts)).toBe(false);
    expect(hostAllowed("[::1]", hosts)).toBe(true);
    expect(hostAllowed("[0:0:0:0:0:0:0:1]", hosts)).toBe(true);
    expect(hostAllowed("127.0.0.2", hosts)).toBe(false);
  });

  it.each(["*", "http://hooks.slack.com", "hooks slack", "a/b"])("refuses %j, naming what to write", (bad) => {
    const result = targetHostsVar.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("list host names (hooks.slack.com), subdomain wildcards (*.example.com) or IP addresses");
  });
});
