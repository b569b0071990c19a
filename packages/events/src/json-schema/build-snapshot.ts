import { allChannels, allEvents, allFunctions } from "../registry.ts";
import { channelJsonSchema, channelSchemaPath } from "./channel-json-schema.ts";
import { eventJsonSchema, eventSchemaPath } from "./event-json-schema.ts";
import { functionJsonSchema, functionSchemaPath } from "./function-json-schema.ts";
import { type JsonSchema } from "./types.ts";

/** Every committed schema of the contract, keyed by its path under `schemas/`. */
export function buildSnapshot(): Map<string, JsonSchema> {
  const snapshot = new Map<string, JsonSchema>();
  for (const event of allEvents) snapshot.set(eventSchemaPath(event), eventJsonSchema(event));
  for (const fn of allFunctions) {
    for (const side of ["data", "return"] as const) snapshot.set(functionSchemaPath(fn, side), functionJsonSchema(fn, side));
  }
  for (const channel of allChannels) {
    for (const topic of Object.keys(channel.topics)) snapshot.set(channelSchemaPath(channel, topic), channelJsonSchema(channel, topic));
  }
  return snapshot;
}

/** The exact text written to disk, so "stale" is a plain string comparison. */
export function serializeSchema(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
