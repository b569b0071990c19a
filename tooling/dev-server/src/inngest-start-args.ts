/**
 * The command line of `inngest start` as the harness runs it (docs/deploy/self-hosting.md shows
 * the same flags, and self-hosting-docs.test.ts keeps the two alike): loopback, the deployment's
 * signing key and event keys, the apps it syncs itself (`--sdk-url`: a PUT signed with the signing
 * key, on start-up and again for an app that did not answer), state in Postgres and Redis, the
 * Connect ports of its own, and for tests a faster queue tick, 1 s retries and a 1 s sync retry.
 */
export function inngestStartArgs(o: {
  port: number;
  signingKey: string;
  eventKeys: readonly string[];
  /** Serve URLs of the apps to sync. */
  sdkUrls?: readonly string[] | undefined;
  postgresUrl?: string | undefined;
  redisUrl?: string | undefined;
  connectPorts: readonly [gateway: number, gatewayGrpc: number, executorGrpc: number];
  fast?: boolean | undefined;
}): string[] {
  const [gateway, gatewayGrpc, executorGrpc] = o.connectPorts;
  return [
    "start",
    "--host", "127.0.0.1",
    "--port", String(o.port),
    "--signing-key", o.signingKey,
    ...o.eventKeys.flatMap((key) => ["--event-key", key]),
    ...(o.sdkUrls ?? []).flatMap((sdkUrl) => ["--sdk-url", sdkUrl]),
    ...(o.postgresUrl ? ["--postgres-uri", o.postgresUrl] : []),
    ...(o.redisUrl ? ["--redis-uri", o.redisUrl] : []),
    "--connect-gateway-port", String(gateway),
    "--connect-gateway-grpc-port", String(gatewayGrpc),
    "--connect-executor-grpc-port", String(executorGrpc),
    ...(o.fast === false ? [] : ["--tick", "20", "--retry-interval", "1", "--poll-interval", "1"]),
  ];
}
