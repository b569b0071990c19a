/**
 * Where the worker may send a request whose address comes from event data (today: a webhook
 * reminder's URL). Built from EVENT_TARGET_HOSTS and EVENT_TARGET_ALLOW_PRIVATE (env.ts).
 */
export type TargetPolicy = {
  /** Host patterns a target URL must match (see config/target-hosts.ts). Empty: nothing is allowed. */
  readonly hosts: readonly string[];
  /**
   * Local development only (refused at start-up in cloud mode and in a deployed app): allowed
   * hosts may resolve to loopback and private addresses, and plain http is accepted.
   */
  readonly allowPrivate: boolean;
};
