/** Thrown when an app's environment is invalid; the message names every bad variable and the fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
