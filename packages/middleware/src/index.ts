export { ConfigError, envFlag, inngestEnvSchema, inngestMode, parseEnv, type InngestEnv } from "./config.ts";
export { createStudioClient, type StudioClient, type StudioClientOptions } from "./client.ts";
