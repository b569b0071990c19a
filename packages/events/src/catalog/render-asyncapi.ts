import { stringify } from "yaml";
import { type AnyContractEvent } from "../contract/contract-event-type.ts";
import { type ChannelContractLike } from "../json-schema/channel-json-schema.ts";
import { toJsonSchema } from "../json-schema/to-json-schema.ts";
import { type CatalogInput } from "./render-markdown.ts";

/** `studio/brief.submitted` + v1 → `studioBriefSubmittedV1` (AsyncAPI component keys are identifiers). */
function idOf(event: AnyContractEvent): string {
  return camel(event.contract.name, `v${event.contract.version}`);
}

/** The Inngest event envelope around an event's `data`. */
function envelope(event: AnyContractEvent) {
  return {
    type: "object",
    required: ["name", "data"],
    properties: {
      name: { const: event.contract.name },
      v: { const: event.contract.version, description: "Contract version, set by create()." },
      id: { type: "string", description: "Deduplication id (createWithDedupe) or unset." },
      ts: { type: "integer", description: "Unix ms at which to deliver; a future value schedules the event." },
      data: toJsonSchema(event.contract.schema, "draft-7"),
    },
  };
}

/** `studio-progress` + `progress` → `studioProgressProgress`. */
function camel(...parts: string[]): string {
  const words = parts.join(" ").split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1))).join("");
}

/**
 * Adds one realtime channel: its name pattern as the address (with parameters), a message per
 * topic (payload = the realtime message: channel, topic, data), a send and a receive operation.
 */
function addChannel(
  channel: ChannelContractLike,
  examples: Readonly<Record<string, unknown>> | undefined,
  into: { channels: Record<string, unknown>; operations: Record<string, unknown>; messages: Record<string, unknown> },
): void {
  const id = camel(channel.key);
  const messageRefs: Record<string, unknown> = {};
  for (const [topic, entry] of Object.entries(channel.topics)) {
    const messageId = camel(channel.key, topic);
    const example = examples?.[topic];
    into.messages[messageId] = {
      name: topic,
      title: `${channel.key} ${topic}`,
      summary: entry.description,
      contentType: "application/json",
      payload: {
        schemaFormat: "application/schema+json;version=draft-07",
        schema: {
          type: "object",
          required: ["channel", "topic", "data"],
          properties: {
            channel: { type: "string", description: `The resolved channel name, ${channel.address}.` },
            topic: { const: topic },
            data: toJsonSchema(entry.schema, "draft-7"),
          },
        },
      },
      ...(example === undefined ? {} : { examples: [{ name: "canonical", payload: { topic, data: example } }] }),
      "x-owner": channel.owner,
    };
    messageRefs[messageId] = { $ref: `#/components/messages/${messageId}` };
  }
  into.channels[id] = {
    address: channel.address,
    description: `${channel.description} Inngest realtime channel (not an event).`,
    parameters: Object.fromEntries(Object.entries(channel.parameters).map(([name, description]) => [name, { description }])),
    messages: messageRefs,
  };
  const ref = { channel: { $ref: `#/channels/${id}` }, messages: Object.keys(messageRefs).map((m) => ({ $ref: `#/channels/${id}/messages/${m}` })) };
  into.operations[`send_${id}`] = { action: "send", summary: `Published by ${channel.publishers.join(", ")}`, ...ref, tags: channel.publishers.map((name) => ({ name })) };
  into.operations[`receive_${id}`] = { action: "receive", summary: `Subscribed to by ${channel.subscribers.join(", ")}`, ...ref, tags: channel.subscribers.map((name) => ({ name })) };
}

/**
 * An AsyncAPI 3 document of the contract: one channel per event and per realtime channel, a send
 * and a receive operation each. `version` is a fingerprint of the schemas (not the package version, so releasing does not
 * make the committed document stale).
 */
export function renderAsyncApi(input: CatalogInput, version: string): string {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const event of input.events) {
    const id = idOf(event);
    const c = event.contract;
    const example = input.examples.get(c.key);
    messages[id] = {
      name: c.name,
      title: `${c.name} v${c.version}`,
      summary: c.description,
      contentType: "application/json",
      payload: { schemaFormat: "application/schema+json;version=draft-07", schema: envelope(event) },
      ...(example === undefined ? {} : { examples: [{ name: "canonical", payload: { name: c.name, v: c.version, data: example } }] }),
      ...(c.deprecated ? { "x-deprecated": c.deprecated } : {}),
      "x-owner": c.owner,
    };
    channels[id] = {
      address: c.name,
      description: c.description,
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
    };
    const ref = { channel: { $ref: `#/channels/${id}` }, messages: [{ $ref: `#/channels/${id}/messages/${id}` }] };
    // An operation per side that exists: an event may have no producer or no consumer in these apps.
    if (c.producers.length > 0) operations[`send_${id}`] = { action: "send", summary: `Produced by ${c.producers.join(", ")}`, ...ref, tags: c.producers.map((name) => ({ name })) };
    if (c.consumers.length > 0) operations[`receive_${id}`] = { action: "receive", summary: `Consumed by ${c.consumers.join(", ")}`, ...ref, tags: c.consumers.map((name) => ({ name })) };
  }
  for (const channel of input.channels) addChannel(channel, input.channelExamples.get(channel.key), { channels, operations, messages });
  const document = {
    asyncapi: "3.0.0",
    info: {
      title: "Studio+233 events",
      version,
      description:
        "Events and realtime channels exchanged by the Studio+233 Inngest apps, generated from @studio/events. Payloads under data.encrypted travel encrypted; schemas show them decrypted.",
    },
    defaultContentType: "application/json",
    channels,
    operations,
    components: { messages },
  };
  const header = "# Generated by packages/events/scripts/generate.ts. Do not edit: run `pnpm --filter @studio/events events:generate`.\n";
  return header + stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}
