import { type z } from "zod";
import { toJsonSchema } from "./to-json-schema.ts";
import { JSON_SCHEMA_DIALECT } from "./event-json-schema.ts";
import { type JsonSchema } from "./types.ts";

/** The parts of a realtime channel contract the generators and the gate need. */
export interface ChannelContractLike {
  /** Stable key of the channel family, e.g. `studio-progress`. */
  readonly key: string;
  /** The channel name pattern, e.g. `studio-progress:{subject}`. */
  readonly address: string;
  /** What each `{placeholder}` of the address holds. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly owner: string;
  readonly publishers: readonly string[];
  readonly subscribers: readonly string[];
  /** The export of `@studio/events` that apps publish and subscribe with. */
  readonly exportName: string;
  readonly description: string;
  readonly topics: Readonly<Record<string, { readonly schema: z.ZodType; readonly description: string }>>;
}

/**
 * The committed JSON Schema of one topic's payload (`data` of a realtime message), with the channel
 * metadata under `x-channel`. Producers = publishers, consumers = subscribers, as for events.
 */
export function channelJsonSchema(channel: ChannelContractLike, topic: string): JsonSchema {
  const entry = channel.topics[topic];
  if (!entry) throw new Error(`channel ${channel.key} has no topic "${topic}" (topics: ${Object.keys(channel.topics).join(", ")})`);
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: `urn:studio-events:channel:${channel.key}:${topic}`,
    title: channelTopicSubject(channel, topic),
    description: `${entry.description} Topic "${topic}" of realtime channel ${channel.address}.`,
    "x-channel": {
      address: channel.address,
      topic,
      owner: channel.owner,
      publishers: [...channel.publishers],
      subscribers: [...channel.subscribers],
    },
    ...toJsonSchema(entry.schema),
  };
}

/** How the gate names a topic in its report: `studio-progress:{subject} topic progress`. */
export function channelTopicSubject(channel: ChannelContractLike, topic: string): string {
  return `${channel.address} topic ${topic}`;
}

/** `channels/studio-progress/progress.json`. */
export function channelSchemaPath(channel: ChannelContractLike, topic: string): string {
  return `channels/${channel.key}/${topic}.json`;
}
