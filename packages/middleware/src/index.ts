export { blankAsUnset, optionalVar, varWithDefault } from "./config/blank-as-unset.ts";
export { ConfigError } from "./config/config-error.ts";
export { DEPLOYMENT_VARIABLES, deploymentSignal, envFlag, inngestEnvSchema, inngestMode, type InngestEnv } from "./config/inngest-env.ts";
export { parseEnv } from "./config/parse-env.ts";
export { studioEnvSchema, type StudioEnv } from "./config/studio-env.ts";
export { encryptionKeyProblem, GENERATE_KEY_COMMAND } from "./config/encryption-key-rules.ts";
export { LOCAL_OUTBOX_TOKEN } from "./config/local-outbox-token.ts";
export { secret, secretFieldNames } from "./secrets/secret.ts";
export {
  createStudioClient,
  getStudioLogger,
  type StudioClient,
  type StudioClientEnv,
  type StudioClientOptions,
} from "./client.ts";
export { DEV_ONLY_ENCRYPTION_KEY } from "./encryption/dev-encryption-key.ts";
export { DecryptionError } from "./encryption/decryption-error.ts";
export { createDecryptor, decryptAll, containsEncryptedValue } from "./encryption/decrypt-all.ts";
export { createSealer, type SealedValue } from "./encryption/create-sealer.ts";
export { keyFingerprint } from "./encryption/key-fingerprint.ts";
export { createStudioLogger, type StudioLogger } from "./logging/create-studio-logger.ts";
export { StepTimingMiddleware } from "./middleware/step-timing-middleware.ts";
export { refuseMalformedJson } from "./serve/refuse-malformed-json.ts";
export { studioServeOptions } from "./serve/serve-options.ts";
