import { createHmac } from "node:crypto";

/**
 * The `X-Inngest-Signature` Inngest puts on requests to an app: HMAC-SHA256, keyed with the
 * signing key minus its `signkey-<env>-` prefix, of the canonical (sorted-key) JSON body followed
 * by the timestamp. Lets a test play Inngest against the serve endpoint in cloud mode.
 */
export function inngestSignature(body: unknown, signingKey: string, at = new Date()): string {
  const ts = Math.floor(at.getTime() / 1000).toString();
  const key = signingKey.replace(/^signkey-\w+-/, "");
  return `t=${ts}&s=${createHmac("sha256", key).update(canonicalJson(body)).update(ts).digest("hex")}`;
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
