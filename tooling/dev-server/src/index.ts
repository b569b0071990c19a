export {
  devServerApi,
  eventually,
  type EngineKeys,
  type DevServerApi,
  type EndedRun,
  type FunctionRun,
  type RegisteredApp,
  type RegisteredFunction,
  type RunOutput,
  type RunStatus,
  type SendableEvent,
  type StoredEvent,
} from "./api.ts";
export { crashApp, restartApp } from "./app-faults.ts";
export { APPS, startApp, type AppName, type AppStartOptions, type RunningApp } from "./apps.ts";
export { ensureInngestBinary, missingUiReason, NotProvisionedError } from "./binary.ts";
export { provisionInngestBinary, type Provisioned } from "./provision/provision-inngest.ts";
export { assertPortFree, freePort } from "./ports.ts";
export { killGroup, reapOrphans, spawnGroup } from "./process-registry.ts";
export { acquireOwnedLock } from "./provision/owned-lock.ts";
export { startPostgres, type Postgres, type PostgresOptions } from "./postgres.ts";
export { startRedis, REDIS_SETTINGS, type Redis, type RedisOptions } from "./redis.ts";
export { deploymentEnvFor } from "./deployment-env.ts";
export { startSelfHostedStack, type DeploymentKeys, type SelfHostedStack } from "./self-hosted.ts";
export { inngestStartArgs } from "./inngest-start-args.ts";
export { startSelfHostedEngine, type SelfHostedEngine, type SelfHostedEngineOptions } from "./self-hosted-engine.ts";
export { startDevServer, type DevServer } from "./server.ts";
export { startStack, type Stack } from "./stack.ts";
export { DEFAULT_PORTS, INNGEST_VERSION } from "./versions.ts";
