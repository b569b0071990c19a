import type { Inngest, InngestFunction } from "inngest";

/**
 * The options every Studio app passes to an Inngest serve adapter (`inngest/hono`, `inngest/next`).
 *
 * `enableUnauthedSync: false`: in cloud mode every request must be signed, syncs (PUT) included.
 * The SDK's default accepts an unsigned PUT, so anyone who can reach the endpoint could make the
 * app re-register with Inngest. Inngest signs its own syncs (the Cloud dashboard and the Vercel
 * integration, `inngest start --sdk-url`), so a deployment loses nothing; a deploy hook must sign
 * its PUT with the signing key (docs/middleware.md, "Syncing an app"). Dev mode is not affected.
 * The option wins over INNGEST_ENABLE_UNAUTHED_SYNC, so an environment variable cannot reopen it.
 */
export function studioServeOptions(opts: { client: Inngest.Any; functions: readonly InngestFunction.Any[] }) {
  return { client: opts.client, functions: opts.functions, enableUnauthedSync: false } as const;
}
