/** The keys of one self-hosted deployment, generated per stack as an operator would. */
export interface DeploymentKeys {
  /** Hex, as `inngest start --signing-key` takes it (and the REST API's Bearer token). */
  signingKey: string;
  eventKey: string;
  /** STUDIO_ENCRYPTION_KEY: 32 random bytes, base64 (`openssl rand -base64 32`). */
  encryptionKey: string;
}

/**
 * The variables every app of a self-hosted deployment runs with (docs/deploy/self-hosting.md,
 * "The apps' settings"): cloud mode, the engine's URL for events, API calls and syncs, its
 * signing key with the SDK's prefix, an event key it accepts, and the shared encryption key.
 */
export function deploymentEnvFor(engineUrl: string, keys: DeploymentKeys): Record<string, string> {
  return {
    INNGEST_DEV: "0",
    INNGEST_BASE_URL: engineUrl,
    INNGEST_SIGNING_KEY: `signkey-prod-${keys.signingKey}`,
    INNGEST_EVENT_KEY: keys.eventKey,
    STUDIO_ENCRYPTION_KEY: keys.encryptionKey,
  };
}
