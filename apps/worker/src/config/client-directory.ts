import { z } from "zod";

/** Who receives the weekly digest: client id → the address the digest goes to. */
export type ClientDirectory = ReadonlyMap<string, string>;

const email = z.email();

/**
 * The clients that get a weekly digest, as "clientId=email" pairs separated by commas:
 * "client_acme=ops@acme.example,client_globex=studio@globex.example". Until the studio has a
 * client registry this list is configuration; an empty value means no digests.
 */
export const clientDirectoryVar = z.string().transform((text, ctx): ClientDirectory => {
  const directory = new Map<string, string>();
  const entries = text.split(",").map((e) => e.trim()).filter(Boolean);
  entries.forEach((entry, i) => {
    const [clientId, address, ...extra] = entry.split("=").map((p) => p.trim());
    if (!clientId || !address || extra.length > 0 || !email.safeParse(address).success) {
      ctx.addIssue({
        code: "custom",
        message: `entry ${i + 1} ("${entry}") is not clientId=email, e.g. client_acme=ops@acme.example`,
      });
      return;
    }
    if (directory.has(clientId)) {
      ctx.addIssue({ code: "custom", message: `entry ${i + 1} repeats client ${clientId}; list each client once` });
      return;
    }
    directory.set(clientId, address);
  });
  return directory;
});
