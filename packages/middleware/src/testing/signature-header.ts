import { createHmac } from "node:crypto";

/**
 * The `X-Inngest-Signature` header Inngest sends with a request body, so tests can call a
 * cloud-mode serve handler: `t=<unix seconds>&s=<HMAC-SHA256 of the canonical JSON body + t>`,
 * keyed with the signing key minus its `signkey-<env>-` prefix. The SDK rejects it after 5 min.
 */
export function signatureHeader(body: string, signingKey: string, now = Date.now()): string {
  const ts = Math.floor(now / 1000).toString();
  const key = signingKey.replace(/^signkey-[\w]+-/, "");
  const mac = createHmac("sha256", key).update(canonicalJson(JSON.parse(body))).update(ts).digest("hex");
  return `t=${ts}&s=${mac}`;
}

/** RFC 8785-style JSON (sorted keys), which is what the SDK verifies the signature against. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
