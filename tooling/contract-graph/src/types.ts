/**
 * The parts of the event contract (`@studio/events`) the graph reads, described by shape: tooling
 * does not import packages, so an app's test passes the contract module in.
 */
export interface ContractEventLike {
  readonly name: string;
  readonly contract: {
    readonly key: string;
    readonly name: string;
    readonly version: string;
    readonly producers: readonly string[];
    readonly consumers: readonly string[];
  };
}

/** A cross-app invoke target (`allFunctions` entry). */
export interface ContractFunctionLike {
  readonly key: string;
  readonly functionId: string;
  readonly owner: string;
  readonly callers: readonly string[];
}

/** A realtime channel (`allChannels` entry); `exportName` is the channel factory's export. */
export interface ContractChannelLike {
  readonly key: string;
  readonly exportName: string;
  readonly publishers: readonly string[];
  readonly subscribers: readonly string[];
}

/** The contract module as imported (`import * as contract from "@studio/events"`). */
export interface ContractModule {
  readonly allEvents: readonly ContractEventLike[];
  readonly allFunctions: readonly ContractFunctionLike[];
  readonly allChannels: readonly ContractChannelLike[];
  readonly [exportName: string]: unknown;
}

/**
 * How an app touches a contract item:
 * - sends: builds the event to send it (`E.create`, `createWithDedupe(E, …)`, `scheduleAt(E, …)`,
 *   or a raw `{ name: "<event>" }` handed to a send);
 * - trigger, wait, cancel: a registered function runs on it, waits for it, or is cancelled by it;
 * - invoke: calls a contract function with `step.invoke`;
 * - publish, subscribe: publishes to or subscribes to a contract realtime channel.
 */
export type UseKind = "sends" | "trigger" | "wait" | "cancel" | "invoke" | "publish" | "subscribe";

export interface Use {
  kind: UseKind;
  /** The event's `name@version`, the function's or the channel's contract key. */
  key: string;
  /** Where it was found: `file:line`, or `function <id>` for a registered function's options. */
  where: string;
}
